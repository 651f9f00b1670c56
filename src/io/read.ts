import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isPicture } from '../audience/logo.js';
import { normalizeLineEnds, type SourceFile } from '../diagnostics/yaml-source.js';

/**
 * The reader of a project: content/ and templates/. (Other edges read what is not the project's:
 * a deck given to `diff`, the package's own starter files for `init`.) Readers return { path, text } with paths
 * relative to the project root (forward slashes), so diagnostics name files as the user sees them.
 * Nothing outside the project is read: a symbolic link that leads out of it is reported, not followed.
 *
 * The file system is asked synchronously: a project is a few dozen small files, and Node's
 * promise-based calls cost about ten times as much each (a rebuild in watch read the shipped
 * project in 5.6–7.6 ms instead of about 2.4). The readers stay async for their callers.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

type Read = { file?: SourceFile; diagnostic?: Diagnostic };

/**
 * The largest file a project may hold: its files are text (an article, its outline, facts,
 * templates) and a logo, a few hundred kB at most. A larger one is not read at all: it is the
 * wrong file (a video, a disk image), and reading it would take the memory of the machine.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

/** What a path is: a folder entry or its stat. */
type Kind = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** What stands at a path that is not an ordinary file, in words. */
function kindOf(stats: Kind): string {
  return stats.isDirectory() ? 'a folder'
    : stats.isFIFO() ? 'a named pipe (FIFO)'
    : stats.isSocket() ? 'a socket'
    : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device'
    : 'not an ordinary file';
}

/**
 * What to say of a path of the project that is not a file (a folder named facts.yaml, a named
 * pipe): MJZ124 at the path. A stage that needs the file reports it (SourceFile.problem).
 */
function notAFile(relative: string, kind: string): Diagnostic {
  return {
    code: 'MJZ124',
    severity: 'error',
    message: `${relative} is ${kind}, not a file`,
    hint: kind === 'a folder' ? `Put the file ${relative} in the folder's place: move the folder away, or rename it.` : `Put an ordinary file holding the text at ${relative} in its place: mujaz reads files only.`,
    location: { file: relative },
  };
}

/** Why a file or folder cannot be read, in words (a file-system error's code). */
function whyNotRead(error: NodeJS.ErrnoException): string {
  const { code } = error;
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'its symbolic links lead round in a circle'
    : code === 'EIO' ? 'the disk could not read it'
    : code === 'ENAMETOOLONG' ? 'its name is too long'
    : (code ?? error.message);
}

/** A file's bytes, or what to say when they cannot be read (nothing when the file is gone). */
function readBytes(root: string, relative: string): { bytes: Buffer } | { failed: Read } {
  const refused = (diagnostic: Diagnostic): { failed: Read } => ({ failed: { file: { path: relative, text: '', refused: true }, diagnostic } });
  let fd: number | undefined;
  try {
    // Opened first, then measured: its size is checked before anything is read. (Without
    // waiting, where the path is a named pipe that no program writes to.)
    fd = openSync(path.join(root, relative), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refused(notAFile(relative, kindOf(stats)));
    if (stats.size > MAX_FILE_BYTES) {
      return refused({
        code: 'MJZ125',
        severity: 'error',
        message: `Cannot read ${relative}: file too large (${Math.round(stats.size / MB)} MB; a file of the project may have up to ${MAX_FILE_BYTES / MB} MB)`,
        hint: 'Check that it is the right file: the articles, outlines and templates of a project are text of a few hundred kB at most. Put a large file that is not part of the decks outside content/ and templates/.',
        location: { file: relative },
      });
    }
    return { bytes: readFileSync(fd) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { failed: {} };
    if (e.code === 'EISDIR') return refused(notAFile(relative, 'a folder'));
    return refused({
      code: 'MJZ121',
      severity: 'error',
      message: `Cannot read ${relative}: ${whyNotRead(e)}`,
      ...(e.code === 'EACCES' || e.code === 'EPERM' ? {} : { hint: 'Check the file: copy it again, or save it again from the program that made it.' }),
      location: { file: relative },
    });
  } finally {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // (nothing more to do with it)
      }
    }
  }
}

