/**
 * Human output of the command line, on stderr: results, and progress for long work. Progress
 * shows only on a terminal and never with --quiet; colour only on a terminal without NO_COLOR.
 * Data goes to stdout elsewhere, untouched by any of this.
 */
export interface Output {
  /** A result line (✓ or ✗ …): always shown unless --quiet. */
  result(ok: boolean, text: string): void;
  /** A passing status line that the next one replaces (terminal only). */
  progress(text: string): void;
  /** Clears a pending progress line. */
  done(): void;
  /** A line to show unless --quiet. */
  info(text: string): void;
}

export function createOutput(options: { quiet?: boolean; stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv } = {}): Output {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const tty = Boolean(stream.isTTY);
  const color = tty && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb';
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let pending = false;
  const clear = () => {
    if (pending) stream.write('\r\u001b[2K');
    pending = false;
  };
  return {
    result(ok, text) {
      if (options.quiet && ok) return;
      clear();
      stream.write(`${ok ? paint(32, '✓') : paint(31, '✗')} ${text}\n`);
    },
    progress(text) {
      if (!tty || options.quiet) return;
      clear();
      stream.write(paint(2, text));
      pending = true;
    },
    done: clear,
    info(text) {
      if (options.quiet) return;
      clear();
      stream.write(`${text}\n`);
    },
  };
}
