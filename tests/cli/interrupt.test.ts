/**
 * A build stopped while it writes its deck: Ctrl-C (SIGINT), SIGTERM or SIGHUP leaves no temporary
 * file and the previous deck and manifest as they were, and exits 130, 143 or 129; a build killed outright
 * (SIGKILL) leaves its temporary file, which the next build into the folder removes.
 *
 * The build is held at a chosen step of its write by a preloaded module
 * (tests/fixtures/interrupt/hold.mjs) that says on stderr when it is there: the signal lands at
 * that step every time, not by luck of timing. The last test sends Ctrl-C to a real build of a
 * large outline the moment its temporary file appears, and checks only what holds wherever the
 * signal lands.
 */
import { spawn, spawnSync } from 'node:child_process';
import { watch } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, replaceOnce, syntheticProject, tempProject } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');
const HOLD = path.join(REPO, 'tests/fixtures/interrupt/hold.mjs');
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_'))), NO_COLOR: '1' };

/** Runs mujaz, sending `signal` once `ready` says so; resolves with its exit. */
function interrupted(args: string[], options: { hold?: string; signal: NodeJS.Signals; ready: (stderr: string) => boolean | Promise<boolean> }) {
  const child = spawn(process.execPath, [...(options.hold ? ['--import', HOLD] : []), CLI, ...args], { env: { ...env, MUJAZ_TEST_HOLD: options.hold ?? '' } });
  let stderr = '';
  let sent = false;
  const send = () => {
    if (!sent) child.kill(options.signal);
    sent = true;
  };
  child.stderr.on('data', async (chunk: Buffer) => {
    stderr += chunk.toString();
    if (await options.ready(stderr)) send();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, send, exited };
}

/** A project built once (the previous deck), then changed so that the next build writes another deck. */
async function builtThenChanged(): Promise<{ root: string; out: string; before: Buffer[] }> {
  const root = await tempProject();
  const first = spawnSync(process.execPath, [CLI, 'build', '--root', root], { env, encoding: 'utf8' });
  expect(first.status, first.stderr).toBe(0);
  const out = path.join(root, 'output');
  const before = await Promise.all(['briefing.pptx', 'briefing.manifest.json'].map((f) => readFile(path.join(out, f))));
  const facts = path.join(root, 'content/facts.yaml');
  await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 28', 'value: 29'));
  return { root, out, before };
}

const deckAndManifest = (out: string) => Promise.all(['briefing.pptx', 'briefing.manifest.json'].map((f) => readFile(path.join(out, f))));

describe('a build stopped while it writes', () => {
  it.each([
    { name: 'Ctrl-C (SIGINT)', signal: 'SIGINT', code: 130 },
    { name: 'SIGTERM', signal: 'SIGTERM', code: 143 },
    { name: 'SIGHUP (the terminal closed)', signal: 'SIGHUP', code: 129 },
  ] as const)('by $name while the deck is written: no temporary file is left, the previous deck stays, exit $code', async ({ signal, code }) => {
    const { root, out, before } = await builtThenChanged();
    const run = interrupted(['build', '--root', root], { hold: 'write', signal, ready: (s) => s.includes('MUJAZ-TEST: held at write') });
    const held = await run.exited;
    expect(held.stderr).toContain('MUJAZ-TEST: held at write');
    expect([held.code, held.signal], held.stderr).toEqual([code, null]);
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
    expect(await deckAndManifest(out)).toEqual(before);
  });

  it('by Ctrl-C between the renames: the new deck already in place is put back, beside its manifest', async () => {
    const { root, out, before } = await builtThenChanged();
    const run = interrupted(['build', '--root', root], {
      hold: 'rename',
      signal: 'SIGINT',
      // (the new deck is in place when the signal is sent: it must be taken back)
      ready: async (s) => s.includes('MUJAZ-TEST: held at rename') && !(await readFile(path.join(out, 'briefing.pptx'))).equals(before[0]!),
    });
    const held = await run.exited;
    expect([held.code, held.signal], held.stderr).toEqual([130, null]);
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
    expect(await deckAndManifest(out)).toEqual(before);
  });

  it('by SIGKILL: its temporary file stays, and the next build into the folder removes it', async () => {
    const { root, out, before } = await builtThenChanged();
    const run = interrupted(['build', '--root', root], { hold: 'write', signal: 'SIGKILL', ready: (s) => s.includes('MUJAZ-TEST: held at write') });
    expect((await run.exited).signal).toBe('SIGKILL');
    const left = (await readdir(out)).filter((f) => f.endsWith('.tmp'));
    expect(left).toEqual([expect.stringMatching(/^\.briefing\.pptx\.\d+\.[0-9a-f]{12}\.tmp$/)]);
    expect(await deckAndManifest(out)).toEqual(before);
    const next = spawnSync(process.execPath, [CLI, 'build', '--root', root], { env, encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
  });

  it('by Ctrl-C the moment a large deck starts to be written: no temporary file, and the deck and manifest left are both the old or both the new', async () => {
    const root = await syntheticProject(600);
    const out = path.join(root, 'output');
    const build = () => spawnSync(process.execPath, [CLI, 'build', '-a', 'bench', '--root', root], { env, encoding: 'utf8' });
    const first = build();
    expect(first.status, first.stderr.slice(-3000)).toBe(0);
    const old = await Promise.all(['bench.pptx', 'bench.manifest.json'].map((f) => readFile(path.join(out, f))));
    const outline = path.join(root, 'content/article.yaml');
    await writeFile(outline, (await readFile(outline, 'utf8')).replace('المحور 1:', 'المحور الأول:'));
    // the deck the changed outline makes, built elsewhere (a build's bytes are the same every time)
    const elsewhere = spawnSync(process.execPath, [CLI, 'build', '-a', 'bench', '--root', root, '--out', path.join(root, 'new')], { env, encoding: 'utf8' });
    expect(elsewhere.status).toBe(0);
    const renewed = await Promise.all(['bench.pptx', 'bench.manifest.json'].map((f) => readFile(path.join(root, 'new', f))));
    expect(renewed[0]!.equals(old[0]!)).toBe(false);

    const run = interrupted(['build', '-a', 'bench', '--root', root], { signal: 'SIGINT', ready: () => false });
    const watcher = watch(out, (_event, name) => {
      if (name?.endsWith('.tmp')) run.send();
    });
    const result = await run.exited;
    watcher.close();
    // exit 130, or 0 when the build was done before the signal came
    expect([130, 0], result.stderr).toContain(result.code);
    expect((await readdir(out)).sort()).toEqual(['bench.manifest.json', 'bench.pptx']);
    const left = await Promise.all(['bench.pptx', 'bench.manifest.json'].map((f) => readFile(path.join(out, f))));
    const same = (a: Buffer[], b: Buffer[]) => a.every((x, i) => x.equals(b[i]!));
    expect(same(left, old) || same(left, renewed), 'the deck and manifest left are one build’s, whole').toBe(true);
  });

  it('while another process builds the same deck into the folder: that one waits for the pair to be in place, and the deck and manifest left are one build’s', async () => {
    // A is held between its renames (its deck in place, its manifest not), then stopped: it puts
    // its previous deck back. B, started meanwhile on changed content, must not rename its pair
    // in between: without the lock, A's putting back left the old deck beside B's manifest.
    const { root, out } = await builtThenChanged();
    let held!: () => void;
    const atRename = new Promise<void>((resolve) => (held = resolve));
    const a = interrupted(['build', '--root', root], { hold: 'rename', signal: 'SIGINT', ready: (s) => (s.includes('MUJAZ-TEST: held at rename') && held(), false) });
    await atRename;
    const facts = path.join(root, 'content/facts.yaml');
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), 'value: 29', 'value: 30'));
    const elsewhere = spawnSync(process.execPath, [CLI, 'build', '--root', root, '--out', path.join(root, 'b')], { env, encoding: 'utf8' });
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    const bPair = await deckAndManifest(path.join(root, 'b'));

    let bStderr = '';
    const b = spawn(process.execPath, ['--import', HOLD, CLI, 'build', '--root', root], { env: { ...env, MUJAZ_TEST_HOLD: '' } });
    const bExited = new Promise<number | null>((resolve) => b.on('close', resolve));
    await new Promise<void>((resolve) => {
      b.stderr.on('data', (chunk: Buffer) => {
        bStderr += chunk.toString();
        if (bStderr.includes('MUJAZ-TEST: waiting for the lock')) resolve();
      });
      void bExited.then(() => resolve());
    });
    expect(bStderr, 'B waits while A is between its renames').toContain('MUJAZ-TEST: waiting for the lock');
    a.send();
    expect((await a.exited).code).toBe(130);
    expect(await bExited, bStderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['briefing.manifest.json', 'briefing.pptx']);
    expect(await deckAndManifest(out)).toEqual(bPair);
  });
});
