import { FACT_REF } from '../content/files.js';
import { commentCuts, OPENS_VALUE } from '../diagnostics/comment-cut.js';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import { strayQuotes } from '../diagnostics/stray-quote.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { latinDigits, westernFigures } from '../format/arabic.js';
import { BUILTIN_HELPERS, HELPER_NAMES, RAW_HELPERS } from './helpers.js';
import { LEXER_STATE, parseTemplate, partialName, type LexerState } from './tree.js';

type Node = hbs.AST.Node;
type Mustache = hbs.AST.MustacheStatement;

const KNOWN_HELPERS = new Set<string>([...HELPER_NAMES, ...BUILTIN_HELPERS]);

/**
 * Checks a template before it renders: Handlebars syntax, interpolations that are not inside
 * YAML double quotes (they could break the spec), unknown helpers and partials. Every problem
 * gets the template's file, line and column.
 */
export function lintTemplate(file: SourceFile, partials: ReadonlySet<string>, audience: string): { ast?: hbs.AST.Program; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const { ast, error } = parseTemplate(file.text);
  if (!ast) {
    const problem = syntaxProblem(file.text, error);
    diagnostics.push({ code: 'MJZ160', severity: 'error', message: problem.message, hint: problem.hint, location: { file: file.path, start: problem.start }, source: file.text, audience });
    return { diagnostics };
  }
  const lines = file.text.split(/\r\n|\r|\n/);
  const at = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  const report = (code: string, node: Node, message: string, hint?: string) =>
    diagnostics.push({ code, severity: 'error', message, hint, location: { file: file.path, start: at(node) }, source: file.text, audience });

  const helperName = (node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: unknown[]; hash?: unknown }) =>
    node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;

  // Names that lead to prototypes: Handlebars refuses them at run time and prints nothing,
  // which would hide the mistake; they are rejected here, where the template says them.
  const checkPath = (node: Node | undefined | null) => {
    if (node?.type !== 'PathExpression') return;
    const p = node as hbs.AST.PathExpression;
    const bad = p.parts.find((part) => PROTOTYPE_NAMES.has(String(part)));
    if (bad !== undefined) report('MJZ166', p, `{{${p.original}}} reaches for "${bad}", which templates may not read`);
  };
  const checkArguments = (node: Mustache | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    const name = helperName(node);
    const wanted = name === undefined ? undefined : BUILTIN_ARITY.get(name);
    if (wanted !== undefined && node.params.length !== wanted) {
      const example = name === 'lookup' ? '(lookup list 1) or (lookup part "short")' : `{{#${name} value}}…{{/${name}}}`;
      report('MJZ167', node, `${name} takes ${wanted === 1 ? 'one argument' : `${wanted} arguments`}, not ${node.params.length}`, `Write it as ${example}.`);
    }
    // mujaz's helpers: more arguments than one takes (an option written without its value,
    // {{fact "k" unit}}, reached the helper as an argument and broke it with no place)
    const most = name === undefined ? undefined : HELPER_ARITY.get(name);
    if (most !== undefined && node.params.length > most) {
      const options = HELPER_OPTIONS.get(name!);
      report(
        'MJZ167',
        node,
        `${name} takes ${most === 1 ? 'one argument' : `${most} arguments`}, not ${node.params.length}`,
        options ? `Options are written name=value: ${options}.` : `Give it ${most === 1 ? 'one argument' : `${most} arguments`}.`,
      );
    }
    // a name=value a helper does not read ({{num 2254 groupng=false}}): it would be lost unseen
    const takes = name === undefined ? undefined : HELPER_OPTION_NAMES.get(name) ?? (HELPER_ARITY.has(name) ? [] : undefined);
    for (const pair of takes ? (node.hash?.pairs ?? []) : []) {
      if (takes!.includes(pair.key)) continue;
      const near = didYouMean(pair.key, takes!);
      report(
        'MJZ167',
        pair,
        `${name} does not take ${pair.key}=: the value would be lost`,
        near ? `Did you mean ${near}=? As in ${HELPER_OPTIONS.get(name!)}.` : takes!.length ? `It takes ${takes!.map((k) => `${k}=`).join(', ')}, as in ${HELPER_OPTIONS.get(name!)}.` : `${name} takes no name=value.`,
      );
    }
    if (name === 'lookup') {
      const field = node.params[1];
      if (field?.type === 'StringLiteral' && PROTOTYPE_NAMES.has((field as hbs.AST.StringLiteral).value)) {
        report('MJZ166', node, `lookup reaches for "${(field as hbs.AST.StringLiteral).value}", which templates may not read`);
      }
    }
    checkPath(node.path);
  };

  // title=العراق, first=٣, (part الشمال): an unquoted text is read as a field of the context,
  // which has none by such a name (the context's names are Latin): it comes to nothing, in silence
  /** The names the blocks around the node being checked give ({{#each parts as |جزء|}}). */
  const blockParams: string[][] = [];
  const unquotedText = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const args: [string | undefined, hbs.AST.Expression][] = [...node.params.map((p) => [undefined, p] as [undefined, hbs.AST.Expression]), ...(node.hash?.pairs ?? []).map((p) => [p.key, p.value] as [string, hbs.AST.Expression])];
    for (const [key, value] of args) {
      if (value.type !== 'PathExpression') continue;
      const p = value as hbs.AST.PathExpression;
      if (p.data || !/[^\x00-\x7f]/.test(p.original) || blockParams.some((names) => names.includes(p.parts[0]!))) continue; // (a name the block gives, as |جزء|, is read as it is)
      const number = /^[\d٠-٩۰-۹]+$/.test(p.original) ? westernFigures(p.original) : undefined;
      // (a partial may read a name=value its include gives it under an Arabic name, {{> x قائمة="watch"}}: a word there may be one; a number is none)
      if (number === undefined && /(?:^|\/)partials\//.test(file.path)) continue;
      const written = number ?? `"${p.original}"`;
      report('MJZ167', p, `${key === undefined ? '' : `${key}=`}${p.original} is read as a field of the context named «${p.original}», which there is not: it would come to nothing`, `${number ? 'Write the number in Western digits' : 'Put the text in double quotes'}: ${key === undefined ? written : `${key}=${written}`}.`);
    }
  };

  const checkHelper = (node: Mustache | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    checkArguments(node);
    unquotedText(node);
    const name = helperName(node);
    // {{fact coalition.members}}: the key read as a path of the context, which has no such field
    const key = node.params[0];
    if (name && KEY_HELPERS.has(name) && key?.type === 'PathExpression') {
      const p = key as hbs.AST.PathExpression;
      if (!p.data && p.depth === 0 && p.parts.length > 1 && !p.original.startsWith('this')) {
        report('MJZ167', p, `${name} takes a fact's key in quotes: ${p.original} is read as a field of the context`, `Write {{${name} "${p.original}"}}.`);
      }
    }
    const called = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
    if (!called || name === undefined || KNOWN_HELPERS.has(name)) return;
    const suggestion = didYouMean(name, [...KNOWN_HELPERS]);
    report('MJZ163', node, `Unknown helper "${name}"`, suggestion ? `Did you mean "${suggestion}"?` : `Helpers: ${[...KNOWN_HELPERS].join(', ')}.`);
  };

  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        return;
      case 'PathExpression':
        checkPath(node);
        return;
      case 'MustacheStatement': {
        const m = node as Mustache;
        checkHelper(m);
        m.params.forEach(visit);
        m.hash?.pairs.forEach((p) => visit(p.value));
        const name = helperName(m);
        if (!m.escaped) {
          report('MJZ162', m, 'Triple-stash {{{ }}} prints a value without escaping it for YAML', 'Use {{value}} inside double quotes, or {{json value}} for lists and numbers.');
        } else if (!(name && RAW_HELPERS.has(name)) && !insideDoubleQuotes(lines[m.loc.start.line - 1] ?? '', m.loc.start.column) && !beforeStrayQuote(m)) {
          report('MJZ162', m, `{{${name ?? '…'}}} is not inside double quotes`, `Write it inside double quotes, ${quotedLine(lines[m.loc.start.line - 1] ?? '') ?? 'e.g. title: "{{heading}}"'}; use {{json value}} for lists and numbers.`);
        }
        return;
      }
      case 'SubExpression': {
        const s = node as hbs.AST.SubExpression;
        checkHelper(s);
        s.params.forEach(visit);
        s.hash?.pairs.forEach((p) => visit(p.value));
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        checkHelper(b);
        b.params.forEach(visit);
        b.hash?.pairs.forEach((p) => visit(p.value));
        blockParams.push(b.program?.blockParams ?? []);
        visit(b.program);
        blockParams.pop();
        visit(b.inverse);
        return;
      }
      case 'DecoratorBlock':
      case 'Decorator': {
        // {{#*inline "name"}} defines a partial for this file; no other decorator exists here.
        const d = node as unknown as { path: hbs.AST.PathExpression; program?: hbs.AST.Program };
        if (d.path.original !== 'inline') {
          report('MJZ163', node, `Unknown decorator "${d.path.original}"`, 'The only decorator is {{#*inline "name"}}…{{/inline}}; use a partial under partials/ instead.');
        }
        visit(d.program);
        return;
      }
      case 'StringLiteral': {
        // title="{{article.title}}": a quoted argument is text, printed with its braces
        const s = node as hbs.AST.StringLiteral;
        const inner = /\{\{\s*([^}]*?)\s*\}\}/.exec(s.value);
        if (inner) {
          report('MJZ167', s, `"${s.value.length > 40 ? `${s.value.slice(0, 40)}…` : s.value}" is printed as written: a mustache inside a quoted argument is not expanded`, `Pass the value itself, without quotes or braces${inner[1] ? ` (${inner[1]})` : ''}, e.g. title=article.title.`);
        }
        return;
      }
      case 'ContentStatement': {
        const c = node as hbs.AST.ContentStatement;
        const original = (c as { original?: unknown }).original;
        const text = typeof original === 'string' ? original : c.value;
        /** The template's line (1-based) and column (0-based) of `index` in this text. */
        const placeOf = (index: number) => {
          const before = text.slice(0, index);
          const newlines = before.split('\n').length - 1;
          const column = newlines ? before.length - before.lastIndexOf('\n') - 1 : c.loc.start.column + before.length;
          return { before, line: c.loc.start.line + newlines, column };
        };
        /** Slide text in the template (inside double quotes): each match of `pattern`, at its line and column. */
        const inQuotes = function* (pattern: RegExp) {
          for (const m of text.matchAll(pattern)) {
            const { before, line, column } = placeOf(m.index);
            if (insideDoubleQuotes(lines[line - 1] ?? '', column)) yield { m, before, line, column, start: { line, column: column + 1 } };
          }
        };
        // {lead}}: a mustache that lost its first brace prints as text on the slide (an escaped
        // mustache, \{{name}}, is text with both braces)
        for (const { before, start } of inQuotes(/\}\}/g)) {
          if (before.lastIndexOf('{{') > before.lastIndexOf('}}')) continue; // closes an escaped \{{
          diagnostics.push({ code: 'MJZ160', severity: 'error', message: '"}}" without its "{{": the slide would show it', hint: 'A mustache opens with two braces: {{lead}}.', location: { file: file.path, start }, source: file.text, audience });
        }
        // [[key]], the outline's way to print a fact: in a template it is text, and the slide would show it as written
        for (const { m, start } of inQuotes(FACT_REF)) {
          diagnostics.push({
            code: 'MJZ161',
            severity: 'error',
            message: `${m[0]} prints a fact in the outline's texts only: in a template the slide would show it as written`,
            hint: `Print the fact with its helper: {{fact "${m[1]}"}} (its label: {{factLabel "${m[1]}"}}).`,
            location: { file: file.path, start },
            source: file.text,
            audience,
          });
        }
        // A figure typed into slide text: it would not follow when the facts change. Digits that
        // belong to Latin text (G20, F-16, UNSCR 2254, the year of an English title) are a name's,
        // not a figure: the same digits an Arabic-Indic audience keeps as typed (latinDigits).
        // A date written as the spec writes dates (date: "2025-11-03", the deck's own) is no figure.
        const dates = [...text.matchAll(/(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])/g)].map((d) => [d.index, d.index + d[0].length] as const);
        for (const { m, line, column, start } of inQuotes(/(?<![A-Za-z0-9])[0-9٠-٩]+(?:[.,٬٫][0-9٠-٩]+)*(?![A-Za-z0-9])/g)) {
          if (dates.some(([from, to]) => from <= m.index && m.index < to)) continue;
          const scalar = quotedScalar(lines[line - 1] ?? '', column);
          if (scalar && latinDigits(scalar.text).some((s) => s.start <= column - scalar.start && column - scalar.start < s.end)) continue;
          diagnostics.push({
            code: 'MJZ165',
            severity: 'warning',
            message: `The figure ${m[0]} is typed into the template`,
            hint: typedFigureHint(m[0]),
            location: { file: file.path, start },
            source: file.text,
            audience,
          });
        }
        // A chart's values typed in (values: [30, 10], or - 30 under values:): bars no fact or
        // data figure stands behind, beside a note that names the data as their source.
        for (const { figure, index } of typedChartValues(text)) {
          const { line, column } = placeOf(index);
          diagnostics.push({
            code: 'MJZ165',
            severity: 'warning',
            message: `The figure ${figure} is typed into a chart's values`,
            hint: "Take a chart's values from the data or the facts ({{json @root.data.composition.values}}, {{json (factValue \"key\")}}), so that its bars follow when they change and rest on their sources.",
            location: { file: file.path, start: { line, column: column + 1 } },
            source: file.text,
            audience,
          });
        }
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = node as hbs.AST.PartialStatement;
        const name = partialName(p);
        unquotedText(p);
        p.params.forEach(visit);
        p.hash?.pairs.forEach((pair) => visit(pair.value));
        if (p.params.length > 1) {
          report('MJZ167', p, `The partial "${name ?? '…'}" is given ${p.params.length} arguments; a partial takes at most one`, 'Pass one context, e.g. {{> part-slide (part "northeast")}}, and further values as name=value pairs.');
        }
        if (name === undefined) {
          report('MJZ164', p, 'A partial named by an expression cannot be checked', 'Write the partial’s name out, e.g. {{> part-slide}}.');
        } else if (!partials.has(name) && !inline.has(name)) {
          const suggestion = didYouMean(name, [...partials]);
          report('MJZ164', p, `Unknown partial "${name}"`, `${suggestion ? `Did you mean "${suggestion}"?` : `Partials: ${[...partials].join(', ') || 'none'}.`} A new one is a file ${name}.hbs in the audience's partials/ folder (or in templates/_shared/partials/, for every audience).`);
        }
        return;
      }
      default:
        return;
    }
  };
  // (a mustache in text that ends with a quote never opened, title: {{heading}}", is that one
  // mistake, MJZ173, not also one of a mustache outside quotes)
  const strays = strayQuotes(file, audience);
  const beforeStrayQuote = (m: Mustache) => strays.some((d) => d.location?.start?.line === m.loc.start.line && m.loc.start.column < d.location.start.column);
  const inline = inlinePartials(ast);
  visit(ast);
  diagnostics.push(...commentCuts(file, audience), ...strays);
  return { ast, diagnostics };
}

