/**
 * A write stopped half-way (src/io/write.ts): Ctrl-C takes back the files under way
 * (abandonWrites, which the command line calls on SIGINT and SIGTERM), and the temporary files a
 * build killed outright (SIGKILL) left behind are removed by the next write into the folder.
 * writeFile and rename are wrapped so that a test can hold a write at a chosen step.
 */
import { spawnSync } from 'node:child_process';
import { writeFile as writeToFd, writeSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { abandonWrites, sweepStaleTemporaries, writeAtomicAll, WriteError } from '../../src/io/write.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, rename: vi.fn(fs.rename), writeFile: vi.fn(fs.writeFile), mkdir: vi.fn(fs.mkdir), readFile: vi.fn(fs.readFile), lstat: vi.fn(fs.lstat), rm: vi.fn(fs.rm) };
});
// (the data of a temporary file is written through its descriptor, with the callback writeFile)
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: fs, writeFile: vi.fn(fs.writeFile), writeSync: vi.fn(fs.writeSync) };
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const fn of [rename, writeFile, mkdir, readFile, lstat, rm, writeToFd, writeSync]) vi.mocked(fn as () => unknown).mockReset();
});

const folder = () => mkdtemp(path.join(os.tmpdir(), 'mujaz-interrupt-'));

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** Holds the next call of `fn` that `when` picks until released; `reached` resolves when it is held. */
function hold<F extends (...args: never[]) => Promise<unknown>>(fn: F, when: (...args: Parameters<F>) => boolean) {
  let release!: () => void;
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const real = vi.mocked(fn).getMockImplementation() as F;
  vi.mocked(fn).mockImplementation((async (...args: Parameters<F>) => {
    if (when(...args)) {
      reached();
      await held;
    }
    return real(...args);
  }) as never);
  return { reached: arrived, release };
}

/** Holds the callback writeFile of the data `when` picks until released (its file is made; its data not yet written). */
function holdData(when: (data: unknown) => boolean) {
  let release!: () => void;
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const arrived = new Promise<void>((resolve) => (reached = resolve));
  const real = vi.mocked(writeToFd).getMockImplementation() as (...args: unknown[]) => void;
  vi.mocked(writeToFd).mockImplementation(((fd: unknown, data: unknown, callback: (error: unknown) => void) => {
    if (!when(data)) return real(fd, data, callback);
    reached();
    void held.then(() => real(fd, data, callback));
  }) as never);
  return { reached: arrived, release };
}

describe('sweepStaleTemporaries', () => {
  it("removes a killed build's temporary files, and keeps those of a process that runs (EPERM: another user's) and other files", async () => {
    const dir = await folder();
    const dead = deadPid();
    const otherUsers = deadPid();
    const names = {
      dead: `.briefing.pptx.${dead}.3c86e6443df8.tmp`,
      deadManifest: `.briefing.manifest.json.${dead}.00aa11bb22cc.tmp`,
      live: `.briefing.pptx.${process.ppid}.3c86e6443df8.tmp`,
      otherUser: `.briefing.pptx.${otherUsers}.0123456789ab.tmp`,
      mine: `.briefing.pptx.${process.pid}.0123456789ab.tmp`, // made after this process began: one of its writes
      notOurs: ['.briefing.pptx.tmp', `.briefing.pptx.${dead}.tmp`, 'notes.tmp', `briefing.pptx.${dead}.3c86e6443df8.tmp`, '.x.0.3c86e6443df8.tmp', 'briefing.pptx'],
    };
    for (const name of [names.dead, names.deadManifest, names.live, names.otherUser, names.mine, ...names.notOurs]) await writeFile(path.join(dir, name), 'x');
    const kill = process.kill.bind(process);
    vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      if (pid === otherUsers) throw Object.assign(new Error('kill EPERM'), { code: 'EPERM' });
      return kill(pid, signal);
    });
    const removed = await sweepStaleTemporaries(dir);
    expect(removed.map((f) => path.basename(f)).sort()).toEqual([names.deadManifest, names.dead].sort());
    expect((await readdir(dir)).sort()).toEqual([names.live, names.otherUser, names.mine, ...names.notOurs].sort());
  });

  it("removes one with this process's pid that is older than the process (a pid used again, as in a container)", async () => {
    const dir = await folder();
    const name = `.media.pptx.${process.pid}.3c86e6443df8.tmp`;
    await writeFile(path.join(dir, name), 'x');
    expect(await sweepStaleTemporaries(dir)).toEqual([]);
    vi.spyOn(performance, 'timeOrigin', 'get').mockReturnValue(Date.now() + 60_000); // as if the process began after the file
    expect(await sweepStaleTemporaries(dir)).toEqual([path.join(dir, name)]);
  });

  it('is done by every write into the folder', async () => {
    const dir = await folder();
    const stale = `.a.pptx.${deadPid()}.3c86e6443df8.tmp`;
    await writeFile(path.join(dir, stale), 'a cut-off zip');
    await writeAtomicAll([
      [path.join(dir, 'a.pptx'), 'deck'],
      [path.join(dir, 'a.manifest.json'), 'manifest'],
    ]);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });
});

