/**
 * Writing files that belong together (src/io/write.ts): all or none. A rename that fails after
 * another has succeeded cannot be made to happen on a real disk by a test (a folder in the way is
 * refused before anything is replaced), so rename is wrapped here to fail on cue.
 */
import { mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFolder, writeAtomicAll, WriteError } from '../../src/io/write.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, rename: vi.fn(fs.rename), readFile: vi.fn(fs.readFile) };
});

/** Makes the rename onto `target` fail once, as a file held open elsewhere would. */
function failRenameOnto(target: string): void {
  const real = vi.mocked(rename).getMockImplementation()!;
  vi.mocked(rename).mockImplementation(async (from, to) => {
    if (to === target) {
      vi.mocked(rename).mockImplementation(real);
      throw Object.assign(new Error(`EPERM: operation not permitted, rename '${String(from)}' -> '${String(to)}'`), { code: 'EPERM' });
    }
    return real(from, to);
  });
}

afterEach(() => {
  vi.mocked(rename).mockClear();
});

async function folder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'mujaz-write-'));
}

describe('writeAtomicAll', () => {
  it('writes every file, leaving no temporary file', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.pptx'), 'old deck');
    await writeAtomicAll([
      [path.join(dir, 'a.pptx'), 'new deck'],
      [path.join(dir, 'a.manifest.json'), 'new manifest'],
    ]);
    expect(await readFile(path.join(dir, 'a.pptx'), 'utf8')).toBe('new deck');
    expect(await readFile(path.join(dir, 'a.manifest.json'), 'utf8')).toBe('new manifest');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('two writes of the same files at once take turns: the deck and manifest left are one write’s', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const manifest = path.join(dir, 'a.manifest.json');
    // the first write's manifest is slow to land (a busy disk): the second write's renames would
    // fall between its deck and its manifest
    const real = vi.mocked(rename).getMockImplementation()!;
    vi.mocked(rename).mockImplementation(async (from, to) => {
      if (to === manifest && (await readFile(from, 'utf8')) === 'manifest 1') await new Promise((resolve) => setTimeout(resolve, 50));
      return real(from, to);
    });
    try {
      await Promise.all(
        [1, 2].map((n) =>
          writeAtomicAll([
            [deck, `deck ${n}`],
            [manifest, `manifest ${n}`],
          ]),
        ),
      );
    } finally {
      vi.mocked(rename).mockImplementation(real);
    }
    expect([await readFile(deck, 'utf8'), await readFile(manifest, 'utf8')]).toEqual(['deck 2', 'manifest 2']);
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('a lock another process left (killed outright), or a run before with this pid, is taken over; one of a running process or an empty one only once it is old', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const lock = path.join(dir, '.a.pptx.lock');
    const write = (n: number) => writeAtomicAll([[deck, `deck ${n}`], [path.join(dir, 'a.manifest.json'), `manifest ${n}`]]);
    // a pid no process has (pid_max is at most 2^22 on Linux)
    await writeFile(lock, `${2 ** 22 + 7}\n`);
    await write(1);
    await writeFile(lock, `${process.pid}\n`);
    await write(2);
    const old = new Date(Date.now() - 20_000);
    await writeFile(lock, '');
    await utimes(lock, old, old);
    await write(3);
    // a running process's pid, in a lock written 20 s ago: the pid is another program's now (a
    // build holds its lock for the milliseconds of its renames)
    await writeFile(lock, `${process.ppid}\n`);
    await utimes(lock, old, old);
    await write(4);
    expect(await readFile(deck, 'utf8')).toBe('deck 4');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('a lock a running process holds is waited for: the pair is renamed once it is gone', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const lock = path.join(dir, '.a.pptx.lock');
    await writeFile(deck, 'old deck');
    await writeFile(lock, `${process.ppid}\n`); // (the parent runs)
    let done = false;
    const writing = writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([done, await readFile(deck, 'utf8')]).toEqual([false, 'old deck']);
    await rm(lock);
    await writing;
    expect(await readFile(deck, 'utf8')).toBe('new deck');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('taking over a stale lock never removes the lock another build made meanwhile', async () => {
    // Two builds find the same stale lock; the other takes it over and makes its own between this
    // one's reading the stale lock and moving it aside. This one must put the other's back and
    // wait for it, not remove it (the two would rename their pairs at once).
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const lock = path.join(dir, '.a.pptx.lock');
    await writeFile(deck, 'old deck');
    await writeFile(lock, `${2 ** 22 + 7}\n`); // (a killed build's)
    const theirs = `${process.ppid} 0123456789ab\n`; // (a running build's)
    const real = vi.mocked(readFile).getMockImplementation()!;
    let swapped = false;
    vi.mocked(readFile).mockImplementation((async (file: never, ...rest: never[]) => {
      const text = await real(file, ...rest);
      if (!swapped && String(file) === lock) {
        swapped = true;
        await rm(lock);
        await writeFile(lock, theirs);
      }
      return text;
    }) as never);
    let done = false;
    const writing = writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]).then(() => (done = true));
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(swapped).toBe(true);
      expect([done, await readFile(deck, 'utf8'), await real(lock, 'utf8')]).toEqual([false, 'old deck', theirs]);
    } finally {
      vi.mocked(readFile).mockImplementation(real);
    }
    await rm(lock); // (the other build is done)
    await writing;
    expect(await readFile(deck, 'utf8')).toBe('new deck');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('a lock that cannot be read (a folder in its place) fails the write at once, naming it, never waited on; a takeover guard a killed build left goes once old', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    await writeFile(deck, 'old deck');
    await mkdir(path.join(dir, '.a.pptx.lock'));
    const failed = await writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(WriteError);
    expect(failed).toMatchObject({ code: 'EISDIR', file: path.join(dir, '.a.pptx.lock') });
    expect(await readFile(deck, 'utf8')).toBe('old deck');
    await rm(path.join(dir, '.a.pptx.lock'), { recursive: true });
    // the same of a takeover guard, with a stale lock to take over
    await writeFile(path.join(dir, '.a.pptx.lock'), `${2 ** 22 + 7} deadbeef0000\n`);
    await mkdir(path.join(dir, '.a.pptx.lock.takeover'));
    const guarded = await writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]).catch((e: unknown) => e);
    expect(guarded).toMatchObject({ name: 'WriteError', code: 'EISDIR', file: path.join(dir, '.a.pptx.lock.takeover') });
    await rm(path.join(dir, '.a.pptx.lock.takeover'), { recursive: true });
    await rm(path.join(dir, '.a.pptx.lock'));
    // (an old guard goes at the next write into the folder; a young one stays, its build may hold it)
    const guard = path.join(dir, '.a.pptx.lock.takeover');
    await writeFile(guard, `${2 ** 22 + 7} deadbeef0000\n`);
    const old = new Date(Date.now() - 20_000);
    await utimes(guard, old, old);
    await writeFile(path.join(dir, '.b.pptx.lock.takeover'), `${process.ppid} 0123456789ab\n`);
    await writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]);
    expect((await readdir(dir)).sort()).toEqual(['.b.pptx.lock.takeover', 'a.manifest.json', 'a.pptx']);
  });

  it('a lock a running process holds for a minute: the write fails (ELOCKED), every file as it was', async () => {
    const dir = await folder();
    const deck = path.join(dir, 'a.pptx');
    const lock = path.join(dir, '.a.pptx.lock');
    await writeFile(deck, 'old deck');
    await writeFile(lock, `${process.ppid}\n`);
    // (written, as the fake clock will tell it, all along: a lock held without end)
    const later = new Date(Date.now() + 3_600_000);
    await utimes(lock, later, later);
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const writing = writeAtomicAll([[deck, 'new deck'], [path.join(dir, 'a.manifest.json'), 'new manifest']]);
      const failed = expect(writing).rejects.toMatchObject({ name: 'WriteError', code: 'ELOCKED', file: deck, message: expect.stringContaining(`another build (process ${process.ppid}) has been writing it for a minute`) });
      let settled = false;
      void writing.catch(() => undefined).finally(() => (settled = true));
      // (the clock goes on a tenth of a second at a time, the write's file reads and writes, which
      // are real, given their turn between)
      while (!settled) {
        await vi.advanceTimersByTimeAsync(100);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await failed;
    } finally {
      vi.useRealTimers();
    }
    expect(await readFile(deck, 'utf8')).toBe('old deck');
    expect((await readdir(dir)).sort()).toEqual(['.a.pptx.lock', 'a.pptx']);
  });

  it('a folder in the way of the second file: nothing is replaced, and the error names it', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.pptx'), 'old deck');
    await mkdir(path.join(dir, 'a.manifest.json'));
    const error = await writeAtomicAll([
      [path.join(dir, 'a.pptx'), 'new deck'],
      [path.join(dir, 'a.manifest.json'), 'new manifest'],
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect(error).toMatchObject({ file: path.join(dir, 'a.manifest.json'), code: 'EISDIR' });
    expect(await readFile(path.join(dir, 'a.pptx'), 'utf8')).toBe('old deck');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('a rename that fails after another succeeded puts the replaced file back', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a.pptx'), 'old deck');
    await writeFile(path.join(dir, 'a.manifest.json'), 'old manifest');
    failRenameOnto(path.join(dir, 'a.manifest.json'));
    const error = await writeAtomicAll([
      [path.join(dir, 'a.pptx'), 'new deck'],
      [path.join(dir, 'a.manifest.json'), 'new manifest'],
    ]).catch((e: unknown) => e);
    expect(error).toMatchObject({ file: path.join(dir, 'a.manifest.json'), code: 'EPERM' });
    expect(await readFile(path.join(dir, 'a.pptx'), 'utf8')).toBe('old deck');
    expect(await readFile(path.join(dir, 'a.manifest.json'), 'utf8')).toBe('old manifest');
    expect((await readdir(dir)).sort()).toEqual(['a.manifest.json', 'a.pptx']);
  });

  it('a file that did not exist before is removed again when a later rename fails', async () => {
    const dir = await folder();
    failRenameOnto(path.join(dir, 'a.manifest.json'));
    await expect(
      writeAtomicAll([
        [path.join(dir, 'a.pptx'), 'new deck'],
        [path.join(dir, 'a.manifest.json'), 'new manifest'],
      ]),
    ).rejects.toBeInstanceOf(WriteError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('makeFolder', () => {
  it('makes a folder and the missing ones above it, and leaves one that is there', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mujaz-mk-'));
    await makeFolder(path.join(root, 'a/b/c'));
    expect(await readdir(path.join(root, 'a/b'))).toEqual(['c']);
    await makeFolder(path.join(root, 'a/b/c'));
  });

  it.skipIf(process.platform !== 'linux')('fails, rather than trying for ever, where no folder can be made (/proc)', async () => {
    await expect(makeFolder('/proc/mujaz-no-such-folder/x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('fails where a file stands in the way', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mujaz-mk-'));
    await writeFile(path.join(root, 'f'), 'x');
    await expect(makeFolder(path.join(root, 'f/g'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
