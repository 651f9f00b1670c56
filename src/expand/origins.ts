import { hintOf } from '../diagnostics/codes.js';
import { ORIGIN_TAG as TAG, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { OPENS_VALUE } from '../diagnostics/comment-cut.js';
import { Lru } from '../util/lru.js';

/**
 * Where each line of the generated spec came from. Before compiling, every template line that
 * holds a YAML entry gets a trailing comment naming its file and line (#@3:12); the comments
 * come out with the lines they tag, loops and partials included, and the YAML parser ignores
 * them. A problem found in the spec is then reported at the template line that produced it.
 */
const ENTRY = /^\s*(?:- |[^\s#'"{}[\],&*!|>%@`-][^:#]*?:(?=\s|$))/;
/** A key or list item whose value is a block scalar (notes: |, - >-, text: | # comment): the lines under it are text. */
const BLOCK_SCALAR = /(?:^\s*-|:)\s*[|>][-+0-9]*\s*(?:#.*)?$/;

/**
 * The quoted value still open at the end of a template line ('"' or "'"), the line starting
 * inside `open`. A mustache's own quotes do not count; a ' opens a value only where a value
 * begins (after a key's colon, a dash, [ { or ,), elsewhere it is a letter of the text.
 */
function openQuoteAfter(line: string, open: '"' | "'" | undefined): '"' | "'" | undefined {
  let q = open;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '{' && line[i + 1] === '{') {
      const end = line.indexOf('}}', i + 2);
      if (end === -1) return q;
      i = end + 1;
      continue;
    }
    if (q === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') q = undefined;
    } else if (q === "'") {
      if (ch === "'" && line[i + 1] === "'") i++;
      else if (ch === "'") q = undefined;
    } else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return undefined; // a comment
    } else if (ch === '"' || (ch === "'" && OPENS_VALUE.test(line.slice(0, i).trimEnd()))) {
      q = ch;
    }
  }
  return q;
}

/** A key or list item with a plain value (not quoted, not a block or flow collection), whose text may run on to the next lines. */
const PLAIN_VALUE = /(?::|^\s*-)\s+[^\s"'|>[{#&*!%@`-]/;

/**
 * Tags the template lines that hold a YAML entry: a key (any name: a misspelt or Arabic one is
 * reported at its line too) or a list item. Not where a value runs on: the next lines of a quoted
 * value left open or of a block scalar (a tag there would be text on the slide), nor the line of
 * a plain value that continues on the next one (a tag would end it there).
 */
export function tagLines(file: SourceFile, index: number): string {
  // (once per process for a template's text and place: a rebuild tags every template again)
  const key = `${index}\0${file.text}`;
  return TAGGED.get(key, () => tagLinesOf(file, index));
}

/** Tagged texts by their template's place and text (the few a project has). */
const TAGGED = new Lru<string, string>(256);

function tagLinesOf(file: SourceFile, index: number): string {
  let open: '"' | "'" | undefined; // a quoted value runs on from the line before
  let blockIndent = -1; // the lines indented past this are a block scalar's text
  const lines = file.text.split('\n');
  const bodies = lines.map((line) => line.replace(/\r$/, ''));
  const indentOf = (body: string) => body.length - body.trimStart().length;
  /** Whether a plain value on line i runs on to the next line (indented past it, and no entry of its own). */
  const runsOn = (i: number) => {
    let next = i + 1;
    while (next < bodies.length && bodies[next]!.trim() === '') next++;
    const body = bodies[next];
    return body !== undefined && indentOf(body) > indentOf(bodies[i]!) && !ENTRY.test(body) && !/^\s*(?:#|\{\{)/.test(body);
  };
  return lines
    .map((line, i) => {
      const body = bodies[i]!;
      const indent = indentOf(body);
      if (blockIndent >= 0 && (body.trim() === '' || indent > blockIndent)) return line;
      blockIndent = -1;
      if (open) {
        open = openQuoteAfter(body, open);
        return line;
      }
      open = openQuoteAfter(body, undefined);
      // (a document marker, --- or ..., tagged like an entry: a stray one is then placed at its own line)
      if (/^(?:---|\.\.\.)[ \t]*$/.test(body)) return `${body} #@${index}:${i + 1}`;
      const comment = body.trimStart().startsWith('#');
      if (!open && !comment && BLOCK_SCALAR.test(body)) blockIndent = indent;
      if (!ENTRY.test(body) || comment || open || /\{\{[^}]*$/.test(body)) return line;
      if (PLAIN_VALUE.test(body) && runsOn(i)) return line; // a tag would end the value at this line
      return `${body} #@${index}:${i + 1}`;
    })
    .join('\n');
}

export interface Origin {
  file: SourceFile;
  line: number;
}

/** For each line of the output (1-based), the template line that produced it. */
export function originsOf(output: string, files: readonly SourceFile[]): (Origin | undefined)[] {
  const origins: (Origin | undefined)[] = [undefined];
  let last: Origin | undefined;
  let since = 0;
  const lineCounts = new Map<SourceFile, number>(); // (each template's lines counted once, not for every untagged line)
  const linesOf = (file: SourceFile) => lineCounts.get(file) ?? lineCounts.set(file, file.text.split('\n').length).get(file)!;
  for (const line of output.split('\n')) {
    const m = TAG.exec(line);
    if (m) {
      last = { file: files[Number(m[1])]!, line: Number(m[2]) };
      since = 0;
      origins.push(last);
      continue;
    }
    // An untagged line (a value's continuation, a line with an open quote) most often follows
    // the tagged one in the same template: count on from it, within the file.
    since++;
    origins.push(last && { ...last, line: Math.min(last.line + since, linesOf(last.file)) });
  }
  return origins;
}

/** Moves a diagnostic located in the generated spec to the template line that produced it. */
export function toTemplate(d: Diagnostic, origins: readonly (Origin | undefined)[], what: string): Diagnostic {
  const line = d.location?.start?.line;
  const origin = line === undefined ? undefined : origins[line];
  if (!origin) return d;
  return {
    ...d,
    message: `${d.message}${what && d.message.includes(what) ? '' : what ? ` (${what})` : ''}, in the spec this template produced`,
    location: { file: origin.file.path, start: { line: origin.line, column: templateColumn(origin, d.location?.start?.column, d.source?.split('\n')[line! - 1]) } },
    source: origin.file.text,
    hint: `${hintOf(d) ? `${hintOf(d)} ` : ''}See the whole spec with: mujaz build --emit spec`,
  };
}

/**
 * The template's column for an output column: where the text from that column on is found once
 * in the template line (a stray quote after an interpolation, `"{{heading}} قال "الشرع" ذلك"`,
 * stands further in the output than in the template), else the output column where the template
 * line is long enough to hold it (most lines keep their indentation).
 */
function templateColumn(origin: Origin, column: number | undefined, outputLine?: string): number {
  const text = origin.file.text.split('\n')[origin.line - 1] ?? '';
  if (column !== undefined && outputLine !== undefined) {
    const after = outputLine.replace(TAG, '').slice(column - 1);
    for (const length of [24, 12, 6]) {
      const piece = after.slice(0, length);
      if (piece.trim().length < 3) continue;
      const at = text.indexOf(piece);
      if (at !== -1 && text.indexOf(piece, at + 1) === -1) return at + 1;
    }
  }
  return column !== undefined && column <= text.length ? column : 1;
}
