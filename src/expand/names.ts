/**
 * Names written out in the templates, checked before they run: every fact key, part, source,
 * table and highlight list a helper names in quotes ({{fact "coalition.members"}},
 * (part "northeast")) must exist in the context. Handlebars stops at the first error it meets,
 * so without this check a template author with three misspelt names would learn of them in
 * three builds; here all are reported in one, at their calls, with the messages the helpers give.
 *
 * Inside a block that tests a fact with hasFact ({{#if (hasFact "ffis.projects")}}…{{/if}}), the
 * facts named are not checked here: such a block is written for outlines with and without its
 * facts (a sources line may test one fact and print two). The run still reports one it meets.
 */
import type { TemplateContext } from '../audience/context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { createLookups, HelperError, type Lookups } from './helpers.js';

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
};

type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;

/** Whether a block tests a fact with hasFact ({{#if (hasFact "k")}}, {{#unless (hasFact "k")}}). */
function testsFact(block: hbs.AST.BlockStatement): boolean {
  const test = block.params[0];
  return test?.type === 'SubExpression' && ((test as hbs.AST.SubExpression).path as hbs.AST.PathExpression).original === 'hasFact';
}

/** Every name the templates write out that the context does not have: MJZ161 at its call. */
export function unknownNames(files: ReadonlyMap<SourceFile, hbs.AST.Program>, context: TemplateContext, audience: string): Diagnostic[] {
  const lookups = createLookups(context);
  const diagnostics: Diagnostic[] = [];
  for (const [file, ast] of files) {
    const check = (call: Call, factsOptional: boolean) => {
      const path = call.path as hbs.AST.PathExpression;
      const naming = path.type === 'PathExpression' && Object.hasOwn(NAMING, path.original) ? NAMING[path.original] : undefined;
      if (!naming) return;
      for (const param of naming.all ? call.params : call.params.slice(0, 1)) {
        if (param.type !== 'StringLiteral') continue;
        const name = (param as hbs.AST.StringLiteral).value;
        if (naming.lookup === 'fact' && factsOptional) continue;
        try {
          lookups[naming.lookup](name);
        } catch (error) {
          if (!(error instanceof HelperError)) throw error;
          diagnostics.push({
            code: 'MJZ161',
            severity: 'error',
            message: `Template error in ${file.path}: ${error.message}`,
            location: { file: file.path, start: { line: call.loc.start.line, column: call.loc.start.column + 1 } },
            source: file.text,
            audience,
          });
        }
      }
    };
    const visit = (node: unknown, factsOptional: boolean): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n) => visit(n, factsOptional));
      const n = node as hbs.AST.Node & Record<string, unknown>;
      if (n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') check(n as unknown as Call, factsOptional);
      if (n.type === 'BlockStatement') {
        const block = n as unknown as hbs.AST.BlockStatement;
        const tests = testsFact(block);
        const helper = (block.path as hbs.AST.PathExpression).original;
        visit(block.params, factsOptional);
        visit(block.hash, factsOptional);
        visit(block.program, factsOptional || (tests && helper === 'if'));
        visit(block.inverse, factsOptional || (tests && helper === 'unless'));
        return;
      }
      for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'path') visit(value, factsOptional);
    };
    visit(ast, false);
  }
  return diagnostics;
}
