import { isDeepStrictEqual } from 'node:util';
import { load as quickLoad } from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { lineStarts } from '../util/lines.js';
import { Lru } from '../util/lru.js';
import { hintOf } from './codes.js';
import { codePoint, type Diagnostic, type Location, type Position } from './diagnostic.js';

/**
 * A file saved with classic Mac OS line ends (a lone CR at the end of every line, no LF at all)
 * has them read as line feeds. YAML and editors take a lone CR for a line end (Handlebars counts
 * it as one too), but the `yaml` library does not: it would read such a file as one long line
 * (a comment, for the project's files, hence "empty"). The length and every offset stay the same.
 *
 * So does one whose lone CRs outnumber its LFs (a classic Mac file with lines added in an
 * editor that writes LF). A file with LF line ends keeps any stray CR as it is (text pasted from
 * another program often holds some): the readers keep the value they always gave it, and a YAML error in such a file
 * says the CR may be the cause (see parseFully).
 */
export function normalizeLineEnds(text: string): string {
  if (!text.includes('\r')) return text;
  if (!text.includes('\n')) return text.replaceAll('\r', '\n');
  // (mostly classic Mac line ends, with lines added in an editor that writes LF: the lone CRs are line ends too)
  const lone = text.match(/\r(?!\n)/g)?.length ?? 0;
  // (CRLF line ends count with the LFs, so that one stray CR in a Windows file is no line end;
  // a file of \r\r\n, converted twice, has as many lone CRs as line ends, and reads as lines)
  const bare = text.match(/(?<!\r)\n/g)?.length ?? 0;
  const all = text.match(/\n/g)?.length ?? 0;
  return lone > bare && lone * 2 >= all ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The files, classic Mac line ends read as line ends (see normalizeLineEnds). */
export function withLineEnds<F extends SourceFile>(files: ReadonlyMap<string, F>): ReadonlyMap<string, F> {
  // The same files give the same map back: what is worked out from a project's files, such as its
  // audiences resolved, is kept with that map. (A caller of the library may change a map it
  // passed before, or a file in it: each file is checked to be the one seen, with the text seen.)
  const known = normalized.get(files);
  if (known && known.seen.size === files.size && [...files].every(([name, file]) => known.seen.get(name)?.file === file && known.seen.get(name)?.text === file.text)) {
    return known.out as ReadonlyMap<string, F>;
  }
  const out = new Map<string, F>();
  const seen = new Map<string, { file: SourceFile; text: string }>();
  for (const [name, file] of files) {
    const text = normalizeLineEnds(file.text);
    out.set(name, text === file.text ? file : { ...file, text });
    seen.set(name, { file, text: file.text });
  }
  normalized.set(files, { seen, out });
  return out;
}
const normalized = new WeakMap<ReadonlyMap<string, SourceFile>, { seen: ReadonlyMap<string, { file: SourceFile; text: string }>; out: ReadonlyMap<string, SourceFile> }>();

/** A text file as read from disk: the only shape stages see of the file system. */
export interface SourceFile {
  path: string;
  text: string;
  /**
   * The reader found the file but would not read it (a link out of the project, an unreadable
   * file) and has reported why: stages treat it as present, with nothing in it to check.
   */
  refused?: boolean;
  /**
   * Why nothing could be read at this path, for a stage that needs the file there to report
   * (the reader does not: most paths a project holds are read by no stage): a folder or a named
   * pipe with the file's name (MJZ124).
   */
  problem?: Diagnostic;
  /**
   * A folder that could not be listed, kept under its path with a slash (content/data/), which
   * names no file: the files under it are not known, neither there nor missing. The reader has
   * reported why.
   */
  unlisted?: boolean;
  /** The file's bytes, for a file that is not text (an audience's logo); its `text` is then empty. */
  bytes?: Uint8Array;
}

export interface ParsedYaml {
  file: SourceFile;
  value: unknown;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  diagnostics: Diagnostic[];
}

/** Alias expansion budget: bounds "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;
/** Nesting budget: content needs a handful of levels; this bounds recursion in every later stage. */
export const MAX_DEPTH = 64;

/**
 * Characters a slide cannot hold: C0 controls other than tab and line breaks, the
 * noncharacters U+FFFE and U+FFFF, and unpaired surrogates (reachable through "\uD800" escapes).
 * XML forbids them, so PowerPoint would reject the deck.
 */
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Two parsers, one result. `yaml` keeps every node's place, which diagnostics need, but takes
 * 3 to 7 times as long as js-yaml (about 250 ms against 80 for a 1,000-part outline). So a file
 * is read by js-yaml first, and that value is used only when the file is plainly clean: it
 * parsed, and it holds no anchor, alias, tag, directive or `__proto__` key, no lone carriage
 * return, no long line that could hold a long key, no forbidden character, and no deep
 * nesting. Anything else (every file with a problem, and every file that might be read
 * differently) goes to `yaml` as before, which reports it. The nodes and their places are
 * parsed by `yaml` the first time a diagnostic asks for a location.
 * tests/diagnostics/yaml-quick.test.ts holds both parsers to the same value, file by file.
 */
export function parseYaml(file: SourceFile, known?: KnownValues): ParsedYaml {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const source = text === file.text ? file : { ...file, text };
  const quick = quickValue(text, known);
  if (quick !== undefined) {
    let nodes: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
    const parse = () => (nodes ??= documentOf(text));
    return {
      file: source,
      value: quick.value,
      diagnostics: [],
      get doc() {
        return parse().doc;
      },
      get lineCounter() {
        return parse().lineCounter;
      },
    };
  }
  return parseFully(source);
}

/** The same file with another value (its nodes still parsed only when a location is asked for). */
export function withValue(parsed: ParsedYaml, value: unknown): ParsedYaml {
  return {
    file: parsed.file,
    value,
    diagnostics: parsed.diagnostics,
    get doc() {
      return parsed.doc;
    },
    get lineCounter() {
      return parsed.lineCounter;
    },
  };
}

/** Whether nothing in the text calls for `yaml` before js-yaml reads it (see NEEDS_YAML). */
const plainlyClean = (text: string): boolean => !NEEDS_YAML.test(text) && !contentAfterEndMarker(text) && !mayHoldLongKey(text);

/** Nesting js-yaml may read: content needs a handful of levels; deeper files go to `yaml`. */
const QUICK_DEPTH = 32;
/**
 * What makes js-yaml's reading worth a second opinion: an anchor, alias or tag (`&`, `*`, `!`
 * where a node can begin), a directive (`%` at a line's start), a `__proto__` key, a
 * carriage return that does not end a CRLF (the two parsers break lines at it differently),
 * a byte-order mark past the start (yaml takes it for a mark, js-yaml for text), a tab in a
 * line's indentation (yaml refuses some that js-yaml lets pass), a document marker
 * indented (` ---`: js-yaml may take it for a marker, yaml for text), and a block scalar with an
 * explicit indentation indicator (`|2`: the two read a line of spaces past that indentation
 * differently).
 */
const NEEDS_YAML = /(?:^|[\s,[{:])[&*!]|^%|__proto__|\r(?!\n)|\uFEFF|^ *\t|^[ \t]+(?:---|\.\.\.)(?=\s|$)|(?:^|[\s:-])[|>](?:[1-9][+-]?|[+-][1-9])[ \t]*(?:#.*)?$/m;
/** A document end marker (`...`) with content after it: yaml reads a second document there, js-yaml may not. */
const END_MARKER = /^\.\.\.(?=[ \t\r\n]|$).*$/m;
function contentAfterEndMarker(text: string): boolean {
  const end = END_MARKER.exec(text);
  if (!end) return false;
  return /^[ \t]*[^ \t\r\n#]/m.test(text.slice(end.index + end[0].length)); // (a no-break space is content)
}
/** yaml refuses an implicit key whose `:` comes more than 1,024 characters after its start. */
const MAX_KEY_SPAN = 1000;

/**
 * What js-yaml made of texts read before (in another process: src/io/parse-cache.ts keeps it on
 * disk), by their text: `quickValue` asks it first, and tells it what it read.
 */
export interface KnownValues {
  /** The text's quick value as found before; null: `yaml` must read it; undefined: not known. */
  get(text: string): { value: unknown } | null | undefined;
  /** What quickValue found for a text it was not given (`undefined`: `yaml` must read it). */
  put(text: string, found: { value: unknown } | undefined): void;
}

/**
 * The value of a plainly clean YAML file, by js-yaml; undefined when `yaml` must read it.
 * With `known`, a text read before is not read again.
 */
export function quickValue(text: string, known?: KnownValues): { value: unknown } | undefined {
  if (!known) return readOnce(text);
  const before = known.get(text);
  if (before !== undefined) return before ?? undefined;
  const found = readOnce(text);
  known.put(text, found);
  return found;
}

/** Texts up to this long are kept by READ; longer ones (an outline or deck of hundreds of slides) are read whole each time. */
const KEPT_TEXT = 250_000;
/**
 * What the texts read last in this process were read as (readAfresh: whole, or in pieces), by
 * text: a rebuild in watch reads again only the files that changed, and a deck spec that came out
 * the same (a save that changed nothing it shows) is not read again. A million characters of
 * texts are kept (what their values hold, several times that, stays between builds). The values
 * are shared, as the content's (content/parse.ts, CHECKED): no stage changes what it is given.
 */
const READ = new Lru<string, { value: unknown } | undefined>(1_000_000, (text) => text.length);

function readOnce(text: string): { value: unknown } | undefined {
  return text.length > KEPT_TEXT ? readQuickly(text) : READ.get(text, () => readAfresh(text));
}

/**
 * A string of its own: V8 keeps a slice of a text (or two joined) as a view of the whole text,
 * which a cache keyed by slices would keep alive, whatever it counts the slice's length as.
 */
const own = (slice: string): string => Buffer.from(slice, 'utf16le').toString('utf16le');

/** The beginnings of the long texts read so far (a file's, a deck spec's): another text beginning alike is most likely an edit of one. */
const BEGUN = new Lru<string, true>(256);
const BEGINNING = 200;

/**
 * A text not read before: in pieces when at least half its items were read before (a rebuild
 * after an edit), else whole, its items then kept for the next read. A text that does not begin as one
 * read before is read whole without being cut at all: in a process that has just started, one
 * call to js-yaml for a 100-part outline is quicker than a hundred (about 45 ms against 65), and
 * even the cutting costs a few milliseconds there.
 */
function readAfresh(text: string): { value: unknown } | undefined {
  if (text.length < PIECES_FROM || !plainlyClean(text)) return readQuickly(text);
  const beginning = own(text.slice(0, BEGINNING));
  const begun = BEGUN.has(beginning);
  BEGUN.set(beginning, true);
  // (the text found plainly clean once: read whole below without looking again)
  const pieces = begun ? sequencePieces(text) : undefined;
  if (!pieces) return readClean(text);
  const known = pieces.items.filter((item) => ITEMS.has(item)).length;
  if (known * 2 >= pieces.items.length) {
    const read = readPieces(pieces);
    if (read) return read;
  }
  const whole = readClean(text);
  // Each item as the whole text read it: what it reads alone (tests/diagnostics/yaml-pieces.test.ts).
  const items = (whole?.value as Record<string, unknown> | undefined)?.[pieces.key];
  if (Array.isArray(items) && items.length === pieces.items.length) pieces.items.forEach((item, i) => ITEMS.set(item, { value: items[i], needsYaml: false, alone: false }));
  return whole;
}

/** Texts shorter than this are read whole: their pieces would save little. */
const PIECES_FROM = 4_000;

/**
 * A top-level key whose value is a block sequence, cut into pieces: the lines before the
 * sequence and after it (`rest`, where the key is left with no value), and each item's lines.
 */
interface Pieces {
  key: string;
  rest: string;
  items: string[];
}

/** How a block mapping's first line begins: a key in the first column, bare (not an indicator: `-`, `{`, `[`, `?`, ...) or quoted and followed by `:`. */
const BLOCK_KEY_START = /^(?:[^\s#\-{}[\]?|>!&*%@`'",]|"[^"\n]*"[ \t]*:|'[^'\n]*'[ \t]*:)/;
/** A key of the top mapping with nothing after it: a name, bare or quoted. */
const TOP_KEY = /^(?:([A-Za-z_][A-Za-z0-9_-]*)|"([A-Za-z_][A-Za-z0-9_-]*)"|'([A-Za-z_][A-Za-z0-9_-]*)'):[ \t]*(?:#.*)?$/;

/**
 * The longest block sequence under a top-level key (`slides:` of a deck spec, `parts:` of an
 * outline), cut into its items; undefined when there is none of two items or more. An item runs
 * from its `- ` line to the next `- ` line at its indentation; the sequence ends at the end of
 * the text or at a line in the first column (the next key), and is not cut when a line less
 * indented, or as indented but not an item, comes first (blank lines and comments go with the
 * item before them).
 */
export function sequencePieces(text: string): Pieces | undefined {
  // (by offsets, one line at a time: no line is copied but a key's; after a last LF, an empty line)
  const starts = lineStarts(text);
  const lineEnd = (n: number) => (n + 1 < starts.length ? starts[n + 1]! : text.length);
  /** The line's indentation (spaces), or -1 when it holds nothing (blank, or only a comment). */
  const indentOf = (n: number): number => {
    let at = starts[n]!;
    while (text.charCodeAt(at) === 0x20) at++;
    const c = text.charCodeAt(at);
    return at >= lineEnd(n) || c === 0x0a || c === 0x0d || c === 0x23 /* # */ ? -1 : at - starts[n]!;
  };
  /** Whether the line, indented `indent`, begins an item (`-` and a space or the line's end). */
  const isItem = (n: number, indent: number): boolean => {
    const at = starts[n]! + indent;
    const next = text.charCodeAt(at + 1);
    return text.charCodeAt(at) === 0x2d /* - */ && (at + 1 >= lineEnd(n) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d);
  };
  // Only under a block mapping at the top: in a document that is one flow collection (`{ ... }`),
  // a line in the first column may stand inside a quoted value or a bracket.
  let top = 0;
  while (top < starts.length && indentOf(top) === -1) top++;
  if (top < starts.length && !BLOCK_KEY_START.test(text.slice(starts[top]!, lineEnd(top)))) return undefined;
  let best: { key: string; first: number; end: number; items: number[]; chars: number } | undefined;
  for (let k = 0; k < starts.length; k++) {
    if (indentOf(k) !== 0) continue;
    const named = TOP_KEY.exec(text.slice(starts[k]!, lineEnd(k)).replace(/\r?\n$/, ''));
    if (!named) continue;
    let first = k + 1;
    while (first < starts.length && indentOf(first) === -1) first++;
    if (first >= starts.length) break;
    const indent = indentOf(first);
    if (!isItem(first, indent)) continue;
    const items = [first];
    let end = first + 1;
    for (; end < starts.length; end++) {
      const depth = indentOf(end);
      if (depth === -1 || depth > indent) continue;
      if (depth < indent || !isItem(end, indent)) {
        if (depth > 0) items.length = 0; // (not a key of the top mapping: the sequence is not plainly over; not cut)
        break;
      }
      items.push(end);
    }
    const chars = (end < starts.length ? starts[end]! : text.length) - starts[first]!;
    if (items.length >= 2 && (!best || chars > best.chars)) best = { key: (named[1] ?? named[2] ?? named[3])!, first, end, items, chars };
    k = end - 1;
  }
  if (!best) return undefined;
  const at = (n: number) => (n < starts.length ? starts[n]! : text.length);
  const { key, first, end, items } = best;
  return { key, rest: own(text.slice(0, at(first)) + text.slice(at(end))), items: items.map((from, i) => own(text.slice(at(from), at(items[i + 1] ?? end)))) };
}

/** Each item of a sequence read once per process, by its text (see readInPieces); null: js-yaml refused it. */
const ITEMS = new Lru<string, Item | null>(1_000_000, (text) => text.length);

interface Item {
  value: unknown;
  needsYaml: boolean;
  /** Read on its own (readItem), not taken from a whole text's reading. */
  alone: boolean;
}

/**
 * A long text read a piece at a time (sequencePieces), each piece once per process: after a
 * figure changed, a rebuild reads again the few items of the deck spec, or parts of the outline,
 * that show it, not the whole text. The value is the one readQuickly gives the whole text, or
 * undefined (read it whole) where a piece is not plainly clean on its own. What holds the pieces
 * to the whole: the items of a block sequence are read alike on their own (nothing one item
 * says changes how another is read once anchors, tags, directives and document markers are left
 * out, as NEEDS_YAML leaves them); an item cut short (a quote or bracket left open) is refused
 * by js-yaml, and the text read whole. tests/diagnostics/yaml-pieces.test.ts compares the two.
 * (`from`: the shortest text read in pieces; tests give 0.)
 */
export function readInPieces(text: string, from = PIECES_FROM): { value: unknown } | undefined {
  const pieces = text.length >= from && plainlyClean(text) ? sequencePieces(text) : undefined;
  return pieces && readPieces(pieces);
}

function readPieces(pieces: Pieces): { value: unknown } | undefined {
  // (the lines around the sequence are read as any text is: once, and in pieces when long, such
  // as an outline's tables around its parts)
  const rest = readOnce(pieces.rest);
  const top = rest?.value as Record<string, unknown> | undefined;
  if (!top || !Object.hasOwn(top, pieces.key) || top[pieces.key] !== null) return undefined;
  const items: unknown[] = [];
  for (const item of pieces.items) {
    let read = ITEMS.get(item, () => readItem(item));
    if (read && !read.alone) {
      // (kept from a whole text's reading: read alone once before it is used for another text)
      const alone = readItem(item);
      ITEMS.set(item, alone);
      if (!alone || !isDeepStrictEqual(alone.value, read.value)) return undefined;
      read = alone;
    }
    if (read === null) return undefined;
    if (read.needsYaml) return undefined; // (as the whole text would be; readQuickly says so again)
    items.push(read.value);
  }
  const value: Record<string, unknown> = Object.create(Object.getPrototypeOf(top) as object | null) as Record<string, unknown>;
  // (defined, not assigned: a key `__proto__`, written with an escape, is a key like any other)
  for (const [key, was] of Object.entries(top)) Object.defineProperty(value, key, { value: key === pieces.key ? items : was, enumerable: true, writable: true, configurable: true });
  return { value };
}

/** One item of a top-level sequence, read on its own: a sequence of that one item, one level less deep. */
function readItem(text: string): Item | null {
  let value: unknown;
  try {
    value = quickLoad(text, { maxDepth: QUICK_DEPTH - 1, maxAliases: 0 });
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 1) return null;
  return { value: value[0], needsYaml: needsYaml(value[0]), alone: true };
}

/** A text read whole by js-yaml (readInPieces is held to it), undefined when `yaml` must read it. */
export function readQuickly(text: string): { value: unknown } | undefined {
  return plainlyClean(text) ? readClean(text) : undefined;
}

/** readQuickly for a text already found plainly clean. */
function readClean(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = quickLoad(text, { maxDepth: QUICK_DEPTH, maxAliases: 0 });
  } catch {
    return undefined;
  }
  // Only a mapping at the top, as every project file has: on a lone scalar at the top (a block
  // scalar less indented below its header, say) the two readers can differ.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || needsYaml(value)) return undefined;
  return { value };
}

/**
 * Whether a value js-yaml read needs `yaml`'s reading after all: a key or string holds a
 * character no slide can hold (reported with its place), a key was null (js-yaml names it
 * "null", yaml ""), a key is long enough that yaml may refuse it as an implicit key, or a
 * key or string is a float too large for a number.
 */
function needsYaml(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (FORBIDDEN_CHAR.test(node) || overflows(node)) return true;
    } else if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        if (key === 'null' || key.length > MAX_QUICK_KEY || FORBIDDEN_CHAR.test(key) || overflows(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

const FLOAT_WITH_EXPONENT = /^[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$/;
/** A float too large for a number (1e400): js-yaml keeps it as text, yaml reads ±Infinity. */
const overflows = (text: string) => FLOAT_WITH_EXPONENT.test(text) && !Number.isFinite(Number(text));

/** A key longer than any project uses: js-yaml may have read it where yaml would refuse it. */
const MAX_QUICK_KEY = 128;

/**
 * Whether a line is long enough to hold an implicit key over yaml's limit: over 1,000
 * characters, with its first `:` past that or none, or with a flow collection in it.
 */
function mayHoldLongKey(text: string): boolean {
  // One walk from line end to line end (a regex such as /[^\n]{1001}/ restarts at every
  // character, and took about 45 ms on a 1,000-part outline).
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > MAX_KEY_SPAN) {
      const line = text.slice(start, end);
      const colon = line.indexOf(':');
      if (colon === -1 || colon > MAX_KEY_SPAN || /[[{]/.test(line)) return true;
    }
    start = end + 1;
  }
  return false;
}

function documentOf(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  // logLevel 'error': yaml would print a Node warning for a key that is a collection (`? [a]`);
  // the schema check reports such a key, in its place.
  return { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' }), lineCounter };
}

/** The file read by `yaml`, with every problem it has as a diagnostic. */
export function parseFully(file: SourceFile): ParsedYaml {
  const { text } = file;
  let nodes: ReturnType<typeof documentOf>;
  try {
    nodes = documentOf(text);
  } catch (error) {
    // yaml's parser recurses once per level: a runaway nesting can run out of stack inside it
    // (or inside its composer, which reports it as an error of the document, below).
    if (!(error instanceof RangeError)) throw error;
    const empty = documentOf('');
    const diagnostics: Diagnostic[] = [
      { code: 'MJZ105', severity: 'error', message: `${file.path} is nested too deeply`, location: { file: file.path, start: { line: 1, column: 1 } }, source: text },
    ];
    return { file, value: undefined, doc: empty.doc, lineCounter: empty.lineCounter, diagnostics };
  }
  const { doc, lineCounter } = nodes;
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number): Position => toPosition(lineCounter.linePos(offset));
  const problem = (code: string, message: string, range: readonly number[] | null | undefined, hint?: string): Diagnostic => ({
    code,
    severity: 'error',
    message,
    location: range ? { file: file.path, start: at(range[0]!), end: at(range[1] ?? range[0]!) } : { file: file.path, start: { line: 1, column: 1 } },
    source: text,
    hint,
  });
  // After the first error in the structure (a missing colon, a quote left open), yaml often
  // finds more that only follow from it: those are counted, not listed. A duplicate key or a
  // second document is a problem of its own and always listed.
  let structural: Diagnostic | undefined;
  let following = 0;
  for (const error of doc.errors) {
    if (/call stack/i.test(error.message)) {
      // The parser ran out of stack on a runaway nesting: say so, not how, and nothing else (what
      // it found after that is only the consequence).
      diagnostics.splice(0, diagnostics.length, problem('MJZ105', `${file.path} is nested too deeply`, error.pos));
      break;
    }
    if (error.code === 'MULTIPLE_DOCS') {
      diagnostics.push(problem('MJZ100', 'The file holds a second YAML document (after a --- line)', error.pos, 'A content file is one document: remove the --- line, or merge what follows it into the file.'));
      continue;
    }
    if (structural && error.code !== 'DUPLICATE_KEY') {
      following++;
      continue;
    }
    let message = error.message.split('\n')[0]!;
    let last = error.pos[0] - 1; // the last character before the place yaml reports, spaces aside
    while (last >= 0 && /\s/.test(text[last]!)) last--;
    const before = text[last] ?? '';
    let hint = syntaxHint(error.code, message, before, file.path);
    // ("Unexpected scalar at node end" after a closing quote: a quote inside the quoted text ended it)
    if (error.code === 'UNEXPECTED_TOKEN' && /at node end/.test(message) && (before === '"' || before === "'")) {
      message = 'Text follows the closing quote of a quoted value: a quote mark inside the text ended it there';
    }
    // a list item out of line with its list (`  - en: …` among `- en: …`), in words
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /^[ \t]*- /.test(text.slice(error.pos[0], text.indexOf('\n', error.pos[0]) >>> 0))) {
      message = 'This list item is not lined up with its list: YAML reads it as part of the entry above it';
      hint = "Start its dash (-) at the same column as the dashes of the list's other items (a list under a key starts on the line after it).";
    }
    // a key indented more than the one above it (`  heading: Amiri` then `   body: Amiri`): yaml
    // says the value above holds a mapping; said at the line that stands too far in
    let deeper: number | undefined;
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && tabInIndentation(text, error.pos[0]) === undefined) {
      const lineStart = text.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const own = /^( *)([a-z_][\w.-]*):[ \t]+\S/.exec(text.slice(lineStart, error.pos[0] + 1));
      const nextStart = text.indexOf('\n', error.pos[0]) + 1;
      const lineAt = (start: number) => text.slice(start, text.indexOf('\n', start) >>> 0);
      // (a key as the project's files write keys: a wrapped line of prose with a colon is no key)
      const next = nextStart > 0 ? /^( +)([a-z_][\w.-]*):(?:[ \t]|\r?$)/.exec(lineAt(nextStart)) : null; // (keys begin in lower case: «Note:» in prose is no key)
      if (own && next && next[1]!.length > own[1]!.length) {
        deeper = nextStart + next[1]!.length;
        const afterStart = text.indexOf('\n', nextStart) + 1;
        const after = afterStart > 0 ? /^( *)\S/.exec(lineAt(afterStart)) : null;
        if (after && after[1]!.length === next[1]!.length) {
          // (fonts: Amiri, then heading: and body: under it: a value and fields both; said at the value)
          deeper = lineStart + own[0].length - 1;
          message = `"${own[2]}" has a value, and under it lines indented as its fields: a key holds a value or fields, not both`;
          hint = `If the lines under it are its fields, remove the value after ${own[2]}:; if they are keys beside it, indent them ${own[1]!.length} spaces in, as ${own[2]}: is.`;
        } else {
          message = `This key is indented ${next[1]!.length} spaces, more than the key above it (${own[1]!.length}): YAML reads it as part of that key's value`;
          hint = `Indent it as the keys beside it, ${own[1]!.length} spaces in.`;
        }
      }
    }
    // a tab inside a line's indentation, after spaces (`  ⇥  key:`): yaml says the line is out of
    // line, which the eye cannot see, since the editor draws the tab as spaces
    const tab = error.code === 'TAB_AS_INDENT' ? undefined : tabInIndentation(text, error.pos[0]);
    if (tab !== undefined) {
      message = `The indentation holds a tab (column ${at(tab).column}): YAML does not count a tab as indentation, so this line is not lined up with the lines beside it, though it may look so`;
      hint = 'Replace the tab with spaces: indent the line with spaces only, as many as the keys beside it.';
    }
    const diagnostic = problem('MJZ100', message, tab !== undefined ? [tab, tab + 1] : deeper !== undefined ? [deeper, deeper + 1] : (unclosedQuoteAt(doc, error) ?? keyOfLineAt(text, error) ?? error.pos), hint);
    diagnostics.push(diagnostic);
    if (error.code !== 'DUPLICATE_KEY') structural = diagnostic;
  }
  if (structural && following > 0) {
    const more = following === 1 ? 'One more problem further down' : `${following} more problems further down`;
    structural.hint = `${hintOf(structural)} ${more} may follow from this one: fix it, then check again.`;
  }
  const strayCr = diagnostics.length > 0 ? /\r(?!\n)/.exec(text) : null;
  if (strayCr) {
    // A carriage return alone among LF line ends (pasted text), shown as ␍ in the code frames:
    // said once, on the first problem.
    const line = toPosition(lineCounter.linePos(strayCr.index)).line;
    const first = diagnostics[0]!;
    const before = hintOf(first);
    first.hint = `${before ? `${before} ` : ''}The file holds a stray carriage return (␍, first on line ${line}), which can break the YAML around it: remove it, or save the file with LF line ends.`;
  }
  const inspected = diagnostics.length === 0 ? inspect(doc) : undefined;
  if (inspected?.tooDeep) {
    diagnostics.push(problem('MJZ105', `Nested more than ${MAX_DEPTH} levels deep`, inspected.tooDeep.range));
  }
  for (const scalar of inspected?.forbidden ?? []) {
    const value = String(scalar.value);
    const ch = FORBIDDEN_CHAR.exec(value)![0];
    const name = codePoint(ch);
    // Point at the character itself when the file holds it as it is (not as an escape).
    const range = scalar.range!;
    const raw = text.indexOf(ch, range[0]);
    const start = raw !== -1 && raw < range[1] ? raw : range[0];
    diagnostics.push(problem('MJZ104', `The text holds the character ${name}, which no slide can hold (a control character, a noncharacter or half a surrogate pair)`, [start, start + 1]));
  }
  let value: unknown = undefined;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = (error as Error).message;
      const bomb = /alias/i.test(message);
      diagnostics.push(
        problem(
          'MJZ101',
          bomb ? `Aliases expand to too many values (${message})` : message,
          bomb ? inspected?.firstAlias?.range : undefined,
          bomb ? 'Aliases (*name) may be expanded a limited number of times; write the values out.' : undefined,
        ),
      );
    }
  }
  if (diagnostics.length === 0 && (value === null || value === undefined)) {
    // (the yaml library reads a lone CR as no line end: a file of them is one line, a comment)
    const cr = /\r(?!\n)/.test(text);
    diagnostics.push(problem('MJZ102', `${file.path} is empty${cr ? ' as read: its line ends are carriage returns (CR) among line feeds (LF)' : ''}`, undefined, cr ? 'Save the file with one kind of line end, LF (or CRLF), in your editor.' : undefined));
  }
  // The positions count from the text without its BOM: so does every later use of the text.
  return { file, value, doc, lineCounter, diagnostics };
}

/** The hint for a [ or { that is not closed, or whose later lines are not indented enough. */
const UNCLOSED_FLOW =
  'A [ or { must be closed, and a line inside it indented more than its key: close it, indent the lines that follow, or write the list one item per line, each starting with `- `.';

/**
 * What to do about the YAML mistakes authors make most, by yaml's error code (and message, where
 * one code covers several mistakes). `before` is the last character before the place yaml
 * reports, which tells the mistakes one code covers apart. Others keep MJZ100's general hint.
 */
function syntaxHint(code: string, message: string, before: string, where: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping; remove or rename the duplicate.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'Each line of a mapping is `key: value`: is the colon after the key missing? A text that runs over several lines goes in double quotes.';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'A colon and a space inside a value start a new mapping: put the value in double quotes (title: "a: b"). Or the line is indented more than the keys beside it.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces: YAML does not allow tabs in indentation.';
    case 'BAD_DQ_ESCAPE':
      return 'In double quotes a backslash starts an escape (\\n, \\"): write \\\\ for a backslash itself, or use single quotes.';
    case 'UNEXPECTED_TOKEN':
      if (!/scalar at node end/.test(message)) return undefined;
      if (before === '"' || before === "'") return 'Text follows a closing quote: a double quote inside double quotes is written \\", or put the whole text in single quotes.';
      if (before === ']' || before === '}') return 'Text follows the closing ] or }: put it inside the brackets, or write the list one item per line, each starting with `- `.';
      return undefined;
    case 'MISSING_CHAR':
      if (/closing ["']?quote/.test(message)) return 'This quoted text is never closed: add the closing quote where the text ends (a double quote inside it is written \\").';
      if (/followed by map values/.test(message)) return 'Add a colon and a space after the key: `key: value`.';
      if (/without - indicator/.test(message)) return 'This line is indented as an item of the list above, without its `- `: indent it as the keys of that item, or start a new item with `- `.';
      if (/must end with a [\]}]/.test(message)) return UNCLOSED_FLOW;
      return undefined;
    case 'BAD_INDENT':
      if (/same column/.test(message)) {
        // (an example from the file's own kind: a template's slide, a theme's colours, the outline's point)
        const example = where.endsWith(' (output)') ? 'in a slide, bullets: stands under title:, two spaces in from the -' : /theme\.yaml$/.test(where) ? 'under colors:, every key two spaces in from colors:' : 'in a point, basis: stands under text:, two spaces in from the -';
        return `This key is not lined up with the keys beside it: indent it with as many spaces as the other keys of its entry (${example}).`;
      }
      return /Flow (sequence|map)/.test(message) ? UNCLOSED_FLOW : undefined;
    default:
      return undefined;
  }
}

/** The offset of a tab in the indentation of the line that holds offset `at`, if its indentation holds one. */
function tabInIndentation(text: string, at: number): number | undefined {
  const start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))![0];
  const tab = indent.indexOf('\t');
  const next = text[start + indent.length];
  return tab === -1 || next === undefined || next === '\n' || next === '\r' ? undefined : start + tab;
}

/**
 * yaml reports a key out of line, or a list item indented under a key's value (`  - en: …` among
 * `- en: …`), at the start of its line: the key or the dash itself is where the eye goes.
 */
function keyOfLineAt(text: string, error: { code: string; message: string; pos: [number, number] }): [number, number] | undefined {
  const outOfLine = error.code === 'BAD_INDENT' && /same column/.test(error.message);
  if (!outOfLine && error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  if (error.pos[0] > 0 && text[error.pos[0] - 1] !== '\n') return undefined; // (not at a line's start)
  const lineEnd = text.indexOf('\n', error.pos[0]);
  const line = text.slice(error.pos[0], lineEnd === -1 ? undefined : lineEnd);
  const indent = line.length - line.trimStart().length;
  return indent > 0 && line.trim() !== '' ? [error.pos[0] + indent, error.pos[0] + indent + 1] : undefined;
}

/**
 * yaml places an unclosed quote where it gave up reading the text (the end of a line, or of the
 * file): the quoted text itself begins at its opening quote, which is what the author has to find.
 */
function unclosedQuoteAt(doc: Document.Parsed, error: { code: string; message: string; pos: [number, number] }): [number, number] | undefined {
  if (error.code !== 'MISSING_CHAR' || !/closing ["']?quote/.test(error.message)) return undefined;
  let found: [number, number] | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isScalar(node)) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] === error.pos[0]) found = [node.range[0], node.range[0] + 1];
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) stack.push(...(isPair(item) ? [item.key, item.value] : [item]));
    }
  }
  return found;
}

