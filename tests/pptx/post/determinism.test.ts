/**
 * Determinism: the same content gives the same bytes, whatever the wall-clock
 * time, the time zone, and how many decks the process built before.
 *
 * 1. In this process: two builds more than a second apart, the second after
 *    the first has advanced pptxgenjs' module-global chart counter (its parts
 *    are chart4..6.xml) and with another time zone (Node applies a change of
 *    process.env.TZ immediately; the test checks that it took effect).
 * 2. In a fresh process (a child vitest run of tests/fixtures/post/emit.child.ts
 *    with TZ=Pacific/Kiritimati, UTC+14): its chart counter starts at 0 and
 *    its clock and zone differ. Its bytes must equal this process's bytes.
 *    (Node 20 cannot run the TypeScript sources without a loader, and tsx is
 *    not installed; vitest is, and transpiles them in the child too.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { finalizePackage } from '../../../src/pptx/post/index.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { fixtureOptions, repoRoot } from '../../fixtures/post/options.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const chartParts = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes)).files).filter((n) => /chart\d+\.xml$/.test(n)).sort();

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

let first: Uint8Array | undefined;
async function firstBuild(): Promise<{ raw: Uint8Array; final: Uint8Array }> {
  const raw = await makeDeck();
  const final = await finalizePackage(raw, fixtureOptions());
  first ??= final;
  return { raw, final };
}

describe('in one process', () => {
  it('gives identical bytes for builds seconds apart, with another chart counter state and time zone', async () => {
    const a = await firstBuild();
    await sleep(1100);
    const tz = process.env.TZ;
    const offsetBefore = new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset();
    process.env.TZ = offsetBefore === -840 ? 'America/Los_Angeles' : 'Pacific/Kiritimati';
    try {
      expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).not.toBe(offsetBefore);
      const rawB = await makeDeck();
      const finalB = await finalizePackage(rawB, fixtureOptions());
      // The inputs really differ: part names (chart counter), dates, section GUIDs.
      expect(await chartParts(a.raw)).not.toEqual(await chartParts(rawB));
      expect(same(a.raw, rawB)).toBe(false);
      expect(same(a.final, finalB)).toBe(true);
      expect(await chartParts(finalB)).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('is idempotent: finalizing a finalized package changes nothing', async () => {
    const once = await finalizePackage(await makeDeck(), fixtureOptions());
    expect(same(await finalizePackage(once, fixtureOptions()), once)).toBe(true);
  });

  it('depends on the content: another fixed date gives other bytes', async () => {
    const raw = await makeDeck();
    const a = await finalizePackage(raw, fixtureOptions());
    const b = await finalizePackage(raw, fixtureOptions({ fixedDate: '2024-03-02T09:30:00Z' }));
    expect(same(a, b)).toBe(false);
  });
});

describe('across processes', () => {
  it('gives the same bytes in a fresh process with another time zone', async () => {
    const mine = first ?? (await firstBuild()).final;
    const dir = mkdtempSync(path.join(tmpdir(), 'mujaz-post-child-'));
    dirs.push(dir);
    const out = path.join(dir, 'child.pptx');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST'));
    const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');
    const run = spawnSync(
      process.execPath,
      [vitest, 'run', '--config', 'tests/fixtures/post/vitest.child.config.ts', '--reporter', 'dot'],
      { cwd: repoRoot, env: { ...env, TZ: 'Pacific/Kiritimati', MUJAZ_POST_EMIT: out }, encoding: 'utf8', timeout: 120_000 },
    );
    const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    expect(run.status, log).toBe(0);
    expect(existsSync(out), log).toBe(true);
    expect(readFileSync(`${out}.tz`, 'utf8')).toBe('Pacific/Kiritimati -840');
    expect(same(new Uint8Array(readFileSync(out)), mine)).toBe(true);
  });
});
