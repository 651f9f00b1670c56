import { hintOf } from './codes.js';
import type { Diagnostic } from './diagnostic.js';
import { lineStarts } from '../util/lines.js';

/** The widest source line a code frame shows; longer lines are cut to a window around the column. */
const FRAME_WIDTH = 120;

/** Control characters would act on the terminal (a CR sends the cursor back over the line): shown as their visible symbols (␀, ␇, ␍). */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)));
}

/** Where each line of the last source framed starts (kept: the diagnostics of a file are framed one after another). */
let framed: { source: string; starts: number[] } | undefined;

/** Where each line of `source` starts (lineStarts), for the last source framed. */
function framedLineStarts(source: string): number[] {
  if (framed?.source === source) return framed.starts;
  framed = { source, starts: lineStarts(source) };
  return framed.starts;
}

/** A few lines of source around the diagnostic, with a caret under the column. */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  // Lines end at LF (or CRLF), as the parsers count them; a lone CR stays in its line and shows.
  // (the lines' places are found once for a file of many diagnostics: splitting it for each made
  // a thousand warnings in an outline of ten thousand lines take seconds)
  const starts = framedLineStarts(source);
  const lineAt = (n: number) => {
    if (n === starts.length) return source.slice(starts[n - 1]); // (the last line: no LF ends it)
    const text = source.slice(starts[n - 1], starts[n]! - 1);
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  const first = Math.max(1, line - context);
  const last = Math.min(starts.length, line + context);
  const width = String(last).length;
  // One window for every line of the frame, so that the lines stay aligned with the caret.
  const from = column - 1 > FRAME_WIDTH - 20 ? column - 1 - Math.floor(FRAME_WIDTH / 2) : 0;
  const clip = (line: string) => {
    const text = visible(line);
    if (text.length <= FRAME_WIDTH && from === 0) return text;
    const cut = text.slice(from, from + FRAME_WIDTH);
    return `${from > 0 ? '…' : ''}${cut}${from + FRAME_WIDTH < text.length ? '…' : ''}`;
  };
  const caret = from > 0 ? column - from : column - 1;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${clip(n <= starts.length ? lineAt(n) : '')}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, caret))}^`);
  }
  return out.join('\n');
}

export function formatLocation(d: Diagnostic): string {
  const loc = d.location;
  if (!loc) return '';
  return loc.start ? `${loc.file}:${loc.start.line}:${loc.start.column}` : loc.file;
}

/** One diagnostic as the CLI prints it: "file:line:col: error MJZ110: message", frame, hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  const head = `${where ? `${visible(where)}: ` : ''}${d.severity} ${d.code}: ${visible(d.message)}${d.audience ? ` (${d.audience.includes(', ') ? 'audiences' : 'audience'}: ${d.audience})` : ''}`;
  const parts = [head];
  if (d.source !== undefined && d.location?.start) {
    parts.push(codeFrame(d.source, d.location.start.line, d.location.start.column));
  }
  const hint = hintOf(d);
  if (hint) parts.push(`  hint: ${visible(hint)}`);
  return parts.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n\n');
}

/** A word of a command line as a POSIX shell reads it back: quoted when it holds a space or another special character. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