export async function readText(root: string, relative: string): Promise<Read> {
  return readTextNow(root, relative);
}

function readTextNow(root: string, relative: string): Read {
  const read = readBytes(root, relative);
  if ('failed' in read) return read.failed;
  const { bytes } = read;
  try {
    const text = normalizeLineEnds(decoder.decode(bytes));
    return { file: { path: relative, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text } };
  } catch {
    // The file is checked on, its bad bytes shown as U+FFFD, so that one run reports every problem.
    const bad = firstInvalidByte(bytes);
    const text = normalizeLineEnds(lossy.decode(bytes));
    // (the bytes before the bad one are whole characters: their text begins the file's text)
    const before = text.slice(0, lossy.decode(bytes.subarray(0, bad)).length);
    const lineStart = before.lastIndexOf('\n') + 1;
    return {
      file: { path: relative, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text },
      diagnostic: {
        code: 'MJZ103',
        severity: 'error',
        message: `${relative} is not valid UTF-8 text (byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${bad})`,
        hint: 'Save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8).',
        location: { file: relative, start: { line: before.split('\n').length, column: before.length - lineStart + 1 } },
        source: text,
      },
    };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    // the second byte's range excludes overlong forms and surrogates
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** What `read` gives, or undefined when it throws. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

interface Listing {
  files: string[];
  /** Files found but not to be read: links out of the project. */
  refused: { rel: string; diagnostic: Diagnostic }[];
  /** Paths with a wanted name that are not files (a folder named facts.yaml, a named pipe), with what to say if one is needed. */
  notFiles: { rel: string; diagnostic: Diagnostic }[];
  /** Folders that could not be listed (reported in `diagnostics`). */
  unlisted: string[];
  diagnostics: Diagnostic[];
  /** Real paths of the folders listed, so that a link back into the tree is not walked twice. */
  visited: Set<string>;
}

/**
 * Every file under `dir` (relative to root), recursively. A symbolic link is followed only when
 * it resolves inside the project root; one that leads out is reported and left unread.
 */
function listFiles(root: string, dir: string, wanted: (name: string) => boolean, realRoot: string, out: Listing): Listing {
  let entries;
  try {
    const real = realpathSync(path.join(root, dir));
    if (out.visited.has(real)) return out;
    out.visited.add(real);
    entries = readdirSync(real, { withFileTypes: true });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return out;
    out.unlisted.push(dir);
    out.diagnostics.push(
      e.code === 'ENOTDIR'
        ? { code: 'MJZ121', severity: 'error', message: `Cannot read the folder ${dir}: it is a file`, hint: `Put the folder ${dir}/ in the file's place: move the file away, or rename it.`, location: { file: dir } }
        : { code: 'MJZ121', severity: 'error', message: `Cannot read the folder ${dir}: ${whyNotRead(e)}`, hint: 'Make the folder readable (its permissions), or give --root a copy of the project you can read.', location: { file: dir } },
    );
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = `${dir}/${entry.name}`;
    let kind: Kind = entry;
    if (entry.isSymbolicLink()) {
      const target = attempt(() => realpathSync(path.join(root, rel)));
      const stats = target === undefined ? undefined : attempt(() => statSync(target));
      if (target === undefined || stats === undefined) continue; // a dangling link: nothing to read
      kind = stats;
      const inside = path.relative(realRoot, target);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        if (stats.isDirectory() || (stats.isFile() && wanted(entry.name))) {
          out.refused.push({
            rel,
            diagnostic: {
              code: 'MJZ122',
              severity: 'error',
              message: `${rel} is a symbolic link to ${target}, outside the project: it was not read`,
              hint: 'Copy the file into the project instead of linking to it.',
              location: { file: rel },
            },
          });
        }
        continue;
      }
    }
    if (kind.isFile()) {
      if (wanted(entry.name)) out.files.push(rel);
      continue;
    }
    // (a folder with a file's name is still listed: only a stage that needs the file reports it)
    if (wanted(entry.name)) out.notFiles.push({ rel, diagnostic: notAFile(rel, kindOf(kind)) });
    if (kind.isDirectory()) listFiles(root, rel, wanted, realRoot, out);
  }
  return out;
}

export interface ProjectFiles {
  /** The files read, by path relative to the root. */
  content: Map<string, SourceFile>;
  diagnostics: Diagnostic[];
}

/**
 * The files of one folder of the project: text files with one of `extensions`, and, with
 * `pictures`, the PNG and JPEG pictures there (an audience's logo), read as bytes.
 */
/** An audience's own deck and theme (templates/<audience>/deck.hbs, theme.yaml). */
const AUDIENCE_FILE = /^templates\/[^/]+\/(?:deck\.hbs|theme\.yaml)$/;

async function readTree(root: string, dir: string, extensions: readonly string[], keepRefused: boolean, pictures = false): Promise<ProjectFiles> {
  const isImage = (name: string) => pictures && isPicture(name);
  const wanted = (name: string) => extensions.some((e) => name.endsWith(e)) || isImage(name);
  const content = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const realRoot = attempt(() => realpathSync(root)) ?? path.resolve(root);
  const listing = listFiles(root, dir, wanted, realRoot, { files: [], refused: [], notFiles: [], unlisted: [], diagnostics: [], visited: new Set() });
  diagnostics.push(...listing.diagnostics);
  for (const { rel, diagnostic } of listing.refused) {
    diagnostics.push(diagnostic);
    // (a picture is kept too: a theme's logo it names is then known as refused, not missing)
    if (keepRefused || isImage(rel)) content.set(rel, { path: rel, text: '', refused: true });
  }
  // What a stage needs to tell a file that is missing from one it could not see: a folder that
  // could not be listed, kept under its name with a slash (folder/), which names no file; and
  // for content/, a path that is not a file (templates/ are found by name: not kept there, but
  // for a picture's).
  for (const rel of listing.unlisted) content.set(`${rel}/`, { path: rel, text: '', refused: true, unlisted: true });
  // (and under templates/, a picture's name that is not a file, or an audience's deck.hbs or
  // theme.yaml: a theme's logo, an audience's deck, is said to be a folder, say, not missing)
  for (const { rel, diagnostic } of listing.notFiles) if (keepRefused || isImage(rel) || AUDIENCE_FILE.test(rel)) content.set(rel, { path: rel, text: '', refused: true, problem: diagnostic });
  const read = listing.files.map((rel) => ({ rel, ...(isImage(rel) ? readImage(root, rel) : readTextNow(root, rel)) }));
  for (const { rel, file, diagnostic } of read) {
    if (file && (keepRefused || !file.refused || isImage(rel))) content.set(rel, file);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return { content, diagnostics };
}

/**
 * Every file under content/. A file found but not read (a link out of the project) is kept as
 * `refused`, so that the content stage does not also call it missing.
 */
export async function readContentFiles(root: string): Promise<ProjectFiles> {
  return readTree(root, 'content', ['.yaml', '.yml', '.txt'], true);
}

function readImage(root: string, relative: string): Read {
  const read = readBytes(root, relative);
  return 'failed' in read ? read.failed : { file: { path: relative, text: '', bytes: new Uint8Array(read.bytes) } };
}

/** Every template and theme under templates/ (all audiences, and _shared), and the pictures they may name. */
export async function readTemplateFiles(root: string): Promise<ProjectFiles> {
  return readTree(root, 'templates', ['.hbs', '.yaml', '.yml'], false, true);
}
