import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rightToLeftTiles } from '../../src/preview/preview.js';
import { missingFrom } from '../../src/preview/tools.js';
import { REPO, tempProject } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 4).equals(PNG)).toBe(true);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('mujaz preview', () => {
  it('renders the briefing deck: a PDF, one PNG per slide and a contact sheet', async () => {
    const root = await tempProject();
    const r = spawnSync(process.execPath, [CLI, 'preview', '--root', root], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\[1\/1\]/); // no progress lines when stderr is not a terminal
    expect(r.stderr).not.toMatch(/MJZ154/); // Amiri is installed where the tests run
    const dir = path.join(root, 'output/preview/briefing');
    const spec = JSON.parse(readFileSync(path.join(root, 'output/briefing.manifest.json'), 'utf8')) as { slides: unknown[] };
    const slides = readdirSync(dir).filter((f) => /^slide-\d+\.png$/.test(f)).sort();
    expect(slides).toHaveLength(spec.slides.length);
    const one = pngSize(path.join(dir, slides[0]!));
    expect(one.width / one.height).toBeCloseTo(16 / 9, 1);
    const sheet = pngSize(path.join(dir, 'contact-sheet.png'));
    expect(sheet.width).toBeGreaterThan(3 * 500); // three slides across
    expect(sheet.height).toBeGreaterThan(Math.ceil(spec.slides.length / 3) * 300);
    expect(readFileSync(path.join(dir, 'briefing.pdf')).subarray(0, 4).toString()).toBe('%PDF');

    // The sheet reads right to left: slide 1 in the top right tile, and the last row's empty
    // tiles on its left. (Tiles are 600×338 with a 6-pixel margin: 612×350 apart.)
    const work = mkdtempSync(path.join(os.tmpdir(), 'mujaz-sheet-'));
    const magick = (tool: string, args: string[]) => spawnSync(tool, args, { encoding: 'utf8' });
    const tile = (col: number, row: number) => {
      const file = path.join(work, `tile-${col}-${row}.png`);
      expect(magick('convert', [path.join(dir, 'contact-sheet.png'), '-crop', `600x338+${col * 612 + 6}+${row * 350 + 6}`, '+repage', file]).status).toBe(0);
      return file;
    };
    const slide = (n: number) => {
      const file = path.join(work, `slide-${n}.png`);
      expect(magick('convert', [path.join(dir, slides[n - 1]!), '-resize', '600x338!', file]).status).toBe(0);
      return file;
    };
    const distance = (a: string, b: string) => Number(/\(([\d.e-]+)\)/.exec(magick('compare', ['-metric', 'RMSE', a, b, 'null:']).stderr)![1]);
    // (a tile is a resampled slide, not the same pixels: it is nearer its own slide than the others)
    const topRight = tile(2, 0);
    expect(distance(topRight, slide(1))).toBeLessThan(Math.min(distance(topRight, slide(2)), distance(topRight, slide(3))) / 4);
    const rows = Math.ceil(slides.length / 3);
    if (slides.length % 3 !== 0) {
      const mean = magick('convert', [tile(0, rows - 1), '-resize', '1x1!', '-format', '%[fx:int(255*r)],%[fx:int(255*g)],%[fx:int(255*b)]', 'info:']).stdout;
      expect(mean).toBe('208,212,218'); // the sheet's background, #d0d4da: an empty tile
      const first = 3 * (rows - 1) + 1; // the last row's first slide, at its right
      const right = tile(2, rows - 1);
      expect(distance(right, slide(first))).toBeLessThan(distance(right, slide(slides.length)));
    }
  }, 180_000);

  it('warns, at the theme line, when the theme names a font this machine lacks (the preview would show a stand-in) or one without Arabic letters', async () => {
    const root = await tempProject();
    const theme = path.join(root, 'templates/briefing/theme.yaml');
    // (DejaVu Serif, of fonts-dejavu-core, has no Arabic letters; a misspelt Amiri is near the
    // Amiri that .ci/run installs, where another near name may or may not be installed)
    writeFileSync(theme, readFileSync(theme, 'utf8').replace(/(\n  body: )[^\n]+/, '$1Amirii').replace(/(\n  heading: )[^\n]+/, '$1"DejaVu Serif"'));
    const r = spawnSync(process.execPath, [CLI, 'preview', '--root', root], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(theme, 'utf8').split('\n');
    const at = (font: string) => `${lines.findIndex((l) => l.includes(font)) + 1}:${lines.find((l) => l.includes(font))!.indexOf(font) + 1}`;
    expect(r.stderr).toContain(`templates/briefing/theme.yaml:${at('Amirii')}: warning MJZ154: The font "Amirii" that the theme of "briefing" names is not installed here`);
    expect(r.stderr).toContain('hint: Did you mean "Amiri"?');
    expect(r.stderr).toContain(`templates/briefing/theme.yaml:${at('DejaVu Serif')}: warning MJZ157: The font "DejaVu Serif" that the theme of "briefing" names has no Arabic letters`);
    expect(r.stderr).not.toMatch(/font "Amiri"/);
  }, 180_000);

  it('says what to install when LibreOffice is missing', () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'mujaz-path-'));
    symlinkSync(process.execPath, path.join(bin, 'node'));
    const r = spawnSync(process.execPath, [CLI, 'preview', '--root', REPO, '--out', path.join(bin, 'out')], { encoding: 'utf8', env: { ...process.env, PATH: bin } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('soffice');
    expect(r.stderr).toContain('apt-get install libreoffice-impress');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads fc-list as it prints names: split at unescaped commas, escapes removed, any case', () => {
    const listing = 'Amiri\nHyphen\\-Face,Hyphen Face Alt\nComma\\, Inc\nDejaVu Sans,DejaVu Sans Light\n';
    expect(missingFrom(listing, ['amiri', 'Hyphen-Face', 'Comma, Inc', 'DejaVu Sans Light', 'Noto Naskh Arabicc'])).toEqual(['Noto Naskh Arabicc']);
  });

  it('orders the contact sheet right to left, the last row filled on its left', () => {
    const slides = ['1', '2', '3', '4', '5', '6', '7'];
    expect(rightToLeftTiles(slides, 3)).toEqual(['3', '2', '1', '6', '5', '4', 'null:', 'null:', '7']);
    expect(rightToLeftTiles(slides.slice(0, 6), 3)).toEqual(['3', '2', '1', '6', '5', '4']);
    expect(rightToLeftTiles(slides.slice(0, 2), 4)).toEqual(['null:', 'null:', '2', '1']);
    expect(rightToLeftTiles([], 3)).toEqual([]);
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => rightToLeftTiles(slides, bad)).toThrow(RangeError);
  });
});
