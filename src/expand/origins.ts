import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { insideDoubleQuotes } from './lint.js';

/**
 * Where each line of the generated spec came from. Before compiling, every template line that
 * holds a YAML entry gets a trailing comment naming its file and line (#@3:12); the comments
 * come out with the lines they tag, loops and partials included, and the YAML parser ignores
 * them. A problem found in the spec is then reported at the template line that produced it.
 */
const ENTRY = /^\s*(?:- |[^\s#'"{}[\],&*!|>%@`-][^:#]*?:(?=\s|$))/;
const TAG = /\s#@(\d+):(\d+)$/;
/** A key whose value is a block scalar (notes: |, text: >-): the lines under it are text. */
const BLOCK_SCALAR = /:\s*[|>][-+0-9]*\s*$/;

/**
 * Tags the template lines that hold a YAML entry: a key (any name: a misspelt or Arabic one is
 * reported at its line too) or a list item. Not the lines a value continues on: the next lines of
 * a double-quoted value left open, or of a block scalar, whose text a tag would join.
 */
export function tagLines(file: SourceFile, index: number): string {
  let open = false; // a double-quoted value runs on from the line before
  let blockIndent = -1; // the lines indented past this are a block scalar's text
  return file.text
    .split('\n')
    .map((line, i) => {
      const body = line.replace(/\r$/, '');
      const indent = body.length - body.trimStart().length;
      if (blockIndent >= 0 && (body.trim() === '' || indent > blockIndent)) return line;
      blockIndent = -1;
      if (open) {
        // (a quote before the text puts the scan inside the value, where this line starts)
        open = insideDoubleQuotes(`"${body}`, body.length + 1);
        return line;
      }
      open = insideDoubleQuotes(body, body.length);
      if (!open && BLOCK_SCALAR.test(body) && !body.trimStart().startsWith('#')) blockIndent = indent;
      if (!ENTRY.test(body) || body.trimStart().startsWith('#') || open || /\{\{[^}]*$/.test(body)) return line;
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
    origins.push(last && { ...last, line: Math.min(last.line + since, last.file.text.split('\n').length) });
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
    location: { file: origin.file.path, start: { line: origin.line, column: templateColumn(origin, d.location?.start?.column) } },
    source: origin.file.text,
    hint: `${d.hint ? `${d.hint} ` : ''}See the whole spec with: mujaz build --emit spec`,
  };
}

/** The output column, where the template line is long enough to hold it (most lines keep their indentation). */
function templateColumn(origin: Origin, column: number | undefined): number {
  const text = origin.file.text.split('\n')[origin.line - 1] ?? '';
  return column !== undefined && column <= text.length ? column : 1;
}
