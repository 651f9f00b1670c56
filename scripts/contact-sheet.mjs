#!/usr/bin/env node
// Renders a deck with LibreOffice and lays its slides out on one contact-sheet PNG.
//
//   node scripts/contact-sheet.mjs <deck.pptx> <out.png> [--cols 3] [--width 1800]
//   node scripts/contact-sheet.mjs <deck.pptx> --slide N <out-slide.png>
//
// Needs LibreOffice (soffice), poppler-utils (pdftoppm) and, for the contact sheet, ImageMagick
// (montage). LibreOffice runs with a private profile in a temporary folder, so the script works
// while another LibreOffice is open. Messages go to stderr; the exit code is 0 on success, 1 on a
// failed conversion, 2 on bad arguments and 3 when a tool is missing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const USAGE = `usage:
  node scripts/contact-sheet.mjs <deck.pptx> <out.png> [--cols 3] [--width 1800]
  node scripts/contact-sheet.mjs <deck.pptx> --slide N <out-slide.png>`;

const TOOLS = {
  soffice: 'libreoffice-impress (apt-get install libreoffice-impress fonts-hosny-amiri)',
  pdftoppm: 'poppler-utils (apt-get install poppler-utils)',
  montage: 'imagemagick (apt-get install imagemagick)',
};

class UsageError extends Error {}
class ToolError extends Error {}

function parseArgs(argv) {
  const positional = [];
  const opts = { cols: 3, width: 1800, slide: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      process.stderr.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (arg === '--cols' || arg === '--width' || arg === '--slide') {
      const value = argv[++i];
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`${arg} needs a positive whole number, got "${value ?? ''}"`);
      opts[arg.slice(2)] = n;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new UsageError('expected a deck and an output PNG');
  const [deck, out] = positional;
  if (!/\.pptx$/i.test(deck)) throw new UsageError(`the deck should be a .pptx file: ${deck}`);
  if (!existsSync(deck)) throw new UsageError(`no such deck: ${deck}`);
  if (!/\.png$/i.test(out)) throw new UsageError(`the output should be a .png file: ${out}`);
  return { deck: path.resolve(deck), out: path.resolve(out), ...opts };
}

function requireTool(name) {
  const found = (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, name)));
  if (!found) throw new ToolError(`${name} is not on PATH: install ${TOOLS[name]}`);
}

function run(cmd, args, what, timeout = 120_000) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout });
  if (r.error) throw new Error(`${what} failed: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
  return r;
}

/** LibreOffice → PDF in `dir`, with a private profile so it does not clash with a running LibreOffice. */
function toPdf(deck, dir) {
  const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, deck], 'LibreOffice conversion');
  const pdf = path.join(dir, `${path.basename(deck, path.extname(deck))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${deck} (is another soffice using the same profile?)`);
  return pdf;
}

/** The PDF's page count from pdfinfo (poppler-utils, like pdftoppm); undefined if unknown. */
function pageCount(pdf) {
  const r = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const m = r.status === 0 ? /^Pages:\s+(\d+)/m.exec(r.stdout) : null;
  return m ? Number(m[1]) : undefined;
}

function pngsIn(dir, prefix) {
  // pdftoppm pads page numbers to the width of the page count: page-01.png … page-18.png.
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(a.slice(prefix.length + 1, -4)) - Number(b.slice(prefix.length + 1, -4)))
    .map((f) => path.join(dir, f));
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`contact-sheet: ${err.message}\n${USAGE}\n`);
    return 2;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-sheet-'));
  try {
    requireTool('soffice');
    requireTool('pdftoppm');
    if (args.slide === undefined) requireTool('montage');

    const pdf = toPdf(args.deck, dir);
    if (args.slide !== undefined) {
      const pages = pageCount(pdf);
      if (pages !== undefined && args.slide > pages) throw new Error(`--slide ${args.slide}: the deck has ${pages} slides`);
      const n = String(args.slide);
      const base = path.join(dir, 'slide');
      run('pdftoppm', ['-png', '-r', '110', '-f', n, '-l', n, '-singlefile', pdf, base], 'pdftoppm');
      if (!existsSync(`${base}.png`)) throw new Error(`pdftoppm wrote no image for slide ${n}`);
      copyFileSync(`${base}.png`, args.out);
      process.stderr.write(`slide ${n} → ${args.out}\n`);
      return 0;
    }

    run('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'page')], 'pdftoppm');
    const pages = pngsIn(dir, 'page');
    if (!pages.length) throw new Error('pdftoppm produced no pages');
    // Each tile is (width / cols) wide minus the 2×6 px border of -geometry +6+6.
    const tileW = Math.max(40, Math.floor(args.width / args.cols) - 12);
    run('montage', [...pages, '-tile', `${args.cols}x`, '-geometry', `${tileW}x+6+6`, '-background', '#d0d4da', '-depth', '8', args.out], 'montage');
    const kb = Math.round(statSync(args.out).size / 1024);
    process.stderr.write(`${pages.length} slides → ${args.out} (${args.cols} columns, ${kb} KB)\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`contact-sheet: ${err.message}\n`);
    return err instanceof ToolError ? 3 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