/**
 * One pass over the document's nodes, without recursion (the nesting itself may be hostile):
 * the first node nested too deeply, the first alias, and the scalars holding forbidden characters.
 */
function inspect(doc: Document.Parsed): { tooDeep?: Node; firstAlias?: Node; forbidden: Scalar[] } {
  const out: { tooDeep?: Node; firstAlias?: Node; forbidden: Scalar[] } = { forbidden: [] };
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      if (!out.firstAlias || node.range![0] < out.firstAlias.range![0]) out.firstAlias = node;
    } else if (isScalar(node)) {
      if (typeof node.value === 'string' && FORBIDDEN_CHAR.test(node.value)) out.forbidden.push(node);
    } else if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_DEPTH) {
        if (!out.tooDeep || (node.range && out.tooDeep.range && node.range[0] < out.tooDeep.range[0])) out.tooDeep = node;
        continue;
      }
      for (const item of node.items as unknown[]) {
        if (isPair(item)) stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
        else stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  out.forbidden.sort((a, b) => a.range![0] - b.range![0]);
  return out;
}

/**
 * The location of the node at `path` (keys and indices), or of its nearest existing ancestor.
 * With `key: true`, the location of the mapping key itself (for unknown keys).
 */
export function locate(parsed: ParsedYaml, path: readonly PropertyKey[], options: { key?: boolean } = {}): Location {
  const { doc, lineCounter, file } = parsed;
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth) as (string | number)[];
    let range: [number, number, number?] | undefined | null;
    if (options.key && depth === path.length && depth > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      if (isNode(parent) && 'items' in parent) {
        const pair = (parent.items as unknown[]).find((item) => isPair(item) && isScalar(item.key) && item.key.value === sub[sub.length - 1]);
        if (isPair(pair) && isNode(pair.key)) range = pair.key.range;
      }
    }
    if (!range) {
      const node = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isNode(node)) range = node.range;
    }
    if (range) {
      return { file: file.path, start: toPosition(lineCounter.linePos(range[0])), end: toPosition(lineCounter.linePos(range[1])) };
    }
  }
  return { file: file.path };
}

function toPosition(pos: { line: number; col: number }): Position {
  return { line: pos.line, column: pos.col };
}
