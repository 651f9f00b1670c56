import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, linkSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFile as writeToFd, writeSync } from 'node:fs';
import { cp, lstat, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The temporary files beside a target are named `.<name>.<pid>.<random>.tmp`: the pid of the
 * process writing it tells a file still being written (its process runs) from one a killed
 * build left behind, which the next write into that folder removes (sweepStaleTemporaries).
 */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** A temporary name beside a target: same folder (so a rename is atomic), unique per call. */
function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * `dir` and the folders above it that are missing, made one by one from the nearest that exists.
 * (Node's own mkdir with `recursive` tries again for ever where a folder cannot be made in a
 * place that claims it does not exist, such as /proc: `--out /proc/x` hung the build.)
 * Returns the folders made, the outermost first (to remove them again if what follows fails).
 */
export async function makeFolder(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!exists(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  const made: string[] = [];
  for (const folder of missing) {
    const ok = await mkdir(folder).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error; // (made meanwhile by another build)
        return false;
      },
    );
    if (ok) made.push(folder);
  }
  return made;
}

/** Whether anything stands at `file` (a dangling link counts). Asked synchronously (see writeAtomicAll). */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** One file of a write under way: its temporary file, and the previous file kept to put back. */
interface Staged {
  target: string;
  data: Uint8Array | string;
  temp: string;
  previous?: string;
  /** Its rename into place has begun (it may have happened). */
  renaming?: boolean;
}

/** A write under way: its files (a deck and its manifest), the lock it holds while it renames them, and whether abandonWrites took it back. */
interface Group {
  lock?: { file: string; content: string };
  files: readonly Staged[];
  abandoned?: boolean;
}

/** The writes under way in this process, for abandonWrites. */
const underWay = new Set<Group>();

/**
 * Called when the process is stopped (Ctrl-C, SIGTERM) in the middle of writes: synchronously,
 * it removes every temporary file they made, and puts back the previous file of any target a
 * group had already replaced before all of its files were in place (all or none, as a failed
 * write does). A file whose rename was under way is found by its temporary name: if that is
 * still there the rename never happens once it is removed; if it is gone, the target is new.
 */
export function abandonWrites(): void {
  const remove = (file: string): boolean => {
    try {
      unlinkSync(file);
      return true;
    } catch {
      return false;
    }
  };
  for (const group of underWay) {
    group.abandoned = true; // (the write, if it goes on, undoes nothing more)
    const replaced = group.files.filter((file) => !remove(file.temp) && file.renaming);
    // (a group whose every rename happened is complete: nothing to put back)
    const putBack = replaced.length < group.files.length ? replaced : [];
    for (const file of putBack.reverse()) {
      try {
        if (file.previous) renameSync(file.previous, file.target);
        else unlinkSync(file.target);
      } catch {
        // as far as it can: the rest is still cleaned up
      }
    }
    for (const file of group.files) if (file.previous && !putBack.includes(file)) remove(file.previous);
    // (last: a build waiting for it finds the files as they were; and only the lock it made)
    if (group.lock) {
      let there: string | undefined;
      try {
        there = readFileSync(group.lock.file, 'utf8');
      } catch {
        there = undefined;
      }
      if (there === group.lock.content) remove(group.lock.file);
    }
    group.lock = undefined;
  }
  underWay.clear();
  for (const guard of guarding) remove(guard);
  guarding.clear();
}

/** Whether process `pid` runs (EPERM: it does, as another user's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes from `dir` the temporary files a write killed before it could clean up (SIGKILL, a
 * power cut) left there: files named as tempPath names them whose process no longer runs. One
 * with this process's own pid is stale when it is older than the process (the pid of a run
 * before, used again, as in a container where every run gets the same); a newer one is a
 * write of this process, maybe of another thread. Another build's file, still being written,
 * stays. So does a lock's takeover guard (takeOver) younger than LOCK_STALE_MS. Done as far as it can: a folder that cannot be read is left as it is.
 */
