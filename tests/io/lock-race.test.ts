/**
 * Several processes writing the same deck and manifest into one folder at once, a lock left by a
 * build killed outright waiting for them there: they replace their pairs one after the other
 * (each pair's renames never interleave with another's), and the deck and manifest left are one
 * process's. Before the takeover was guarded, two of them took the stale lock over at once in
 * most runs of this test.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';

const WRITER = path.join(REPO, 'tests/fixtures/lock/writer.mjs');

describe('the lock on a deck and its manifest', () => {
  it('keeps several processes apart, a stale lock left among them', async () => {
    for (let round = 0; round < 8; round++) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-lock-'));
      await mkdir(path.join(dir, 'out'));
      await writeFile(path.join(dir, 'out/.deck.pptx.lock'), `${2 ** 22 + 7} deadbeef0000\n`); // (a killed build's)
      const runs = Array.from({ length: 5 }, () =>
        new Promise<number | null>((resolve) => spawn(process.execPath, [WRITER, path.join(REPO, 'dist'), dir, '2'], { stdio: 'inherit' }).on('close', resolve)),
      );
      // (all at once, once all are ready: they find the stale lock together)
      while ((await readFile(path.join(dir, 'ready'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).length < 5) await new Promise((resolve) => setTimeout(resolve, 5));
      await writeFile(path.join(dir, 'go'), '');
      expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0]);
      const log = (await readFile(path.join(dir, 'log'), 'utf8')).trim().split('\n');
      expect(log).toHaveLength(5 * 2 * 2);
      // each begin is followed by the same process's end
      for (let i = 0; i < log.length; i += 2) expect([log[i], log[i + 1]], `round ${round}:\n${log.join('\n')}`).toEqual([log[i], log[i]!.replace('begin', 'end')]);
      const [deck, manifest] = await Promise.all(['deck.pptx', 'deck.manifest.json'].map((f) => readFile(path.join(dir, 'out', f), 'utf8')));
      expect(deck).toBe(manifest);
    }
  }, 60_000);
});