describe('abandonWrites (Ctrl-C during a write)', () => {
  async function previous(): Promise<{ dir: string; deck: string; manifest: string; files: [string, string][] }> {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const manifest = path.join(dir, 'a.manifest.json');
    await writeFile(deck, 'old deck');
    await writeFile(manifest, 'old manifest');
    return { dir, deck, manifest, files: [[deck, 'new deck'], [manifest, 'new manifest']] };
  }

  it('while the files are written: removes the temporary files, and the previous ones stay', async () => {
    const { dir, deck, manifest, files } = await previous();
    // (the manifest's data held: its temporary file is made, the deck's written)
    const held = holdData((data) => data === 'new manifest');
    const write = writeAtomicAll(files).catch((e: unknown) => e);
    await held.reached;
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toHaveLength(2);
    abandonWrites();
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
    held.release(); // (the process would have exited: here the write goes on, and fails)
    expect(await write).toBeInstanceOf(WriteError);
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['old deck', 'old manifest']);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('between the renames: the deck already replaced is put back beside its manifest (all or none)', async () => {
    const { dir, deck, manifest, files } = await previous();
    const held = hold(rename, (_from, to) => to === manifest);
    const write = writeAtomicAll(files).catch((e: unknown) => e);
    await held.reached;
    expect(await readFile(deck, 'utf8')).toBe('new deck');
    abandonWrites();
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['old deck', 'old manifest']);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
    held.release();
    expect(await write).toBeInstanceOf(WriteError);
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['old deck', 'old manifest']);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('between the renames of new files: the deck already in place is removed again', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const manifest = path.join(dir, 'a.manifest.json');
    const held = hold(rename, (_from, to) => to === manifest);
    const write = writeAtomicAll([[deck, 'new deck'], [manifest, 'new manifest']]).catch((e: unknown) => e);
    await held.reached;
    abandonWrites();
    expect(await readdir(dir)).toEqual([]);
    held.release();
    await write;
    expect(await readdir(dir)).toEqual([]);
  });

  it('once every file is in place: the new files stay, and the kept previous ones go', async () => {
    const { dir, deck, manifest, files } = await previous();
    // held after the last rename, before the temporary links to the previous files are removed
    let renamed = 0;
    const real = vi.mocked(rename).getMockImplementation()!;
    let release!: () => void;
    const waiting = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    vi.mocked(rename).mockImplementation(async (from, to) => {
      await real(from, to);
      if (++renamed === 2) {
        reached();
        await waiting;
      }
    });
    const write = writeAtomicAll(files);
    await arrived;
    abandonWrites();
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['new deck', 'new manifest']);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
    release();
    await write;
  });

  it('a lock whose few bytes the disk refuses is removed: no empty lock for the next build to wait on', async () => {
    const { dir, deck, manifest, files } = await previous();
    const real = vi.mocked(writeSync).getMockImplementation() as (...args: unknown[]) => number;
    vi.mocked(writeSync).mockImplementation(((...args: unknown[]) => {
      if (typeof args[1] === 'string' && /^\d+ [0-9a-f]{12}\n$/.test(args[1])) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      return real(...args);
    }) as never);
    const error = await writeAtomicAll(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).code).toBe('ENOSPC');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['old deck', 'old manifest']);
  });

  it('at every step of a write, whenever a signal may come: leaves the two files, both old or both new, and nothing else', async () => {
    // Each asynchronous call of the write is held in turn once it has done its work and before
    // the write hears of it (as when the signal comes while Node's thread pool answers): a file
    // made then, unknown to abandonWrites, would outlive the process (a lock did, before the
    // lock and the temporary files were made synchronously).
    const calls = [rename, writeFile, mkdir, readFile, lstat, rm] as unknown as ((...args: unknown[]) => Promise<unknown>)[];
    let steps = 0;
    for (let step = 1; ; step++) {
      const { dir, deck, manifest, files } = await previous();
      let count = 0;
      let release!: () => void;
      let reached!: () => void;
      const waiting = new Promise<void>((resolve) => (release = resolve));
      const arrived = new Promise<void>((resolve) => (reached = resolve));
      const pause = async () => {
        if (++count !== step) return;
        reached();
        await waiting;
      };
      for (const fn of calls) {
        const real = vi.mocked(fn).getMockImplementation()!;
        vi.mocked(fn).mockImplementation(async (...args: unknown[]) => {
          const result = await real(...args);
          await pause();
          return result;
        });
      }
      const realData = vi.mocked(writeToFd).getMockImplementation() as (...args: unknown[]) => void;
      vi.mocked(writeToFd).mockImplementation(((fd: unknown, data: unknown, callback: (error: unknown) => void) => realData(fd, data, (error: unknown) => void pause().then(() => callback(error)))) as never);
      const write = writeAtomicAll(files).catch((e: unknown) => e);
      const done = await Promise.race([arrived.then(() => false), write.then(() => true)]);
      if (done) break; // (every step taken)
      abandonWrites(); // (what the signal's handler does before the process exits)
      const names = (await readdir(dir)).sort();
      expect(names, `step ${step}`).toEqual(['a.manifest.json', 'a.pptx']);
      const pair = [await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')];
      expect([['old deck', 'old manifest'], ['new deck', 'new manifest']], `step ${step}`).toContainEqual(pair);
      release();
      await write;
      for (const fn of [...calls, writeToFd]) vi.mocked(fn as () => unknown).mockReset();
      steps = step;
    }
    expect(steps).toBeGreaterThan(3);
  });
});
