import Handlebars from 'handlebars';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { BUILTIN_HELPERS, HELPER_NAMES, RAW_HELPERS } from './helpers.js';

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
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(file.text);
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(/on line (\d+)/.exec(message)?.[1] ?? (error as { lineNumber?: number }).lineNumber ?? 1);
    const caret = /\n(-*)\^/.exec(message);
    diagnostics.push({
      code: 'MJZ160',
      severity: 'error',
      message: `Template syntax error: ${message.split('\n').pop()}`,
      location: { file: file.path, start: { line, column: caret ? caret[1]!.length + 1 : 1 } },
      source: file.text,
      audience,
    });
    return { diagnostics };
  }
  const lines = file.text.split(/\r\n|\r|\n/);
  const at = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  const report = (code: string, node: Node, message: string, hint?: string) =>
    diagnostics.push({ code, severity: 'error', message, hint, location: { file: file.path, start: at(node) }, source: file.text, audience });

  const helperName = (node: { path: hbs.AST.PathExpression | hbs.AST.Literal; params: unknown[]; hash?: unknown }) =>
    node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).original : undefined;

  const checkHelper = (node: Mustache | hbs.AST.SubExpression | hbs.AST.BlockStatement) => {
    const name = helperName(node);
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
      case 'MustacheStatement': {
        const m = node as Mustache;
        checkHelper(m);
        m.params.forEach(visit);
        m.hash?.pairs.forEach((p) => visit(p.value));
        const name = helperName(m);
        if (!m.escaped) {
          report('MJZ162', m, 'Triple-stash {{{ }}} prints a value without escaping it for YAML', 'Use {{value}} inside double quotes, or {{json value}} for lists and numbers.');
        } else if (!(name && RAW_HELPERS.has(name)) && !insideDoubleQuotes(lines[m.loc.start.line - 1] ?? '', m.loc.start.column)) {
          report('MJZ162', m, `{{${name ?? '…'}}} is not inside double quotes`, 'Write it inside double quotes, e.g. title: "{{heading}}"; use {{json value}} for lists and numbers.');
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
        visit(b.program);
        visit(b.inverse);
        return;
      }
      case 'ContentStatement': {
        // A figure typed into slide text: it would not follow when the facts change.
        const c = node as hbs.AST.ContentStatement;
        const original = (c as { original?: unknown }).original;
        const text = typeof original === 'string' ? original : c.value;
        for (const m of text.matchAll(/(?<![A-Za-z0-9])[0-9٠-٩][0-9٠-٩.,٬٫]*(?![A-Za-z0-9])/g)) {
          const before = text.slice(0, m.index);
          const newlines = before.split('\n').length - 1;
          const line = c.loc.start.line + newlines;
          const column = newlines ? before.length - before.lastIndexOf('\n') - 1 : c.loc.start.column + before.length;
          if (!insideDoubleQuotes(lines[line - 1] ?? '', column)) continue;
          diagnostics.push({
            code: 'MJZ165',
            severity: 'warning',
            message: `The figure ${m[0]} is typed into the template`,
            hint: 'Print figures from the facts ({{fact "key"}}, {{count "key" ...}}) so that they follow when the facts change.',
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
        const name = p.name.type === 'PathExpression' ? (p.name as hbs.AST.PathExpression).original : undefined;
        if (name && !partials.has(name)) {
          const suggestion = didYouMean(name, [...partials]);
          report('MJZ164', p, `Unknown partial "${name}"`, suggestion ? `Did you mean "${suggestion}"?` : `Partials: ${[...partials].join(', ') || 'none'}.`);
        }
        return;
      }
      default:
        return;
    }
  };
  visit(ast);
  return { ast, diagnostics };
}

/** Whether column `column` (0-based) of a YAML line is inside a double-quoted scalar. */
export function insideDoubleQuotes(line: string, column: number): boolean {
  let inside = false;
  for (let i = 0; i < column && i < line.length; i++) {
    const ch = line[i];
    if (ch === '{' && line[i + 1] === '{') {
      const end = line.indexOf('}}', i + 2);
      if (end === -1 || end >= column) return inside;
      i = end + 1; // a mustache's own quotes (helper arguments) do not count
      continue;
    }
    if (ch === '\\' && inside) {
      i++;
      continue;
    }
    if (ch === '"') inside = !inside;
    if (ch === '#' && !inside && (i === 0 || /\s/.test(line[i - 1]!))) return false; // a YAML comment
  }
  return inside;
}
