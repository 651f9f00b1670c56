/**
 * A page of a PDF as grey pixels (pdftoppm), and the bottom edge of a table found on it: the
 * word boxes (pdftotext) do not show where a row ends, only where its text is.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Raster {
  width: number;
  height: number;
  /** Pixels per inch. */
  dpi: number;
  /** One byte a pixel, row by row: 0 black, 255 white. */
  grey: Uint8Array;
}

/** Page `page` (1-based) of `pdf` in grey at `dpi`. */
export async function rasterPage(pdf: string, page: number, dpi = 144): Promise<Raster> {
  const out = `${pdf}.page${page}`;
  await run('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', String(page), '-l', String(page), pdf, out], { timeout: 60_000 });
  const bytes = await readFile(`${out}.pgm`);
  await rm(`${out}.pgm`, { force: true });
  // a binary PGM: "P5", width, height, maximum value, then the pixels
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`pdftoppm wrote no PGM for page ${page} of ${pdf}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, dpi, grey: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/**
 * Where, in inches from the top of the page, the vertical line that starts at (`x`, `top`)
 * ends: the left border of a table, drawn from its top to the bottom of its last row. The line is
 * looked for within 0.03 in of `x`; a gap of a pixel or two (anti-aliasing) does not end it.
 */
export function lineEnd(r: Raster, x: number, top: number, dark = 235): number | undefined {
  let end: number | undefined;
  const y0 = Math.round(top * r.dpi);
  const span = Math.ceil(0.03 * r.dpi);
  for (let px = Math.round(x * r.dpi) - span; px <= Math.round(x * r.dpi) + span; px++) {
    if (px < 0 || px >= r.width || r.grey[y0 * r.width + px]! >= dark) continue;
    let last = y0;
    for (let y = y0 + 1, gap = 0; y < r.height && gap < 3; y++) {
      if (r.grey[y * r.width + px]! < dark) {
        last = y;
        gap = 0;
      } else gap++;
    }
    end = Math.max(end ?? 0, last / r.dpi);
  }
  return end;
}
