/**
 * What js-yaml made of a project's YAML, kept on disk between runs of the command line:
 * <root>/.mujaz-cache/yaml.v8. A cold `mujaz build` reads the 1,500-line dataset, the outline
 * and the other content files again although most are as they were: in a process that has just
 * started, js-yaml takes about 40 ms over them (JavaScript not yet compiled), where reading its
 * values back takes a few. The texts the templates make (the deck specs) are kept too: a change
 * of theme, or of a fact no slide shows, leaves them as they were.
 *
 * An entry is found by the SHA-256 of the text itself, so an edited file is simply read again.
 * What is kept is what `quickValue` (diagnostics/yaml-source.ts) returns: the value js-yaml read
 * from a plainly clean file, or that `yaml` must read it. Diagnostics and places are never kept;
 * they come from `yaml` as before. The file also names the code that wrote it (`id`: the command
 * line gives the SHA-256 of its bundle), and a file written by other code is not read: a new
 * version of mujaz, or a rebuilt one, starts afresh.
 *
 * A cache that cannot be read (missing, another format, damaged) is an empty one; one that
 * cannot be written (a read-only project) is not written: neither stops a build. It is written
 * atomically, after the builds, only when something was added. It keeps the entries the last run
 * used, and of the others the most recently used while together they hold at most BUDGET bytes.
 * The folder holds a .gitignore (a project under git does not list it) and a CACHEDIR.TAG (backup tools
 * skip it). Deleting it is always safe; `--no-cache` neither reads nor writes it.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { KnownValues } from '../diagnostics/yaml-source.js';
import { makeFolder, writeAtomic } from './write.js';

/** The folder, under the project's root. */
export const CACHE_FOLDER = '.mujaz-cache';
const CACHE_FILE = 'yaml.v8';
/** The file's own layout: changed with it. */
const FORMAT = 1;
/**
 * What the entries of earlier runs may hold together, besides those the last run used (which
 * are always kept): the briefing project's hold about 0.2 MiB, its outline and five deck specs.
 * Most of what an edit leaves behind is never read again (an outline as it was before the
 * edit), and the whole file is read at every start and written after every edit: a larger
 * cache is slower than none.
 */
export const BUDGET = 2 * 1024 * 1024;
/** A file larger than this is not read (not one this code wrote: even a 1,000-slide project holds about 4 MiB). */
const MAX_FILE = 64 * 1024 * 1024;
/** What an entry costs besides its value: its key, its date, the file's framing. */
const ENTRY_BYTES = 64;

interface Entry {
  /** The value, as v8.serialize wrote it; null: `yaml` must read the text. */
  data: Uint8Array | null;
  /** When it was last used (ms since the epoch). */
  used: number;
}

interface Stored {
  format: number;
  id: string;
  entries: Map<string, Entry>;
}

export interface ParseCacheOptions {
  /**
   * Names the code that reads YAML: a cache written under another id is not read (the command
   * line gives the SHA-256 of its bundle). A program calling buildDecks gives its own, changed
   * whenever it runs another version of mujaz.
   */
  id: string;
}

/** (The text's UTF-16 code units: as UTF-8, a lone surrogate would have the key of U+FFFD.) */
const keyOf = (text: string) => createHash('sha256').update(text, 'utf16le').digest('base64');

export class ParseCache implements KnownValues {
  private added = false;
  /** An entry the last saved run did not use was used again (a branch checked out again): saved, so that its use counts. */
  private revived = false;
  private readonly now = Date.now();
  /** When the last saved run used its entries. */
  private readonly lastRun: number;

  private constructor(
    readonly file: string,
    private readonly id: string,
    private readonly entries: Map<string, Entry>,
  ) {
    let last = 0;
    for (const entry of entries.values()) last = Math.max(last, entry.used);
    this.lastRun = last;
  }

