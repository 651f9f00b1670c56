/**
 * Text that ends with a quote mark the author meant to close it with, but never opened (error
 * MJZ173): `title: التحالف بالأرقام"` is a plain scalar to YAML, so the slide would show
 * «التحالف بالأرقام"». (A quote that opens and is never closed is a YAML error of its own.)
 * Templates, content files and themes are checked alike, as for a comment cut (comment-cut.ts).
 */
import type { Diagnostic } from './diagnostic.js';
import { commentCuts, WHOLLY_QUOTED } from './comment-cut.js';

/**
 * Cheap first: whether some line ends (before a comment) with a double quote and does not hold
 * a value wholly in double quotes; most files have none (their quoted values are excluded). Only
 * then is the file read line by line, as YAML reads it. A line that closes a quoted value begun
 * on an earlier line passes this test, and is told apart by the reading.
 */
function mayStray(text: string): boolean {
  // (lines as YAML ends them, at \n or \r only)
  for (const m of text.matchAll(/(?<=^|[\n\r])[^\n\r]*"[ \t]*(?:#[^\n\r]*)?(?=[\n\r]|$)/g)) {
    if (!WHOLLY_QUOTED.test(m[0])) return true;
  }
  return false;
}

/** MJZ173 for each plain (unquoted) text of `file` that ends with a double quote it never opened. */
export function strayQuotes(file: { path: string; text: string }, audience?: string): Diagnostic[] {
  if (!mayStray(file.text)) return [];
  // (places count from the text without its byte-order mark, as every YAML diagnostic's do)
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  return findStrayQuotes(text).map((stray) => {
    const shown = stray.text.length > 40 ? `…${stray.text.slice(-40)}` : stray.text;
    return {
      code: 'MJZ173',
      severity: 'error',
      message: `The text «${shown}» ends with a quote mark (") that has no opening one: YAML keeps the " as part of the text, and the slide would show it`,
      hint: stray.fixed
        ? `Add the opening quote where the text begins: ${stray.fixed}. A quote mark that belongs to the text is written \\" inside double quotes.`
        : `Add the opening quote where the text begins, on line ${stray.from.line}. A quote mark that belongs to the text is written \\" inside double quotes.`,
      location: { file: file.path, start: stray.start },
      source: text,
      ...(audience === undefined ? {} : { audience }),
    };
  });
}

/** One text that ends with a quote it never opened. */
export interface StrayQuote {
  /** Where the stray quote is (1-based). */
  start: { line: number; column: number };
  /** Where the text begins. */
  from: { line: number; column: number };
  /** The text as written, stray quote and all (mustaches as written). */
  text: string;
  /** Its line with the quotes put right, when the text is on one line: title: "التحالف بالأرقام". */
  fixed?: string;
}

/** An Arabic letter: Arabic text is no measure in inches. */
const ARABIC = /[\u0600-\u06FF]/;

/**
 * Each plain scalar (a value not in quotes, not a block scalar | or >, not a flow list or
 * mapping) that ends with a double quote, when the quotes in it are odd in number: the last one
 * closes nothing it opened. `قال "نعم"` (its quotes paired) is text as meant, and so is a
 * measure, `5"` (a quote after a digit, in text without Arabic letters). A plain scalar that goes
 * on over several lines is read whole. In a template, mustaches count as text (their own quotes
 * are the helper's), and a line that is only mustaches ({{#each}}) is skipped, as Handlebars
 * takes it out.
 */
export function findStrayQuotes(text: string): StrayQuote[] {
  // every {{…}} (and {{!-- … --}}) as filler of the same length, its line ends kept
  const masked = text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n\r]/g, '\u0001'));
  const lines = masked.split(/\r\n|\r|\n/);
  // (whether each line follows a lone carriage return: yaml ends no quoted value there)
  const afterCr = [false, ...[...masked.matchAll(/\r\n|\r|\n/g)].map((m) => m[0] === '\r')];
  const original = text.split(/\r\n|\r|\n/);
  const found: StrayQuote[] = [];
  let block: number | undefined; // the column a block scalar's lines must go past
  let open: string | undefined; // a quoted value that goes on to the next line
  let openColumn = -1; // the column of its key or dash: a line not indented past it ends the value
  let holder: number | undefined; // the column of a key or dash just above, with no value on its line
  /** A plain value being read: where it began, the column its next lines must go past, where its last quote is. */
  let plain: { line: number; column: number; lead: string; indent: number; parts: string[]; quotes: number; last?: { line: number; column: number } } | undefined;

  const finish = () => {
    if (!plain) return;
    const value = plain.parts.join(' ');
    const p = plain;
    plain = undefined;
    if (!p.last || !endsStray(value, p.quotes)) return;
    // (the first line of the text as written: the masked one has the same length)
    const shown = original[p.line - 1]!.slice(p.column - 1, p.column - 1 + p.parts[0]!.length);
    const single = p.parts.length === 1;
    found.push({
      start: p.last,
      from: { line: p.line, column: p.column },
      text: single ? shown : `${shown} …`,
      ...(single ? { fixed: `${p.lead.trimStart()}"${escapeOutsideMustaches(shown.slice(0, -1), lines[p.line - 1]!.slice(p.column - 1))}"` } : {}),
    });
  };

  lines.forEach((line, i) => {
    const indent = /^[ \t]*/.exec(line)![0].length;
    const bare = line.slice(indent).replace(/[ \t]+$/, '');
    if (block !== undefined) {
      // (a line that is only mustaches, such as {{#if}}, is taken out by Handlebars)
      if (bare === '' || indent > block || /^\u0001+$/.test(bare)) return;
      block = undefined;
    }
    if (open !== undefined) {
      // (yaml ends a quoted value at a line that is not indented past its key, as an unindent,
      // when a closing quote comes further down: that line is read as a line of its own when it
      // is a key or a list item; anything else there is a YAML error, the quote's own, not this)
      if (bare !== '' && indent <= openColumn && !afterCr[i]) {
        open = undefined;
        if (!ENTRY.test(line)) return;
      } else {
        const close = closingQuote(line, 0, open);
        if (close === -1) return;
        open = undefined;
        return; // (what may follow a closing quote is a comment, or a YAML error of its own)
      }
    }
    if (plain) {
      if (bare === '' || /^\u0001+$/.test(bare)) return; // (a blank line inside a plain value is part of it)
      if (indent > plain.indent && !bare.startsWith('#') && !ENTRY.test(line)) {
        // the plain value goes on
        const end = plainEnd(line, indent);
        const part = line.slice(indent, end).trimEnd();
        plain.parts.push(part);
        countQuotes(part, i, indent);
        return;
      }
      finish();
    }
    // (most lines are a key and a value in double quotes, or a list of them; a line that is
    // only mustaches, {{#each}}, is taken out by Handlebars)
    if (/^\u0001+$/.test(bare)) return;
    if (WHOLLY_QUOTED.test(line)) {
      holder = undefined;
      return;
    }
    let lead = LEAD.exec(line)![0];
    const key = KEY.exec(lead);
    // the column its value's next lines must go past: its key's, or its dash's
    let column = key ? key[1]!.length : /-\s*$/.test(lead) ? lead.trimEnd().length - 1 : undefined;
    if (line[lead.length] === '"' || line[lead.length] === "'") {
      // a key in quotes ("coalition.members": …), or a value in quotes
      const close = closingQuote(line, lead.length + 1, line[lead.length]!);
      const colon = close === -1 ? null : /^[ \t]*:(?:[ \t]+|$)/.exec(line.slice(close + 1));
      if (colon) {
        column = lead.length;
        lead = line.slice(0, close + 1 + colon[0].length);
      }
    }
    const rest = line.slice(lead.length);
    if (rest.startsWith('#')) return;
    if (rest === '') {
      // `key:` or `-` alone: a value on the lines below goes on past this column
      holder = column;
      return;
    }
    const above = holder;
    holder = undefined;
    // (YAML's explicit key or value, `? ` and `: `, which authors do not write)
    if (/^[?:](?:[ \t]|$)/.test(rest)) return;
    const first = rest[0]!;
    if (first === '"' || first === "'") {
      if (closingQuote(line, lead.length + 1, first) === -1) {
        open = first;
        openColumn = column ?? indent;
      }
      return;
    }
    if (first === '[' || first === '{') {
      // a flow list or mapping: each plain item of it, on this line (one that goes on to the next
      // lines is read as far as this one goes)
      for (const item of flowItems(line, lead.length)) {
        const quotes = item.text.split('"').length - 1;
        if (!endsStray(item.text, quotes)) continue;
        const start = { line: i + 1, column: item.start + item.text.length };
        const shown = original[i]!.slice(item.start, item.start + item.text.length);
        const fixedLine = `${original[i]!.slice(0, item.start)}"${escapeOutsideMustaches(shown.slice(0, -1), item.text)}"${original[i]!.slice(item.start + item.text.length)}`;
        found.push({ start, from: { line: i + 1, column: item.start + 1 }, text: shown, fixed: fixedLine.replace(/^\s+/, '').replace(/[ \t]+#.*$/, '') });
      }
      return;
    }
    if (first === '|' || first === '>') {
      // The block's lines go past the column of the key that holds it (`- text: >` in a list: the
      // column of text, not of the dash), or of the dash of a list item that is the block itself.
      block = column ?? indent;
      return;
    }
    const end = plainEnd(line, lead.length);
    const part = line.slice(lead.length, end).trimEnd();
    // (a value on a line of its own goes on past the key above it)
    plain = { line: i + 1, column: lead.length + 1, lead: original[i]!.slice(0, lead.length), indent: column ?? above ?? indent - 1, parts: [part], quotes: 0 };
    countQuotes(part, i, lead.length);
  });
  finish();
  return found;

  function countQuotes(part: string, i: number, from: number) {
    for (let c = 0; c < part.length; c++) {
      if (part[c] !== '"') continue;
      plain!.quotes++;
      plain!.last = { line: i + 1, column: from + c + 1 };
    }
  }
}

/**
 * Whether plain text holding `quotes` double quotes ends with one that closes nothing: they are
 * odd in number, and the last is not a measure's (5", 12'30": after a digit, in text without
 * Arabic letters).
 */
function endsStray(text: string, quotes: number): boolean {
  return text.endsWith('"') && quotes % 2 === 1 && !(/[0-9]"$/.test(text) && !ARABIC.test(text));
}

/**
 * The plain items of the flow list or mapping that opens at `from` ([a, "b", c] or {k: v}), as
 * far as the line goes: where each begins, and its text. Keys are no slide text, and are left out.
 */
function flowItems(line: string, from: number): { start: number; text: string }[] {
  const items: { start: number; text: string }[] = [];
  let c = from + 1;
  while (c < line.length) {
    while (line[c] === ' ' || line[c] === '\t') c++;
    const ch = line[c];
    if (ch === undefined || (ch === '#' && /[ \t]/.test(line[c - 1] ?? ''))) break; // the line's end, or a comment
    if (ch === ',' || ch === '[' || ch === '{' || ch === ']' || ch === '}') {
      c++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const close = closingQuote(line, c + 1, ch);
      if (close === -1) break; // (a quoted item that goes on to the next line)
      c = close + 1;
      continue;
    }
    // a plain item: up to a flow indicator, a key's `: `, or a comment
    const start = c;
    while (c < line.length && !/[,[\]{}]/.test(line[c]!) && !(line[c] === ':' && /[ \t,[\]{}]/.test(line[c + 1] ?? ' ')) && !(line[c] === '#' && /[ \t]/.test(line[c - 1]!))) c++;
    const text = line.slice(start, c).replace(/[ \t]+$/, '');
    if (line[c] !== ':' && text !== '') items.push({ start, text });
    if (line[c] === ':') c++;
  }
  return items;
}

/** A line's key and list dashes, before its value: `  - text: `, `- - `, `title: `. */
const LEAD = /^[ \t]*(?:-[ \t]+)*(?:[^\s#'"[{\-?:][^#]*?:(?:[ \t]+|$)(?:-[ \t]+)*)?/;
/** The part of a lead before its key (its indentation and dashes), for the key's column. */
const KEY = /^([ \t]*(?:-[ \t]+)*)[^\s#'"[{\-?:][^#]*?:/;
/** A line that is an entry of its own (a key, or a list item): no continuation of a plain value. */
const ENTRY = /^[ \t]*(?:[-?:](?:[ \t]|$)|[^\s#'"[{\-?:][^#]*?:(?:[ \t]|$))/;

/** Where the plain value from `start` ends: at a comment (` #`), or at the line's end. */
function plainEnd(line: string, start: number): number {
  for (let c = start; c < line.length; c++) if (line[c] === '#' && c > start && (line[c - 1] === ' ' || line[c - 1] === '\t')) return c;
  return line.length;
}

/** The column of the quote that closes a value quoted with `quote`, looked for from `from`; -1 when it goes on to the next line. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let c = from; c < line.length; c++) {
    const ch = line[c];
    if (quote === '"' && ch === '\\') c++;
    else if (ch === quote && quote === "'" && line[c + 1] === "'") c++; // '' inside single quotes
    else if (ch === quote) return c;
  }
  return -1;
}

/** The text, its backslashes and double quotes escaped for double quotes, but inside mustaches (`masked` marks them). */
function escapeOutsideMustaches(text: string, masked: string): string {
  let out = '';
  for (let c = 0; c < text.length; c++) {
    const ch = text[c]!;
    out += masked[c] !== '\u0001' && (ch === '"' || ch === '\\') ? `\\${ch}` : ch;
  }
  return out;
}

/**
 * What YAML silently does to an unquoted text that a slide shows: cuts it at a ' #' (MJZ168,
 * comment-cut.ts) or keeps a closing quote never opened (MJZ173). The content files and the
 * themes are checked for both (templates, in lint.ts, apart).
 */
export function unquotedTextSlips(file: { path: string; text: string }): Diagnostic[] {
  return [...commentCuts(file), ...strayQuotes(file)];
}
