// A deck held open by PowerPoint on Windows cannot be replaced (the rename fails with EBUSY):
// the build says so and how to fix it, and the deck and manifest already there stay.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildDecks } from '../../src/api.js';
import { tempProject } from '../helpers/project.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, rename: vi.fn(fs.rename) };
});

describe('a deck another program holds open', () => {
  it('is MJZ190 naming the file in use and saying to close it; the previous deck and manifest stay', async () => {
    const root = await tempProject();
    const [first] = await buildDecks({ root });
    expect(first?.bytes).toBeDefined();
    const deck = path.join(root, 'output/briefing.pptx');
    const manifest = path.join(root, 'output/briefing.manifest.json');
    const before = [await readFile(deck), await readFile(manifest)];
    const real = vi.mocked(rename).getMockImplementation()!;
    vi.mocked(rename).mockImplementation(async (from, to) => {
      if (to === deck) throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${String(from)}' -> '${String(to)}'`), { code: 'EBUSY' });
      return real(from, to);
    });
    try {
      const [again] = await buildDecks({ root });
      expect(again?.bytes).toBeUndefined();
      const problem = again!.diagnostics.find((d) => d.code === 'MJZ190');
      expect(problem?.message).toBe(`Cannot write ${deck}: the file is in use by another program`);
      expect(problem?.hint).toMatch(/^If the deck is open in PowerPoint or another program that locks it, close it and build again/);
      expect(problem?.location?.file).toBe(deck);
    } finally {
      vi.mocked(rename).mockImplementation(real);
    }
    expect([await readFile(deck), await readFile(manifest)]).toEqual(before);
  });
});
