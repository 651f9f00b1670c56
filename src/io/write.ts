import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, cp, link, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A temporary name beside a target: same folder (so a rename is atomic), unique per call. */
function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * `dir` and the folders above it that are missing, made one by one from the nearest that exists.
 * (Node's own mkdir with `recursive` tries again for ever where a folder cannot be made in a
 * place that claims it does not exist, such as /proc: `--out /proc/x` hung the build.)
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!(await lstat(at).then(() => true, () => false))) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // (made meanwhile by another build)
    });
  }
}

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target. A failed or concurrent build never leaves a half-written file, and
 * the previous file stays until the new one is complete.
 */
export async function writeAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(target);
  await makeFolder(dir);
  const temp = tempPath(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file of a group that could not be written: its target and the file system's error code. */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly file: string,
    readonly code: string,
    cause: Error,
  ) {
    super(`${file}: ${cause.message}`, { cause });
  }
}

/** The writes under way in this process, by their first target: the next write of it waits for the last. */
const writing = new Map<string, Promise<void>>();

/**
 * Writes files that belong together (a deck and its manifest): all or none. Each goes to a
 * temporary file beside its target; only when every one is written are they renamed into place,
 * in the order given and back to back. A rename that fails puts back the files already replaced
 * (each previous file is kept under a temporary hard link until the end), so a failure leaves
 * every target as it was. A file-system failure is a WriteError naming the target; temporary
 * files are always removed.
 *
 * Writes of the same files in one process (a service building the same deck twice at once) take
 * turns, so the deck and the manifest left are always one build's. Two processes have only the
 * short window between the renames to slip into.
 */
export async function writeAtomicAll(files: readonly (readonly [target: string, data: Uint8Array | string])[]): Promise<void> {
  const key = path.resolve(files[0]?.[0] ?? '');
  const before = writing.get(key) ?? Promise.resolve();
  const mine = before.then(() => writeAll(files));
  const settled = mine.catch(() => undefined);
  writing.set(key, settled);
  try {
    await mine;
  } finally {
    if (writing.get(key) === settled) writing.delete(key);
  }
}

async function writeAll(files: readonly (readonly [target: string, data: Uint8Array | string])[]): Promise<void> {
  const staged = files.map(([target, data]) => ({ target, data, temp: tempPath(target), previous: undefined as string | undefined }));
  const done: typeof staged = [];
  let current = staged[0]?.target ?? '';
  try {
    for (const file of staged) {
      current = file.target;
      await makeFolder(path.dirname(file.target));
      await writeFile(file.temp, file.data);
    }
    for (const file of staged) {
      current = file.target;
      file.previous = await keepPrevious(file.target);
    }
    for (const file of staged) {
      current = file.target;
      await rename(file.temp, file.target);
      done.push(file);
    }
  } catch (error) {
    // Undo in reverse order: the previous file back, or the new one removed where there was none
    for (const file of done.reverse()) {
      await (file.previous ? rename(file.previous, file.target) : rm(file.target, { force: true })).catch(() => undefined);
    }
    await removeTemporaries(staged);
    const e = error as NodeJS.ErrnoException;
    throw e.code ? new WriteError(current, e.code, e) : error;
  }
  await removeTemporaries(staged);
}

/**
 * A second name for the file at `target` (a hard link, or a copy where the file system has no
 * links), to put it back if the group fails; undefined when there is none. A folder in the way
 * fails here, before anything is replaced.
 */
async function keepPrevious(target: string): Promise<string | undefined> {
  let stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  const kept = tempPath(target);
  try {
    await link(target, kept);
  } catch {
    await copyFile(target, kept, constants.COPYFILE_EXCL);
  }
  return kept;
}

/** Removes the temporary files, as far as it can: never in place of the error being reported. */
async function removeTemporaries(staged: readonly { temp: string; previous?: string }[]): Promise<void> {
  const files = staged.flatMap((f) => [f.temp, ...(f.previous ? [f.previous] : [])]);
  await Promise.all(files.map((file) => rm(file, { force: true }).catch(() => undefined)));
}

/** Copies a folder, failing if the target exists (never overwrites an audience). */
export async function copyFolder(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, errorOnExist: true, force: false });
}
