/**
 * What a preview needs from the machine, and the error that names what to install. Apart from
 * tools.ts (which spawns the programs), so that the library's entry exports the error without
 * loading child_process.
 */

/** The programs previews need, and the Debian packages that bring them. */
export const TOOLS = {
  soffice: 'libreoffice-impress fonts-hosny-amiri fonts-noto-core',
  pdftoppm: 'poppler-utils',
  montage: 'imagemagick',
} as const;

export type Tool = keyof typeof TOOLS;

export class MissingToolError extends Error {
  constructor(readonly tools: Tool[]) {
    const packages = [...new Set(tools.map((t) => TOOLS[t]))].join(' ');
    super(`${tools.join(', ')} ${tools.length > 1 ? 'are' : 'is'} not installed. On Debian or Ubuntu: apt-get install ${packages} (on macOS: brew install --cask libreoffice; brew install poppler imagemagick)`);
    this.name = 'MissingToolError';
  }
}

