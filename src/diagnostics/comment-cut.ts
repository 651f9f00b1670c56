/**
 * Slide text that YAML would read as a comment and drop (error MJZ168): `title: نص #وسم`
 * gives the slide «نص». Templates, content files and themes are checked alike.
 */
import type { Diagnostic } from './diagnostic.js';

/** What stands before a quote that opens a YAML value (a key's colon, a list's dash, [ { or ,): any other quote is a character of the text. */
export const OPENS_VALUE = /(^|[:\-[{,])$/;

/** A value in double quotes, its escapes kept. */
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
/**
 * A line that is a key or list dashes and a value wholly in double quotes, or a flow list of such
 * values, maybe with a comment after it: nothing of it can be cut. (A key or a dash first: a line
 * that starts with its quote may go on a value of the line above.)
 */
export const WHOLLY_QUOTED = new RegExp(`^\\s*(?:(?:-\\s+)+(?:[\\w.-]+:\\s+)?|[\\w.-]+:\\s+)(?:${QUOTED}|\\[\\s*${QUOTED}(?:\\s*,\\s*${QUOTED})*\\s*\\])\\s*(?:#.*)?$`);

/**
 * Cheap first: whether some line has a ' #' after Arabic text, and is not a value wholly in
 * double quotes (most files have none; a hashtag inside quotes or a comment after a quoted value
 * is no cut). Only then is the file scanned line by line, as YAML reads it.
 */
function mayCut(text: string): boolean {
  // (lines as YAML ends them, at \n or \r only: a regex's . and ^ would also end one at U+2028)
  for (const m of text.matchAll(/(?<=^|[\n\r])[^\n\r]*[^ \t\n\r][ \t]+#[^\n\r]*/g)) {
    const line = m[0];
    if (!WHOLLY_QUOTED.test(line) && /[\u0600-\u06FF][\s\S]*[ \t]#/.test(line)) return true;
  }
  return false;
}

/** MJZ168 for each place of `file` where a ' #' after unquoted Arabic text starts a comment. */
export function commentCuts(file: { path: string; text: string }, audience?: string): Diagnostic[] {
  if (!mayCut(file.text)) return [];
  const lines = file.text.split(/\r\n|\r|\n/);
  return cutByComment(file.text).map((cut) => ({
    code: 'MJZ168',
    severity: 'error',
    message: `"${cut.comment.length > 40 ? `${cut.comment.slice(0, 40)}…` : cut.comment}" follows unquoted text: YAML reads it as a comment, and the slide would lose it`,
    hint: `Put the text in double quotes, the # inside them: ${quotedLine(lines[cut.start.line - 1] ?? '')}. A comment of your own goes on a line of its own.`,
    location: { file: file.path, start: cut.start },
    source: file.text,
    ...(audience === undefined ? {} : { audience }),
  }));
}

/**
 * Text that YAML would read as a comment and drop: a ' #' after an unquoted scalar that holds
 * Arabic (slide text). A template's mustaches and Handlebars comments are read as plain text.
 * Left alone: a comment on a line of its own or after a key, a quoted value, a flow list
 * or mapping (… ] # note), an ASCII value (kind: agenda # note), and the lines of a block
 * scalar (| or >) and of a quoted scalar that goes on over several lines.
 */
export function cutByComment(text: string): { start: { line: number; column: number }; comment: string }[] {
  // every {{…}} (and {{!-- … --}}) as filler of the same length, its newlines kept
  const masked = text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, '\u0001'));
  const original = text.split(/\r\n|\r|\n/);
  const cuts: { start: { line: number; column: number }; comment: string }[] = [];
  let block: number | undefined; // the column a block scalar's lines must go past
  let open: string | undefined; // a quoted scalar that goes on to the next line
  masked.split(/\r\n|\r|\n/).forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    if (block !== undefined) {
      // (a line that is only mustaches, such as {{#if}}, is taken out by Handlebars)
      if (line.trim() === '' || indent > block || /^\u0001+$/.test(line.trim())) return;
      block = undefined;
    }
    // (most lines are a key and a value in double quotes, or a list of them: nothing to cut)
    if (open === undefined && WHOLLY_QUOTED.test(line)) return;
    let quote = open;
    let closedAt = -1; // where the last quoted value of the line closed
    for (let c = 0; c < line.length; c++) {
      const ch = line[c]!;
      if (quote) {
        if (quote === '"' && ch === '\\') c++;
        else if (ch === quote && quote === "'" && line[c + 1] === "'") c++; // '' inside single quotes
        else if (ch === quote) {
          quote = undefined;
          closedAt = c;
        }
        continue;
      }
      if ((ch === '"' || ch === "'") && OPENS_VALUE.test(line.slice(0, c).trimEnd())) {
        quote = ch; // a quote that opens a value (not an apostrophe inside one)
        continue;
      }
      if (ch !== '#' || (c > 0 && line[c - 1] !== ' ' && line[c - 1] !== '\t')) continue; // (YAML: space or tab only)
      // (a comment after a quoted value that closed on this line, maybe opened on an earlier one)
      if (closedAt !== -1 && line.slice(closedAt + 1, c).trim() === '') break;
      const value = line.slice(0, c).trimEnd().replace(/^\s*(-\s+)*([^\s#'"][^:#]*:\s*)?(-\s+)*/, '');
      // (a value that is a quoted scalar or a flow list or mapping ends where it opened)
      const closed = /^".*"$|^'.*'$|^\[.*\]$|^\{.*\}$/.test(value);
      if (value !== '' && !closed && !/^[|>]/.test(value) && /[\u0600-\u06FF]/.test(value)) {
        cuts.push({ start: { line: i + 1, column: c + 1 }, comment: original[i]!.slice(c).trimEnd() });
      }
      break;
    }
    open = quote;
    if (!quote && /(:|^\s*-)\s*[|>]([1-9][+-]?|[+-][1-9]?)?\s*(#.*)?$/.test(line)) {
      // The block's lines go past the column of the key that holds it (`- text: >` in a list: the
      // column of text, not of the dash, so that the item's next key ends it), or of the dash of
      // a list item that is the block itself (`- |`).
      const lead = /^\s*(?:-\s+)*/.exec(line)![0];
      block = /^[|>]/.test(line.slice(lead.length)) ? lead.trimEnd().length - 1 : lead.length;
    }
  });
  return cuts;
}

/** A template line with its value in double quotes (for MJZ168's hint): title: نص #وسم → title: "نص #وسم". */
function quotedLine(line: string): string {
  const [, lead = '', value = ''] = /^(\s*(?:-\s+)*(?:[^\s#'"][^:#]*:\s+)?)(.*?)\s*$/.exec(line) ?? [];
  return `${lead.trim() ? `${lead.trim()} ` : ''}"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

