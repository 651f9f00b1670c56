/** LibreOffice and poppler, as the render tests use them. */
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseBboxLayout, type Page } from './bbox.js';

const run = promisify(execFile);

export const INSTALL_HINT = 'apt-get install libreoffice-impress fonts-hosny-amiri poppler-utils';

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** What is missing to run the render tests, as a sentence; undefined when all is there. */
export async function missingTools(): Promise<string | undefined> {
  const missing = ['soffice', 'pdftotext'].filter((t) => !onPath(t));
  if (onPath('fc-list')) {
    const { stdout } = await run('fc-list', [':family=Amiri', 'family']).catch(() => ({ stdout: '' }));
    if (!stdout.trim()) missing.push('the Amiri font');
  }
  if (!missing.length) return undefined;
  return `The render tests need LibreOffice, poppler-utils and the Amiri font; missing: ${missing.join(', ')}. Install them with: ${INSTALL_HINT} (or set MUJAZ_SKIP_RENDER=1 to skip these tests).`;
}

/**
 * .pptx → .pdf with LibreOffice, in a private profile under `dir` so it runs beside another
 * LibreOffice (and beside a parallel conversion with another `dir`).
 */
export async function toPdf(pptx: string, dir: string, timeout = 60_000): Promise<string> {
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx];
  try {
    await run('soffice', args, { timeout, maxBuffer: 16 << 20 });
  } catch (err) {
    throw new Error(`soffice ${args.join(' ')} failed: ${(err as Error).message}`, { cause: err });
  }
  const pdf = path.join(dir, `${path.basename(pptx, '.pptx')}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`);
  return pdf;
}

/** The word boxes of every page (`pdftotext -bbox-layout`). */
export async function wordBoxes(pdf: string): Promise<Page[]> {
  const out = pdf.replace(/\.pdf$/, '.bbox.html');
  await run('pdftotext', ['-bbox-layout', pdf, out], { timeout: 60_000 });
  return parseBboxLayout(await readFile(out, 'utf8'));
}
