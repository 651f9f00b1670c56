/**
 * `mujaz init` and `mujaz new-audience` refused by the file system (no permission, a full disk):
 * a diagnostic naming the path and the cause, never an exception (an "internal error"), and
 * nothing half-made left behind, so that the same command works once the cause is fixed. The
 * file system's refusal is made to happen on cue by wrapping its functions.
 */
import { existsSync, writeFile as writeToFd } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scaffoldAudience } from '../../src/api.js';
import { initProject } from '../../src/init/init.js';
import { tempProject } from '../helpers/project.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, cp: vi.fn(fs.cp), mkdir: vi.fn(fs.mkdir), writeFile: vi.fn(fs.writeFile) };
});
// (a file written atomically has its data written through its descriptor, by the callback writeFile)
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: fs, writeFile: vi.fn(fs.writeFile) };
});

afterEach(() => {
  for (const fn of [cp, mkdir, writeFile]) vi.mocked(fn).mockReset();
  vi.mocked(writeToFd).mockReset();
});

/** An error as Node's file system gives it. */
const fsError = (code: string, syscall: string, file: string, dest?: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${file}'`), { code, syscall, path: file, ...(dest ? { dest } : {}) });

/** Makes the first call of `fn` that `when` picks fail with `error` (it may have written part of its work first). */
function failOnce<A extends unknown[]>(fn: (...args: A) => Promise<unknown>, when: (...args: A) => boolean, error: (...args: A) => Promise<Error>): void {
  const real = vi.mocked(fn).getMockImplementation()!;
  vi.mocked(fn).mockImplementation((async (...args: A) => {
    if (when(...args)) {
      vi.mocked(fn).mockImplementation(real as never);
      throw await error(...args);
    }
    return real(...args);
  }) as never);
}

describe('mujaz init refused by the file system', () => {
  it('a full disk half-way: MJZ191 naming the file and "the disk is full"; the new folder is removed, and init then works', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'mujaz-init-')), 'brief');
    const theme = path.join(dir, 'templates/media/theme.yaml');
    failOnce(writeFile, (file) => file === theme, async () => fsError('ENOSPC', 'write', theme));
    const { files, diagnostics } = await initProject(dir);
    expect(files).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        code: 'MJZ191',
        severity: 'error',
        message: `Cannot write ${theme}: the disk is full`,
        hint: 'Free some space on the disk, or start the project in another folder on another disk. mujaz init left nothing behind: run it again once that is fixed.',
        location: { file: theme },
        related: [dir],
      },
    ]);
    expect(existsSync(dir)).toBe(false);
    expect((await initProject(dir)).diagnostics).toEqual([]);
  });

  it('in a folder that was there: only what init made goes, the files the folder held stay', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-init-'));
    await writeFile(path.join(dir, 'README.md'), 'my repository\n');
    await mkdir(path.join(dir, 'docs'));
    await writeFile(path.join(dir, 'docs/notes.md'), 'my notes\n');
    // the schemas are copied into docs/, the guide beside them: the guide does not fit
    failOnce(cp, (_from, to) => String(to).endsWith('authors-guide.md'), async (from, to) => {
      await writeFile(String(to), 'half a gu');
      return fsError('ENOSPC', 'copyfile', String(from), String(to));
    });
    const { diagnostics } = await initProject(dir);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['MJZ191', `Cannot write ${path.join(dir, 'docs/authors-guide.md')}: the disk is full`]]);
    expect((await readdir(dir)).sort()).toEqual(['README.md', 'docs']);
    expect(await readdir(path.join(dir, 'docs'))).toEqual(['notes.md']);
    expect((await initProject(dir)).diagnostics).toEqual([]);
  });

  it('a folder it may not make: MJZ191 "permission denied" at that folder', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'mujaz-init-'));
    const dir = path.join(parent, 'brief');
    failOnce(mkdir, (folder) => folder === dir, async () => fsError('EACCES', 'mkdir', dir));
    const { diagnostics } = await initProject(dir);
    expect(diagnostics.map((d) => [d.code, d.message, d.location?.file])).toEqual([['MJZ191', `Cannot make the folder ${dir}: permission denied`, dir]]);
    expect(diagnostics[0]?.hint).toMatch(/^Fix the permissions of the folder it goes in, or start the project in another folder you can write to\./);
    expect(await readdir(parent)).toEqual([]);
  });

  it('a bug, not the file system, is still thrown (an internal error)', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'mujaz-init-')), 'brief');
    failOnce(writeFile, () => true, async () => new TypeError('x is not a function'));
    await expect(initProject(dir)).rejects.toThrow(TypeError);
  });
});

describe('mujaz new-audience refused by the file system', () => {
  it('--from: a full disk half-way through the copy is MJZ153 naming the file; the copy begun is removed', async () => {
    const root = await tempProject();
    const folder = path.join(root, 'templates/diplomats');
    failOnce(cp, () => true, async (from, to) => {
      await mkdir(String(to));
      await writeFile(path.join(String(to), 'deck.hbs'), 'slides:');
      return fsError('ENOSPC', 'copyfile', path.join(String(from), 'theme.yaml'), path.join(String(to), 'theme.yaml'));
    });
    const result = await scaffoldAudience(root, 'diplomats', 'briefing');
    expect(result.folder).toBeUndefined();
    expect(result.diagnostics).toEqual([
      {
        code: 'MJZ153',
        severity: 'error',
        message: 'Cannot write templates/diplomats/theme.yaml: the disk is full',
        hint: 'Free some space on the disk, or work in a copy of the project on another disk. Nothing of templates/diplomats is left: run the command again once that is fixed.',
        location: { file: 'templates/diplomats/theme.yaml' },
      },
    ]);
    expect(existsSync(folder)).toBe(false);
    expect((await scaffoldAudience(root, 'diplomats', 'briefing')).folder).toBe(folder);
  });

  it('--extends in a templates/ it may not write to: MJZ153 "permission denied" at the folder', async () => {
    const root = await tempProject();
    const folder = path.join(root, 'templates/envoys');
    failOnce(mkdir, (dir) => dir === folder, async () => fsError('EACCES', 'mkdir', folder));
    const result = await scaffoldAudience(root, 'envoys', 'briefing', { extend: true });
    expect(result.diagnostics.map((d) => [d.code, d.message, d.location?.file])).toEqual([['MJZ153', 'Cannot make the folder templates/envoys: permission denied', 'templates/envoys']]);
    expect(existsSync(folder)).toBe(false);
  });

  it('--extends, its theme refused by a full disk: the file named is theme.yaml, not the temporary file written first', async () => {
    const root = await tempProject();
    // (as Node reports a write through a descriptor: no path)
    const real = vi.mocked(writeToFd).getMockImplementation() as (...args: unknown[]) => void;
    vi.mocked(writeToFd).mockImplementation(((fd: unknown, data: unknown, callback: (error: unknown) => void) => {
      if (typeof data !== 'string' || !data.includes('extends: briefing')) return real(fd, data, callback);
      callback(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' }));
    }) as never);
    const result = await scaffoldAudience(root, 'envoys', 'briefing', { extend: true });
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['MJZ153', 'Cannot write templates/envoys/theme.yaml: the disk is full']]);
    expect(existsSync(path.join(root, 'templates/envoys'))).toBe(false);
  });
});
