import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MissingToolError, missingTools, run } from './tools.js';

export interface PreviewFiles {
  pdf: string;
  slides: string[];
  contactSheet: string;
}

export interface PreviewProgress {
  (event: { step: 'pdf' | 'slides' | 'sheet'; deck: string }): void;
}

/** Throws a MissingToolError naming what to install when LibreOffice, poppler or ImageMagick is missing. */
export function checkPreviewTools(): void {
  const missing = missingTools(['soffice', 'pdftoppm', 'montage']);
  if (missing.length) throw new MissingToolError(missing);
}

/**
 * The slides in the order montage lays its tiles (left to right, row by row) for a sheet that
 * reads right to left: each row reversed, so slide 1 is at the top right, and the last row
 * filled with empty tiles (`null:`) on its left.
 */
export function rightToLeftTiles(slides: readonly string[], columns: number): string[] {
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`a contact sheet needs a whole number of columns, at least 1 (not ${columns})`);
  const tiles: string[] = [];
  for (let start = 0; start < slides.length; start += columns) {
    const row = slides.slice(start, start + columns);
    tiles.push(...Array<string>(columns - row.length).fill('null:'), ...row.reverse());
  }
  return tiles;
}

/**
 * Renders a deck as a reader would see it: LibreOffice (headless, with a private profile so it
 * works beside a running LibreOffice and in CI) to PDF, one PNG per slide, and a contact sheet
 * of all slides, read right to left, under `dir`: deck.pdf, slide-01.png …, contact-sheet.png.
 */
export async function previewDeck(deck: string, dir: string, options: { columns?: number; onProgress?: PreviewProgress } = {}): Promise<PreviewFiles> {
  checkPreviewTools();
  await mkdir(dir, { recursive: true });
  const work = await mkdtemp(path.join(os.tmpdir(), 'mujaz-preview-'));
  const name = path.basename(deck, path.extname(deck));
  try {
    options.onProgress?.({ step: 'pdf', deck: name });
    const profile = pathToFileURL(path.join(work, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, deck], 'LibreOffice');
    const pdf = path.join(dir, `${name}.pdf`);
    await rename(path.join(work, `${name}.pdf`), pdf);

    options.onProgress?.({ step: 'slides', deck: name });
    for (const old of await readdir(dir)) if (/^slide-\d+\.png$/.test(old)) await rm(path.join(dir, old));
    await run('pdftoppm', ['-png', '-r', '96', pdf, path.join(dir, 'slide')], 'pdftoppm');
    // pdftoppm pads page numbers to the page count's width; name them slide-01.png … always
    const slides: string[] = [];
    for (const f of (await readdir(dir)).filter((x) => /^slide-\d+\.png$/.test(x))) {
      const n = Number(/\d+/.exec(f)![0]);
      const named = path.join(dir, `slide-${String(n).padStart(2, '0')}.png`);
      if (path.join(dir, f) !== named) await rename(path.join(dir, f), named);
      slides[n - 1] = named;
    }

    options.onProgress?.({ step: 'sheet', deck: name });
    const contactSheet = path.join(dir, 'contact-sheet.png');
    const columns = Math.min(options.columns ?? 3, Math.max(1, slides.length)); // (no empty columns)
    await run(
      'montage',
      [...rightToLeftTiles(slides, columns), '-tile', `${columns}x`, '-geometry', '600x338+6+6', '-background', '#d0d4da', '-depth', '8', '-define', 'png:color-type=2', contactSheet],
      'ImageMagick montage',
    );
    return { pdf, slides, contactSheet };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