/** Names that reach Object.prototype or functions' prototypes. */
const PROTOTYPE_NAMES = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);


/** Helpers whose first argument is a fact's key, written in quotes. */
const KEY_HELPERS = new Set(['fact', 'factLabel', 'factValue', 'factSources', 'count', 'hasFact', 'asInArticle']);

/** The most arguments each of mujaz's helpers takes (factSources and asInArticle take any number). */
export const HELPER_ARITY = new Map([
  ...['fact', 'factLabel', 'factValue', 'hasFact', 'count', 'num', 'year', 'date', 'json', 'source', 'part', 'table', 'highlight', 'isMember'].map((n) => [n, 1] as const),
  ...['percent', 'chunk', 'take', 'eq', 'add'].map((n) => [n, 2] as const),
  ['where', 3] as const,
]);
/** The names of those options. */
const HELPER_OPTION_NAMES = new Map([
  ['fact', ['qualifier', 'unit']],
  ['count', ['one', 'two', 'few', 'many', 'other']],
  ['num', ['grouping']],
]);
/** The options (name=value) of the helpers that take some. */
const HELPER_OPTIONS = new Map([
  ['fact', '{{fact "key" qualifier=true unit=true}}'],
  ['count', '{{count "key" one="…" two="…" few="…" many="…" other="…"}}'],
  ['num', '{{num 2254 grouping=false}}'],
]);

