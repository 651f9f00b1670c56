import Handlebars from 'handlebars';
import type { TemplateContext } from '../audience/context.js';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { withYamlEscape } from './escape.js';
import { createHelpers, HelperError } from './helpers.js';
import { lintTemplate } from './lint.js';
import { originsOf, tagLines, type Origin } from './origins.js';

/** An audience's templates as read from templates/<audience>/. */
export interface TemplateSet {
  deck: SourceFile;
  /** Partials by name (file name without .hbs). */
  partials: Map<string, SourceFile>;
}

export interface Expansion {
  /** The deck spec as YAML text (its lines tagged with the template lines that made them). */
  text?: string;
  /** For each line of `text` (1-based), the template file and line that produced it. */
  origins: (Origin | undefined)[];
  diagnostics: Diagnostic[];
}

/** One Handlebars environment for the process; nothing is registered on it. */
const ENV = Handlebars.create();
const COMPILED = new Map<string, HandlebarsTemplateDelegate>();
const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: false, preventIndent: false } as const;

/** A template compiled once per process (by its text), the least recently used dropped past 256. */
function compile(text: string): HandlebarsTemplateDelegate {
  let template = COMPILED.get(text);
  if (template) COMPILED.delete(text);
  else template = ENV.compile(text, COMPILE_OPTIONS);
  COMPILED.set(text, template);
  if (COMPILED.size > 256) COMPILED.delete(COMPILED.keys().next().value!);
  return template;
}

const LINTED = new Map<string, ReturnType<typeof lintTemplate>>();

/** A template's checks, once per text and set of partial names (the audience is stamped after). */
function lintCached(file: SourceFile, partialNames: ReadonlySet<string>, audience: string): ReturnType<typeof lintTemplate> {
  const key = `${file.path}\0${[...partialNames].sort().join(',')}\0${file.text}`;
  let linted = LINTED.get(key);
  if (!linted) {
    linted = lintTemplate(file, partialNames, '');
    LINTED.set(key, linted);
    if (LINTED.size > 256) LINTED.delete(LINTED.keys().next().value!);
  }
  return { ast: linted.ast, diagnostics: linted.diagnostics.map((d) => ({ ...d, audience })) };
}

/** Marks which template file an error came from while it unwinds through partials. */
const FILE = Symbol('mujaz.templateFile');

/** Stage 3: Handlebars expands the audience's templates into the deck spec text. */
export function expandTemplates(templates: TemplateSet, context: TemplateContext): Expansion {
  const audience = context.audience.name;
  const diagnostics: Diagnostic[] = [];
  const partialNames = new Set(templates.partials.keys());
  const asts = new Map<SourceFile, hbs.AST.Program>();
  for (const file of [templates.deck, ...templates.partials.values()]) {
    const linted = lintCached(file, partialNames, audience);
    diagnostics.push(...linted.diagnostics);
    if (linted.ast) asts.set(file, linted.ast);
  }
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...partialCycles(templates, asts, audience));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, origins: [] };
  const files = [templates.deck, ...templates.partials.values()];

  // Helpers and partials are given at render time, so each template text compiles once per process.
  const partials: Record<string, Handlebars.Template> = {};
  for (const [name, file] of templates.partials) {
    const compiled = compile(tagLines(file, files.indexOf(file)));
    partials[name] = ((ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(ctx, options);
      } catch (error) {
        if (error && typeof error === 'object' && !(FILE in error)) Object.assign(error, { [FILE]: file });
        throw error;
      }
    }) as Handlebars.Template;
  }
  const deck = compile(tagLines(templates.deck, 0));
  const helpers = createHelpers(context) as unknown as Record<string, Handlebars.HelperDelegate>;
  try {
    const text = withYamlEscape(() => deck(context, { helpers, partials, allowedProtoProperties: {}, allowedProtoMethods: {} }));
    return { text, diagnostics, origins: originsOf(text, files) };
  } catch (error) {
    const file = (error as { [FILE]?: SourceFile })[FILE] ?? templates.deck;
    diagnostics.push(runtimeDiagnostic(error, file, audience, context));
    return { diagnostics, origins: [] };
  }
}

