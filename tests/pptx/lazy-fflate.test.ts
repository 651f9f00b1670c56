/**
 * A build does not load fflate, whose tables take about 6 ms of a cold start to build: the zips
 * it reads back are the charts' workbooks, which mujaz itself zipped in stored blocks
 * (src/pptx/parts.ts) and reads without it (readStoredZip). fflate reads any other zip (a
 * package given to finalizePackage). (`mujaz diff` reads a deck with Node's zlib, or JSZip:
 * verifiedEntry.)
 */
import { describe, expect, it, vi } from 'vitest';

let loaded = 0;
vi.mock('fflate', async (original) => {
  loaded++;
  return original<typeof import('fflate')>();
});

const { buildDeck } = await import('../../src/api.js');
const { REPO } = await import('../helpers/project.js');

describe('fflate', () => {
  it('is not loaded by a build of a deck with charts', async () => {
    const result = await buildDeck({ root: REPO, audience: 'briefing' });
    expect(result.bytes).toBeDefined();
    expect(result.spec?.slides.some((s) => s.kind === 'chart')).toBe(true);
    expect(loaded).toBe(0);
  });

  it('is loaded to read a zip of compressed entries', async () => {
    const { readZip, writeZip } = await import('../../src/pptx/post/zip.js');
    const files = await readZip(await writeZip(new Map([['a.xml', new TextEncoder().encode('<a/>')]]), new Date(Date.UTC(2025, 0, 1)), 6));
    expect([...files.keys()]).toEqual(['a.xml']);
    expect(loaded).toBe(1);
  });
});