/** The number of arguments each built-in helper takes. */
const BUILTIN_ARITY = new Map([['if', 1], ['unless', 1], ['with', 1], ['each', 1], ['lookup', 2]]);

/** The partials a file defines for itself with {{#*inline "name"}}. */
function inlinePartials(ast: hbs.AST.Program): Set<string> {
  const names = new Set<string>();
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as { type?: string; body?: unknown[]; program?: unknown; inverse?: unknown; path?: { original?: string }; params?: { type: string; value?: unknown }[] } | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'DecoratorBlock' && node.path?.original === 'inline' && node.params?.[0]?.type === 'StringLiteral') names.add(String(node.params[0].value));
    if (node.body) stack.push(...node.body);
    stack.push(node.program, node.inverse);
  }
  return names;
}

/**
 * A Handlebars syntax error in words, at its place. Handlebars' own message shows a 20-character
 * excerpt with a caret, which does not give the column; the lexer's state does. A block left open
 * is found by matching the {{#block}} and {{/block}} tags.
 */
function syntaxProblem(text: string, error: unknown): { message: string; hint?: string; start: { line: number; column: number } } {
  const raw = (error as Error).message ?? String(error);
  const blocks = scanBlocks(text);
  if (blocks.mismatch) {
    const { open, close } = blocks.mismatch;
    return {
      message: `{{/${close.name}}} closes {{#${open.name}}}, opened at line ${open.line}, column ${open.column}`,
      hint: `Close the blocks in the reverse order of opening: {{/${open.name}}} first.`,
      start: { line: close.line, column: close.column },
    };
  }
  if (/got 'EOF'/.test(raw) && blocks.open.length) {
    const open = blocks.open[blocks.open.length - 1]!;
    const lines = text.split(/\r\n|\r|\n/);
    let last = lines.length;
    while (last > 1 && lines[last - 1]!.trim() === '') last--;
    return {
      message: `The template ends inside {{#${open.name}}}, opened at line ${open.line}, column ${open.column}: it is never closed`,
      hint: `Add {{/${open.name}}} where the block ends.`,
      start: { line: last, column: (lines[last - 1]?.length ?? 0) + 1 },
    };
  }
  const unclosed = unclosedMustache(text);
  const reported = handlebarsPlace(text, raw, error);
  if (unclosed && (unclosed.open.line < reported.line || (unclosed.open.line === reported.line && unclosed.open.column < reported.column))) {
    // Handlebars reads on past a mustache left open and stops at the next one, a line or more later.
    const { open, next, triple } = unclosed;
    const braces = triple ? '}}}' : '}}';
    return {
      message: `This {{${triple ? '{' : ''} is never closed: ${next ? `there is no ${braces} before the next {{ (line ${next.line}, column ${next.column})` : `the template ends before its ${braces}`}`,
      hint: triple ? 'Close it with }}} where the name ends: {{{name}}}.' : 'Close it with }} where the name or helper call ends: {{name}}, {{helper "text" value}}, {{#each list}}.',
      start: open,
    };
  }
  return genericProblem(text, raw, reported);
}

/** Where Handlebars stopped: the lexer's state gives the column its message leaves out. */
function handlebarsPlace(text: string, raw: string, error: unknown): { line: number; column: number } {
  const lexer = (error as { [LEXER_STATE]?: LexerState } | undefined)?.[LEXER_STATE];
  let start = { line: Number(/on line (\d+)/.exec(raw)?.[1] ?? (error as { lineNumber?: number }).lineNumber ?? 1), column: 1 };
  if (/^Lexical error/.test(raw) && typeof lexer?.rest === 'number') {
    const before = text.slice(0, text.length - lexer.rest);
    start = { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
  } else if (/^Parse error/.test(raw) && lexer?.yylloc) {
    start = { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 };
  }
  return start;
}

function genericProblem(text: string, raw: string, start: { line: number; column: number }): { message: string; hint?: string; start: { line: number; column: number } } {
  const lineText = text.split(/\r\n|\r|\n/)[start.line - 1] ?? '';
  const found = lineText.slice(start.column - 1, start.column + 9);
  const got = /got '([^']+)'/.exec(raw)?.[1];
  const what = got === 'EOF' ? 'the end of the template' : found ? `"${found.trimEnd()}"` : 'this';
  return {
    message: `Template syntax error: Handlebars cannot read ${what} here${/^Lexical error/.test(raw) ? ' (an unclosed {{!-- comment --}} or a stray brace?)' : ''}`,
    hint: 'Check the braces and quotes around the marked place: {{name}}, {{helper "text" value}}, {{#each list}}…{{/each}}.',
    start,
  };
}

type Place = { line: number; column: number };

/**
 * The first mustache left open: a {{ with no }} before the next {{ or the end of the template.
 * Comments ({{! }}, {{!-- --}}, with or without ~) are skipped whole, an escaped \\{{ is text,
 * and braces inside a quoted argument on the mustache's line do not count.
 */
function unclosedMustache(text: string): { open: Place; next?: Place; triple: boolean } | undefined {
  const place = (i: number): Place => {
    const before = text.slice(0, i);
    return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
  };
  let i = text.indexOf('{{');
  while (i !== -1) {
    const comment = /^\{\{~?!(--)?/.exec(text.slice(i, i + 6));
    if (comment) {
      const close = comment[1] ? /--~?\}\}/g : /\}\}/g;
      close.lastIndex = i + comment[0].length;
      const end = close.exec(text);
      if (!end) return undefined; // an unclosed comment: Handlebars' lexical error says so
      i = text.indexOf('{{', end.index + end[0].length);
      continue;
    }
    if (text[i - 1] === '\\') {
      i = text.indexOf('{{', i + 2);
      continue;
    }
    let quote: string | undefined;
    const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    let j = i + 2;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote || c === '\n') quote = undefined; // (a quote left open ends with its line)
        continue;
      }
      if ((c === '"' || c === "'") && j < lineEnd) quote = c; // an argument, on the mustache's own line
      else if (c === '}' && text[j + 1] === '}') break;
      else if (c === '{' && text[j + 1] === '{') return { open: place(i), next: place(j), triple: text[i + 2] === '{' };
    }
    if (j >= text.length) return { open: place(i), triple: text[i + 2] === '{' };
    i = text.indexOf('{{', j + 2);
  }
  return undefined;
}

