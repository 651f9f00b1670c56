/**
 * Names written out in the templates, checked before they run: every fact key, part, source,
 * table and highlight list a helper names in quotes ({{fact "coalition.members"}},
 * (part "northeast")) must exist in the context, and every state isMember is given in quotes
 * must be written as a code ((isMember "SY"), not "sy" or "Syria"). Handlebars stops at the first error it meets,
 * so without this check a template author with three misspelt names would learn of them in
 * three builds; here all are reported in one, at their calls, with the messages the helpers give.
 *
 * Everything is checked but the branch of a presence test: the block of {{#if (hasFact "k")}} or
 * {{#if tables.gains}} (a field of the context, tested for being there), the {{else}} of such an
 * {{#unless}}, and the partials included there. That is how a template fits outlines without a
 * fact, table or list, so what such a branch names may well be missing; the run still reports a
 * missing one it meets. The branches of other tests (isMember, asInArticle, eq) are checked:
 * they switch when the data changes, and a misspelt name there would wait for that day.
 */
import type { TemplateContext } from '../audience/context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { createLookups, HelperError, type Lookups } from './helpers.js';
import { partialName } from './tree.js';

/** The helpers that name something in their arguments, and which arguments (all: every one). */
const NAMING: Record<string, { lookup: keyof Lookups; all?: boolean }> = {
  fact: { lookup: 'fact' },
  factLabel: { lookup: 'fact' },
  factValue: { lookup: 'fact' },
  count: { lookup: 'fact' },
  asInArticle: { lookup: 'fact', all: true },
  factSources: { lookup: 'fact', all: true },
  source: { lookup: 'source' },
  part: { lookup: 'part' },
  table: { lookup: 'table' },
  highlight: { lookup: 'highlight' },
  isMember: { lookup: 'memberCode' },
};

type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;

/** What a template's tree names, in the order met: its calls that name something, and the partials it includes (not in a presence test's branch). */
interface Named {
  calls: Call[];
  partials: string[];
}

/** By tree, read once: a rebuild checks the same templates against a new context. */
const NAMED = new WeakMap<hbs.AST.Program, Named>();

function namedIn(ast: hbs.AST.Program): Named {
  let named = NAMED.get(ast);
  if (named) return named;
  named = { calls: [], partials: [] };
  const { calls, partials } = named;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as hbs.AST.Node & Record<string, unknown>;
    if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') {
      const path = (n as unknown as Call).path as hbs.AST.PathExpression;
      if (path.type === 'PathExpression' && Object.hasOwn(NAMING, path.original)) calls.push(n as unknown as Call);
    }
    if (n.type === 'BlockStatement') {
      const block = n as unknown as hbs.AST.BlockStatement;
      visit(block.params);
      visit(block.hash);
      const helper = (block.path as hbs.AST.PathExpression).original;
      const test = block.params[0];
      // a presence test: hasFact, or a field of the context (not a helper's answer)
      const presence = (helper === 'if' || helper === 'unless') && (test?.type === 'PathExpression' || (test?.type === 'SubExpression' && ((test as hbs.AST.SubExpression).path as hbs.AST.PathExpression).original === 'hasFact'));
      if (!presence || helper !== 'if') visit(block.program);
      if (!presence || helper !== 'unless') visit(block.inverse);
      return;
    }
    if (n.type === 'DecoratorBlock') return; // {{#*inline}}: runs where it is included
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') partials.push(partialName(n as unknown as hbs.AST.PartialStatement) ?? '');
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'path') visit(value);
  };
  visit(ast);
  NAMED.set(ast, named);
  return named;
}

/** Every name the templates that always run write out and the context does not have: MJZ161 at its call. */
export function unknownNames(deck: SourceFile, partials: ReadonlyMap<string, SourceFile>, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, context: TemplateContext, audience: string): Diagnostic[] {
  const lookups = createLookups(context);
  const diagnostics: Diagnostic[] = [];
  const queue: SourceFile[] = [deck];
  const seen = new Set<SourceFile>(queue);
  for (const file of queue) {
    const ast = asts.get(file);
    if (!ast) continue;
    const named = namedIn(ast);
    for (const call of named.calls) {
      const path = call.path as hbs.AST.PathExpression;
      const naming = NAMING[path.original]!;
      for (const param of naming.all ? call.params : call.params.slice(0, 1)) {
        if (param.type !== 'StringLiteral') continue;
        try {
          lookups[naming.lookup]((param as hbs.AST.StringLiteral).value);
        } catch (error) {
          if (!(error instanceof HelperError)) throw error;
          diagnostics.push({
            code: 'MJZ161',
            severity: 'error',
            message: `Template error in ${file.path}: ${error.message}`,
            ...(error.hint === undefined ? {} : { hint: error.hint }),
            location: { file: file.path, start: { line: call.loc.start.line, column: call.loc.start.column + 1 } },
            source: file.text,
            audience,
          });
        }
      }
    }
    for (const name of named.partials) {
      const partial = partials.get(name);
      if (partial && !seen.has(partial)) {
        seen.add(partial);
        queue.push(partial);
      }
    }
  }
  return diagnostics;
}