  /** The project's cache, as the last run left it (empty when there is none it can use). */
  static async open(root: string, { id }: ParseCacheOptions): Promise<ParseCache> {
    const file = path.join(root, CACHE_FOLDER, CACHE_FILE);
    return new ParseCache(file, id, (await readEntries(file, id)) ?? new Map());
  }

  get(text: string): { value: unknown } | null | undefined {
    const key = keyOf(text);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.used < this.lastRun) this.revived = true;
    entry.used = this.now;
    if (entry.data === null) return null;
    try {
      return { value: v8.deserialize(entry.data) };
    } catch {
      this.entries.delete(key); // (damaged: read again, and kept again)
      return undefined;
    }
  }

  put(text: string, found: { value: unknown } | undefined): void {
    this.entries.set(keyOf(text), { data: found ? v8.serialize(found.value) : null, used: this.now });
    this.added = true;
  }

  /** How many texts it holds. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * Writes the cache when this run added to it, or used an entry the last run did not (a run that
   * reads what the last one read writes nothing); a failure to write is no failure of the build.
   */
  async save(): Promise<boolean> {
    if (!this.added && !this.revived) return false;
    const kept = new Map<string, Entry>();
    let bytes = 0;
    for (const [key, entry] of [...this.entries].sort(([, a], [, b]) => b.used - a.used)) {
      const size = ENTRY_BYTES + (entry.data?.length ?? 0);
      if (entry.used === this.now) {
        kept.set(key, entry);
        continue;
      }
      if (bytes + size > BUDGET) continue;
      kept.set(key, entry);
      bytes += size;
    }
    const stored: Stored = { format: FORMAT, id: this.id, entries: kept };
    try {
      const dir = path.dirname(this.file);
      await makeFolder(dir);
      // (each written unless there: also into a folder made otherwise, or by a run stopped before it wrote them)
      const unlessThere = (name: string, text: string) =>
        writeFile(path.join(dir, name), text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      await unlessThere('.gitignore', '# mujaz keeps what it read of this project here, to read it faster next time; safe to delete\n*\n');
      await unlessThere('CACHEDIR.TAG', 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by mujaz.\n# For information about cache directory tags, see https://bford.info/cachedir/\n');
      await writeAtomic(this.file, v8.serialize(stored));
      this.added = this.revived = false;
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * `work` given the project's cache (none without `options`), which is written after it, whether
 * it succeeds or throws (what it parsed holds either way).
 */
export async function withParseCache<T>(root: string, options: ParseCacheOptions | undefined, work: (known?: KnownValues) => Promise<T>): Promise<T> {
  const cache = options && (await ParseCache.open(root, options));
  try {
    return await work(cache);
  } finally {
    await cache?.save();
  }
}

/** The entries of a cache file written by code `id` in this format; undefined when there is none it can use. */
async function readEntries(file: string, id: string): Promise<Map<string, Entry> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file);
  } catch {
    return undefined;
  }
  try {
    const stored = v8.deserialize(bytes) as Partial<Stored> | null;
    if (stored?.format !== FORMAT || stored.id !== id || !(stored.entries instanceof Map)) return undefined;
    for (const entry of stored.entries.values()) {
      if (typeof entry !== 'object' || entry === null || !(entry.data === null || entry.data instanceof Uint8Array) || typeof entry.used !== 'number') return undefined;
    }
    return stored.entries;
  } catch {
    return undefined;
  }
}

/**
 * The bytes of `file` when it is a regular file of at most MAX_FILE bytes; throws otherwise. Opened
 * without blocking: a named pipe in its place would wait for a writer (and Ctrl-C with it), and a
 * device (/dev/zero) would never end.
 */
async function readRegularFile(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_FILE) throw new Error(`${file}: not a cache this code wrote`);
    const bytes = Buffer.alloc(stat.size);
    let at = 0;
    for (let read = -1; read !== 0 && at < bytes.length; at += read) read = (await handle.read(bytes, at, bytes.length - at, at)).bytesRead;
    return bytes.subarray(0, at);
  } finally {
    await handle.close();
  }
}