interface BlockTag {
  name: string;
  line: number;
  column: number;
}

/** Opens and closes of {{#block}}…{{/block}}, outside comments: what stays open, the first mismatch. */
function scanBlocks(text: string): { open: BlockTag[]; mismatch?: { open: BlockTag; close: BlockTag } } {
  const open: BlockTag[] = [];
  const tag = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#^/])\s*[*>]?\s*([^\s}~()]+)/g;
  for (const m of text.matchAll(tag)) {
    if (!m[1]) continue; // a comment
    const before = text.slice(0, m.index);
    const t: BlockTag = { name: m[2]!, line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
    if (m[1] !== '/') open.push(t);
    else if (open.length && open[open.length - 1]!.name === t.name) open.pop();
    else if (open.length) return { open, mismatch: { open: open[open.length - 1]!, close: t } };
  }
  return { open };
}

/**
 * The numbers a template's text types into a chart's `values:` (outside quotes and comments):
 * in a flow sequence on the key's line, or as the items of a block sequence under it. What a
 * mustache prints is not in `text` (a content statement), so values taken from the data are not.
 */
function* typedChartValues(text: string): Generator<{ figure: string; index: number }> {
  const FIGURE = '[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?';
  const NUMBER = new RegExp(`(?<![\\w.])${FIGURE}(?![\\w.])`, 'g');
  const ITEM = new RegExp(`^([ \\t]*)-[ \\t]+(${FIGURE})[ \\t]*(?:#.*)?\\r?$`);
  // (a line's end may be \r\n: a template saved on Windows)
  for (const m of text.matchAll(/^([ \t]*(?:-[ \t]+)?)values:[ \t]*(\[[^\]\n#]*\])?[ \t]*(?:#[^\n]*)?(?=\r?$)/gm)) {
    if (inBlockScalar(text, m.index, m[1]!.length - m[1]!.trimStart().length)) continue; // (words of a notes: |, not a chart)
    if (m[2]) {
      for (const n of m[2].matchAll(NUMBER)) yield { figure: n[0], index: m.index + m[0].indexOf(m[2]) + n.index };
      continue;
    }
    // (a block sequence: the lines after, while they are items of it)
    let at = text.indexOf('\n', m.index) + 1;
    if (at === 0) continue;
    for (const item of text.slice(at).split('\n')) {
      const number = ITEM.exec(item);
      if (!number || number[1]!.length < m[1]!.length) break;
      yield { figure: number[2]!, index: at + item.indexOf(number[2]!, number[1]!.length + 1) };
      at += item.length + 1;
    }
  }
}

/**
 * Whether the line at `index`, indented by `indent`, is text of a block scalar (`notes: |`): the
 * nearest line above it that is less indented ends with a block scalar's header.
 */
function inBlockScalar(text: string, index: number, indent: number): boolean {
  const above = text.slice(0, index).split('\n');
  above.pop(); // (the line's own beginning)
  for (let k = above.length - 1; k >= 0; k--) {
    const line = above[k]!.replace(/\r$/, '');
    if (!line.trim()) continue;
    if (line.length - line.trimStart().length < indent) return /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(line);
  }
  return false;
}

/**
 * MJZ165's hint for a typed figure. A whole number of four digits or more is a year or a number
 * that names something (a resolution) as often as a figure: {{num}} would group it (2,254).
 */
function typedFigureHint(figure: string): string {
  const facts = 'Print figures from the facts ({{fact "key"}}, {{count "key" ...}}) so that they follow when the facts change.';
  const latin = 'Digits of a Latin name or reference (UNSCR 2254, S/RES/2254, F-16) stay as typed and are not reported.';
  if (/^[0-9٠-٩]{4,}$/.test(figure)) {
    const n = westernFigures(figure);
    return `${facts} A year that is no figure of the analysis goes through {{year ${n}}}, a number that names something («القرار ${n}») through {{num ${n} grouping=false}}: written in the audience’s digits, not grouped, and not reported. ${latin}`;
  }
  return `${facts} A number that is no figure of the analysis (an article of a treaty, "within 90 days") goes through {{num 90}}: it is then written in the audience’s digits, and not reported. ${latin}`;
}

/**
 * The double-quoted scalar of a YAML line that column `column` (0-based) is inside: its text
 * between the quotes (to the line's end when it goes on to the next), and the column its text
 * starts at. What a mustache in it prints is not known here: it stands as Arabic letters, which
 * keep no digits beside them Western («UNSCR {{x}} 2254» is reported: x may print Arabic).
 */
function quotedScalar(line: string, column: number): { text: string; start: number } | undefined {
  const open = openingQuote(line, column);
  if (open === undefined) return undefined;
  let end = column;
  for (; end < line.length; end++) {
    if (line[end] === '{' && line[end + 1] === '{') {
      const close = line.indexOf('}}', end + 2);
      if (close === -1) return { text: maskMustaches(line.slice(open + 1)), start: open + 1 };
      end = close + 1; // a mustache's own quotes (helper arguments) do not count
    } else if (line[end] === '\\') end++;
    else if (line[end] === '"') break;
  }
  return { text: maskMustaches(line.slice(open + 1, end)), start: open + 1 };
}

const maskMustaches = (text: string) => text.replace(/\{\{[\s\S]*?\}\}/g, (m) => 'ع'.repeat(m.length));

/** Whether column `column` (0-based) of a YAML line is inside a double-quoted scalar. */
export function insideDoubleQuotes(line: string, column: number): boolean {
  return openingQuote(line, column) !== undefined;
}

/** The column of the quote that opens the double-quoted scalar column `column` (0-based) of a YAML line is inside, if it is inside one. */
function openingQuote(line: string, column: number): number | undefined {
  let open: number | undefined;
  let single = false; // inside a single-quoted value, where " is a character like any other
  for (let i = 0; i < column && i < line.length; i++) {
    const ch = line[i];
    if (ch === '{' && line[i + 1] === '{') {
      const end = line.indexOf('}}', i + 2);
      if (end === -1 || end >= column) return open;
      i = end + 1; // a mustache's own quotes (helper arguments) do not count
      continue;
    }
    if (single) {
      if (ch === "'" && line[i + 1] === "'") i++; // '' is a quote inside single quotes
      else if (ch === "'") single = false;
      continue;
    }
    if (ch === '\\' && open !== undefined) {
      i++;
      continue;
    }
    if (ch === '"') open = open === undefined ? i : undefined;
    else if (ch === "'" && open === undefined && OPENS_VALUE.test(line.slice(0, i).trimEnd())) single = true; // a quote that opens a value
    if (ch === '#' && open === undefined && (i === 0 || /\s/.test(line[i - 1]!))) return undefined; // a YAML comment
  }
  return open;
}

/**
 * The template line with its value put in double quotes, as MJZ162's hint shows it
 * (`label: "{{factLabel "syria.member_number"}}"`, `- "{{this}}"`); undefined where the value
 * holds a double quote of its own (it would need escapes, which the general example shows).
 */
function quotedLine(line: string): string | undefined {
  // (without a comment after the value: ` # …` outside a mustache)
  const code = line.replace(/\s+#(?![^{]*\}\}).*$/, '');
  const m = /^\s*((?:- )?(?:[\w-]+:[ \t]+)?|- )(.+?)\s*$/.exec(code);
  // (a list or a mapping written on the line, [a, b] or { a: b }, is no text to put in quotes)
  if (!m || !m[1] || /^(?:["[]|\{(?!\{))|"$/.test(m[2]!) || /"(?![^{]*\}\})/.test(m[2]!)) return undefined;
  return `as in ${m[1]}"${m[2]}"`;
}
