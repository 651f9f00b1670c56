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
 * atomically, after the builds, only when something was added. The entries used last are kept
 * while together they hold at most BUDGET bytes; those the last run used always are. The folder
 * holds a .gitignore (a project under git does not list it) and a CACHEDIR.TAG (backup tools
 * skip it). Deleting it is always safe; `--no-cache` neither reads nor writes it.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { KnownValues } from '../diagnostics/yaml-source.js';
import { makeFolder, writeAtomic } from './write.js';

/** The folder, under the project's root. */
export const CACHE_FOLDER = '.mujaz-cache';
const CACHE_FILE = 'yaml.v8';
/** The file's own layout: changed with it. */
const FORMAT = 1;
/** What the entries may hold together (serialized values): the briefing project holds about 0.3 MiB. */
export const BUDGET = 32 * 1024 * 1024;
/** A file larger than this is not read (not one this code wrote). */
const MAX_FILE = 2 * BUDGET;

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

const keyOf = (text: string) => createHash('sha256').update(text).digest('base64');

export class ParseCache implements KnownValues {
  private added = false;
  private readonly now = Date.now();

  private constructor(
    readonly file: string,
    private readonly id: string,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** The project's cache, as the last run left it (empty when there is none it can use). */
  static async open(root: string, { id }: ParseCacheOptions): Promise<ParseCache> {
    const file = path.join(root, CACHE_FOLDER, CACHE_FILE);
    return new ParseCache(file, id, (await readEntries(file, id)) ?? new Map());
  }

  get(text: string): { value: unknown } | null | undefined {
    const key = keyOf(text);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
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

  /** Writes the cache when this run added to it; a failure to write is no failure of the build. */
  async save(): Promise<boolean> {
    if (!this.added) return false;
    const kept = new Map<string, Entry>();
    let bytes = 0;
    for (const [key, entry] of [...this.entries].sort(([, a], [, b]) => b.used - a.used)) {
      const size = entry.data?.length ?? 0;
      if (entry.used !== this.now && bytes + size > BUDGET) continue;
      kept.set(key, entry);
      bytes += size;
    }
    const stored: Stored = { format: FORMAT, id: this.id, entries: kept };
    try {
      const dir = path.dirname(this.file);
      if ((await makeFolder(dir)).length) {
        await writeFile(path.join(dir, '.gitignore'), '# mujaz keeps what it read of this project here, to read it faster next time; safe to delete\n*\n');
        await writeFile(path.join(dir, 'CACHEDIR.TAG'), 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by mujaz.\n# For information about cache directory tags, see https://bford.info/cachedir/\n');
      }
      await writeAtomic(this.file, v8.serialize(stored));
      this.added = false;
      return true;
    } catch {
      return false;
    }
  }
}

/** The entries of a cache file written by code `id` in this format; undefined when there is none it can use. */
async function readEntries(file: string, id: string): Promise<Map<string, Entry> | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  if (bytes.length > MAX_FILE) return undefined;
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
