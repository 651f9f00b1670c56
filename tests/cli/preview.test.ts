import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    const dir = path.join(root, 'output/preview/briefing');
    const spec = JSON.parse(readFileSync(path.join(root, 'output/briefing.manifest.json'), 'utf8')) as { slides: unknown[] };
    const slides = readdirSync(dir).filter((f) => /^slide-\d+\.png$/.test(f));
    expect(slides).toHaveLength(spec.slides.length);
    const one = pngSize(path.join(dir, slides[0]!));
    expect(one.width / one.height).toBeCloseTo(16 / 9, 1);
    const sheet = pngSize(path.join(dir, 'contact-sheet.png'));
    expect(sheet.width).toBeGreaterThan(3 * 500); // three slides across
    expect(sheet.height).toBeGreaterThan(Math.ceil(spec.slides.length / 3) * 300);
    expect(readFileSync(path.join(dir, 'briefing.pdf')).subarray(0, 4).toString()).toBe('%PDF');
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
});