export async function sweepStaleTemporaries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (name.endsWith('.lock.takeover')) {
      // (a takeover guard a killed build left: gone once old, as a takeover would remove it)
      const file = path.join(dir, name);
      const old = await readFile(file, 'utf8').catch(() => undefined);
      const age = await lstat(file).then((st) => Date.now() - st.mtimeMs, () => 0);
      if (old !== undefined && age > LOCK_STALE_MS && (await readFile(file, 'utf8').catch(() => undefined)) === old && (await rm(file, { force: true }).then(() => true, () => false))) removed.push(file);
      continue;
    }
    const pid = Number(TEMP_NAME.exec(name)?.[1] ?? 0);
    if (!Number.isSafeInteger(pid) || pid <= 0) continue;
    const file = path.join(dir, name);
    // (ctime: a hard link made to keep the previous deck has the deck's old mtime, but a new ctime)
    const stale = pid === process.pid ? await lstat(file).then((s) => s.ctimeMs < performance.timeOrigin, () => false) : !isRunning(pid);
    if (stale && (await rm(file, { force: true }).then(() => true, () => false))) removed.push(file);
  }
  return removed;
}

/** A write under way, known to abandonWrites until it is done. */
async function tracked<T>(staged: readonly Staged[], work: (group: Group) => Promise<T>): Promise<T> {
  const group: Group = { files: staged };
  underWay.add(group);
  try {
    return await work(group);
  } finally {
    underWay.delete(group);
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
  await sweepStaleTemporaries(dir);
  const file: Staged = { target, data, temp: tempPath(target) };
  await tracked([file], async () => {
    try {
      await writeTemporary(file);
      file.renaming = true;
      await rename(file.temp, target);
    } catch (error) {
      await rm(file.temp, { force: true });
      // (the error names the target, not the temporary file the user never sees; an error of the
      // data's write, through the file's descriptor, names none)
      const e = error as NodeJS.ErrnoException;
      if (e.path === file.temp || (e.code && e.path === undefined)) e.path = target;
      throw error;
    }
  });
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
 * files are always removed, and those a killed build left in the folders written are removed
 * first (sweepStaleTemporaries).
 *
 * Writes of the same files in one process (a service building the same deck twice at once) take
 * turns, so the deck and the manifest left are always one build's; writes of them in two
 * processes rename their pairs one after the other, under a lock (takeLock).
 *
 * The quick steps (looking for a folder, the sweep's listing, making the temporary files and the
 * lock, which abandonWrites must know of as soon as they exist, keeping the previous file by a
 * hard link, removing temporary files, releasing the lock) ask the file system synchronously (on
 * a file system without hard links the previous deck is copied, on this thread too): each of Node's promise
 * calls costs about ten times as much (a deck with its manifest took 3.8 ms instead of 4.8 when
 * this was done; about 2 ms since a write that succeeded removes only the previous files). Writing the data (into the file made), renaming, making a folder, the sweep's removals and waiting
 * for another build's lock stay asynchronous.
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
  const staged: Staged[] = files.map(([target, data]) => ({ target, data, temp: tempPath(target) }));
  await tracked(staged, async (group) => {
    const done: Staged[] = [];
    let current = staged[0]?.target ?? '';
    try {
      const swept = new Set<string>();
      for (const file of staged) {
        current = file.target;
        const dir = path.dirname(file.target);
        await makeFolder(dir);
        if (!swept.has(dir)) {
          swept.add(dir);
          await sweepStaleTemporaries(dir);
        }
        await writeTemporary(file);
      }
      current = staged[0]?.target ?? '';
      await takeLock(current, group);
      for (const file of staged) {
        current = file.target;
        file.previous = await keepPrevious(file.target);
      }
      for (const file of staged) {
        current = file.target;
        file.renaming = true;
        await rename(file.temp, file.target);
        done.push(file);
      }
    } catch (error) {
      // Undo in reverse order: the previous file back, or the new one removed where there was none
      // (unless abandonWrites has, and those files are no longer this write's)
      for (const file of group.abandoned ? [] : done.reverse()) {
        await (file.previous ? rename(file.previous, file.target) : rm(file.target, { force: true })).catch(() => undefined);
      }
      await removeTemporaries(staged);
      await releaseLock(group);
      const e = error as NodeJS.ErrnoException;
      // (a lock that could not be read is the file named: a folder in its place, say)
      throw e.code ? new WriteError(typeof e.path === 'string' && /\.lock(?:\.takeover)?$/.test(e.path) ? e.path : current, e.code, e) : error;
    }
    // (each temporary file is its target now: only the previous files kept are left to remove)
    for (const file of staged) if (file.previous) removeQuietly(file.previous);
    await releaseLock(group);
  });
}

/**
 * Writes a file's data to its temporary file. The file is made synchronously, so that from the
 * moment it exists abandonWrites (a signal's handler, which runs between two of Node's tasks)
 * knows it by name and removes it; made by Node's thread pool, it could come into being after
 * the handler had looked for it, and outlive the process. The data is written asynchronously,
 * into the file made: once the handler has removed it, to a file no folder holds.
 */
async function writeTemporary(file: Staged): Promise<void> {
  const fd = openSync(file.temp, 'wx');
  try {
    await new Promise<void>((resolve, reject) => writeToFd(fd, file.data, (error) => (error ? reject(error) : resolve())));
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes what a lock or a guard holds into the file just made for it (`fd`), and closes it. If
 * that fails (a full disk), the file is removed and `forget` takes it from those abandonWrites
 * knows: an empty lock left behind would make the next build wait for it to grow stale.
 */
function writeHeld(fd: number, file: string, content: string, forget: () => void): void {
  try {
    writeSync(fd, content);
  } catch (error) {
    forget();
    closeSync(fd);
    removeQuietly(file);
    throw Object.assign(error as Error, { path: file });
  }
  closeSync(fd);
}

/** How long a write waits for another process's lock on the same files before it gives up. */
const LOCK_WAIT_MS = 60_000;
/**
 * A lock older than this is a killed build's, whatever its pid says (a pid used again by another
 * program): a build holds it for the milliseconds of its renames.
 */
const LOCK_STALE_MS = 10_000;

/**
 * The lock a write of files that belong together holds from the moment it starts to replace
 * them until the last is in place: `.<first target's name>.lock` beside it, holding the writer's
 * pid and a token of its own. Two processes building the same deck into one folder (watch in one
 * terminal, npm run deck in another) then rename their pairs one after the other, never a deck of
 * one beside the manifest of the other.
 *
 * A lock is made only where none is (O_EXCL). One left by a build killed outright is taken over:
 * its process no longer runs, or it has this process's pid (a run before's: in one process,
 * writes of the same files already take turns), or it is older than LOCK_STALE_MS (a pid used
 * again by another program). Taking it over is done under a guard (takeOver), so that no build
 * removes a lock another has just made in its place. After LOCK_WAIT_MS of locks held by live
 * builds, the write fails (code ELOCKED), leaving every target as it was. A lock is removed only
 * by the write that made it (its token). Pids are this machine's: builds in two containers
 * sharing a folder do not see each other's processes, and are not kept apart.
 */
async function takeLock(target: string, group: Group): Promise<void> {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.lock`);
  const content = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  const until = Date.now() + LOCK_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      // (made and given to the group in one step: abandonWrites removes it from then on, see writeTemporary)
      const fd = openSync(lock, 'wx');
      group.lock = { file: lock, content };
      writeHeld(fd, lock, content, () => (group.lock = undefined));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await readHeld(lock);
    if (seen === undefined) continue; // (gone meanwhile: try again)
    const holder = Number.parseInt(seen, 10);
    const age = await lstat(lock).then((st) => Date.now() - st.mtimeMs, () => 0);
    // (a lock still empty is being written by its process, unless that was long ago)
    const ended = age > LOCK_STALE_MS || (Number.isSafeInteger(holder) && holder > 0 && (holder === process.pid || !isRunning(holder)));
    if (ended && (await takeOver(lock, seen, content))) continue;
    if (ended) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      continue;
    }
    if (Date.now() > until) {
      throw Object.assign(new Error(`another build${holder > 0 ? ` (process ${holder})` : ''} has been writing it for a minute`), { code: 'ELOCKED', path: target, lock });
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * What a lock or a guard holds; undefined once it is gone. One that cannot be read (another
 * user's, a folder in its place) is an error naming it: never waited on for ever.
 */
async function readHeld(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw Object.assign(error as Error, { path: file });
  }
}

/** The takeover guards this process holds, for abandonWrites. */
const guarding = new Set<string>();

/**
 * Removes a stale lock, if it is still the one read (`seen`), under a guard of its own
 * (`<lock>.takeover`, made only where none is): while one build takes a stale lock over, no other
 * can, so none removes a lock another build has just made in its place. False when another build
 * holds the guard (wait, and look again). A guard left by a build killed in those microseconds is
 * removed once older than LOCK_STALE_MS.
 */
async function takeOver(lock: string, seen: string, content: string): Promise<boolean> {
  const guard = `${lock}.takeover`;
  try {
    const fd = openSync(guard, 'wx'); // (and known to abandonWrites at once, as a lock is)
    guarding.add(guard);
    writeHeld(fd, guard, content, () => guarding.delete(guard));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard left by a build killed while it held it goes once it is old, if it is still the one
    // judged old when it goes (a build that removed it and made its own meanwhile keeps its own;
    // two builds judging the same old guard at once can still both remove: a build killed in those
    // microseconds, and two others taking its lock over in the same ones)
    const old = await readHeld(guard);
    if (old === undefined) return false; // (gone meanwhile: look again)
    const age = await lstat(guard).then((st) => Date.now() - st.mtimeMs, () => 0);
    if (age > LOCK_STALE_MS && (await readFile(guard, 'utf8').catch(() => undefined)) === old) await rm(guard, { force: true });
    return false;
  }
  try {
    if ((await readFile(lock, 'utf8').catch(() => undefined)) === seen) await rm(lock, { force: true });
  } finally {
    guarding.delete(guard);
    await rm(guard, { force: true });
  }
  return true;
}

/** Removes the group's lock, if it is still the one it made. */
async function releaseLock(group: Group): Promise<void> {
  const held = group.lock;
  if (!held) return;
  group.lock = undefined;
  let there: string | undefined;
  try {
    there = readFileSync(held.file, 'utf8');
  } catch {
    there = undefined;
  }
  if (there === held.content) removeQuietly(held.file);
}

/**
 * A second name for the file at `target` (a hard link, or a copy where the file system has no
 * links), to put it back if the group fails; undefined when there is none. A folder in the way
 * fails here, before anything is replaced.
 */
async function keepPrevious(target: string): Promise<string | undefined> {
  let stats;
  try {
    stats = lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (stats.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  const kept = tempPath(target);
  try {
    linkSync(target, kept);
  } catch {
    copyFileSync(target, kept, constants.COPYFILE_EXCL);
  }
  return kept;
}

/** Removes the temporary files, as far as it can: never in place of the error being reported. */
async function removeTemporaries(staged: readonly { temp: string; previous?: string }[]): Promise<void> {
  for (const f of staged) {
    removeQuietly(f.temp);
    if (f.previous) removeQuietly(f.previous);
  }
}

/** Removes a file if it is there, as far as it can (unlinkSync: rmSync looks first, and loads rimraf). */
function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // (never in place of the error being reported)
  }
}

/** Copies a folder, failing if the target exists (never overwrites an audience). */
export async function copyFolder(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true, errorOnExist: true, force: false });
}

/**
 * Why a file or folder could not be written, in words (a file-system error's code): the
 * cause MJZ190 and the other "cannot write" diagnostics give.
 */
export function whyNotWritten(error: NodeJS.ErrnoException): string {
  const { code } = error;
  return code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file, not a folder'
    : code === 'EISDIR' ? 'a folder of that name is in the way'
    : code === 'EBUSY' ? 'the file is in use by another program'
    : (code === 'EACCES' || code === 'EPERM') && process.platform === 'win32' ? 'permission denied (the file may be open in another program)'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EDQUOT' ? 'the disk quota is used up'
    : code === 'EROFS' ? 'the disk is read-only'
    : code === 'ENOENT' ? 'its folder cannot be made there'
    : error.message;
}

/**
 * What a diagnostic says of a file or folder that could not be made (init, new-audience): the
 * path it stands at (the one the file system refused, as `name` names it) and the message,
 * "Cannot write X: why".
 */
export function notWritten(error: NodeJS.ErrnoException & { dest?: string }, fallback: string, name = (file: string) => file): { file: string; message: string } {
  const file = name(error.dest ?? error.path ?? fallback);
  const folder = error.syscall === 'mkdir';
  const why = folder && error.code === 'ENOENT' ? 'no folder can be made there' : whyNotWritten(error);
  return { file, message: `Cannot ${folder ? 'make the folder' : 'write'} ${file}: ${why}` };
}

/**
 * How to get past a file-system error when making something new: the first sentence of a hint.
 * `elsewhere` says where else to make it ("start the project in another folder").
 */
export function fixForWrite(code: string | undefined, elsewhere: string): string {
  const Elsewhere = `${elsewhere[0]!.toUpperCase()}${elsewhere.slice(1)}`;
  return code === 'EACCES' || code === 'EPERM' ? `Fix the permissions of the folder it goes in, or ${elsewhere} you can write to.`
    : code === 'ENOSPC' || code === 'EDQUOT' ? `Free some space on the disk, or ${elsewhere} on another disk.`
    : code === 'EROFS' ? `${Elsewhere} on a disk you can write to.`
    : code === 'ENOENT' ? `Nothing can be made there: ${elsewhere}, such as one in your home folder.`
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'Give a path whose every part above the new folder is a folder.'
    : `${Elsewhere}.`;
}