function runtimeDiagnostic(error: unknown, file: SourceFile, audience: string, context: TemplateContext): Diagnostic {
  const e = error as Error & { lineNumber?: number; column?: number; loc?: HelperError['loc'] };
  const raw = e.message ?? String(error);
  const pos = / - (\d+):(\d+)$/.exec(raw);
  const line = e.loc?.start.line ?? e.lineNumber ?? (pos ? Number(pos[1]) : undefined);
  const column = e.loc?.start.column ?? e.column ?? (pos ? Number(pos[2]) : undefined);
  const message = raw.replace(/ - \d+:\d+$/, '').replace(/ not defined in .*$/s, ' is not defined here');
  const missing = /^"([^"]+)" not defined in /.exec(raw)?.[1];
  let hint: string | undefined;
  if (error instanceof HelperError) hint = undefined;
  else if (missing !== undefined) {
    const suggestion = didYouMean(missing, fieldNames(context));
    hint = `${suggestion ? `Did you mean "${suggestion}"? ` : ''}The template names a field the context does not have; check the spelling, or \`npx mujaz build --emit context\` to see the context.`;
  } else if (error instanceof RangeError && /call stack/i.test(raw)) {
    hint = 'The templates call each other without end; check the partials each one includes.';
  } else {
    hint = 'Check the helper call or block at the marked place.';
  }
  return {
    code: 'MJZ161',
    severity: 'error',
    message: `Template error in ${file.path}: ${message}`,
    hint,
    location: { file: file.path, start: line ? { line, column: (column ?? 0) + 1 } : undefined },
    source: line ? file.text : undefined,
    audience,
  };
}

/** Every field name of the context (a few levels deep), for "did you mean" on a misspelt field. */
function fieldNames(context: TemplateContext): string[] {
  const names = new Set<string>();
  const stack: { value: unknown; depth: number }[] = [{ value: context, depth: 0 }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 4) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.slice(0, 3).forEach((v) => stack.push({ value: v, depth: depth + 1 }));
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      names.add(k);
      stack.push({ value: v, depth: depth + 1 });
    }
  }
  return [...names];
}

/**
 * Partials that include themselves, directly or through others, would recurse until the stack
 * runs out; the cycle is reported at the include that closes it.
 */
function partialCycles(templates: TemplateSet, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, audience: string): Diagnostic[] {
  const includes = new Map<string, { name: string; node: hbs.AST.PartialStatement }[]>();
  for (const [name, file] of templates.partials) {
    const ast = asts.get(file);
    if (ast) includes.set(name, partialCalls(ast));
  }
  const diagnostics: Diagnostic[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const walk = (name: string, trail: string[]): void => {
    state.set(name, 'active');
    for (const call of includes.get(name) ?? []) {
      if (state.get(call.name) === 'active') {
        const cycle = [...trail.slice(trail.indexOf(call.name)), call.name];
        const file = templates.partials.get(name)!;
        diagnostics.push({
          code: 'MJZ164',
          severity: 'error',
          message: `The partial "${call.name}" includes itself: ${cycle.join(' → ')}`,
          hint: 'A partial may not include itself, directly or through other partials; remove the include.',
          location: { file: file.path, start: { line: call.node.loc.start.line, column: call.node.loc.start.column + 1 } },
          source: file.text,
          audience,
        });
      } else if (!state.has(call.name)) walk(call.name, [...trail, call.name]);
    }
    state.set(name, 'done');
  };
  for (const name of includes.keys()) if (!state.has(name)) walk(name, [name]);
  return diagnostics;
}

/** The partials a template includes by name. */
function partialCalls(ast: hbs.AST.Program): { name: string; node: hbs.AST.PartialStatement }[] {
  const out: { name: string; node: hbs.AST.PartialStatement }[] = [];
  const stack: unknown[] = [ast];
  while (stack.length) {
    const node = stack.pop() as { type?: string; body?: unknown[]; program?: unknown; inverse?: unknown; name?: { type: string; original?: string } } | undefined;
    if (!node || typeof node !== 'object') continue;
    if ((node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && node.name?.type === 'PathExpression') {
      out.push({ name: node.name.original!, node: node as unknown as hbs.AST.PartialStatement });
    }
    if (node.body) stack.push(...node.body);
    stack.push(node.program, node.inverse);
  }
  return out.reverse();
}
