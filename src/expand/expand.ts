import Handlebars from 'handlebars';
import type { TemplateContext } from '../audience/context.js';
import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { PRINTED, withYamlEscape, yamlEscape } from './escape.js';
import { createHelpers, FactValue, HelperError, unwrap } from './helpers.js';
import { markFact } from '../facts/markers.js';
import { westernFigures } from '../format/arabic.js';
import { insideDoubleQuotes, lintTemplate } from './lint.js';
import { unknownNames } from './names.js';
import { everyNode, partialCalls } from './tree.js';
import { originsOf, tagLines, type Origin } from './origins.js';
import { Lru } from '../util/lru.js';

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

/**
 * One Handlebars environment for the process; nothing is registered on it, and `log` is taken
 * out (it printed to the standard output, into `mujaz facts --json`): an unknown helper now.
 */
const ENV = Handlebars.create();
ENV.unregisterHelper('log');

/** Marks an error of a field read from a text or a number (see below), for its hint. */
const FROM_VALUE = Symbol('mujaz.fieldOfValue');

/**
 * Handlebars' strict lookup asks `name in obj`, which throws a bare TypeError, with no place, when
 * the context is a text or a number ({{text}} inside {{#each points}}, whose items are texts).
 * Each compiled template's container gets a lookup that says so at the mustache. (The container
 * is the first argument of the template's main function, once per template.)
 */
type Container = { strict: (obj: unknown, name: string, loc: unknown) => unknown; lookupProperty: (parent: unknown, name: string) => unknown; [FROM_VALUE]?: true };

/**
 * Marks an error of a field read from nothing: a helper's argument whose holder is not there
 * ({{source article.source}} inside {{#with (part "x")}}, where the context is the part).
 * Handlebars reads a helper's arguments without its strict lookup, and without a place: the
 * holder's name (the lookup just before, which found nothing) lets the error be placed.
 */
const OF_NOTHING = Symbol('mujaz.fieldOfNothing');
/** Marks a missing field's error with what it was looked for in. */
const SEARCHED = Symbol('mujaz.searchedIn');
interface OfNothing {
  name: string;
  holder?: string;
  /** The mustache's place, when Handlebars' strict lookup gave one ({{article.date}} inside a block). */
  loc?: HelperError['loc'];
}
const compileTemplate = ENV.template.bind(ENV);
ENV.template = ((spec: { main: (container: Container, ...rest: unknown[]) => unknown }) => {
  const main = spec.main;
  spec.main = function (this: unknown, container: Container, ...rest: unknown[]) {
    if (!container[FROM_VALUE]) {
      const strict = container.strict;
      let nothing: string | undefined; // the name the last lookup found nothing under
      container.strict = (obj, name, loc) => {
        if (obj !== null && obj !== undefined && typeof obj !== 'object' && typeof obj !== 'function') {
          const what = typeof obj === 'string' ? `a text («${obj.length > 40 ? `${obj.slice(0, 40)}…` : obj}»)` : `the ${typeof obj} ${String(obj)}`;
          throw Object.assign(new ENV.Exception(`"${name}" is not defined here: here is ${what}, which has no fields`, { loc } as never), { [FROM_VALUE]: true, value: obj });
        }
        try {
          return strict(obj, name, loc);
        } catch (error) {
          // (what the name was looked for in: a block's part or item, for "did you mean" among its
          // fields; and when that is nothing, the name the lookup before found nothing under:
          // {{article.date}} inside a block, where article is what is missing, not date)
          const of: OfNothing | undefined = (obj === null || obj === undefined) && nothing !== undefined ? { name, holder: nothing, loc: loc as OfNothing['loc'] } : undefined;
          throw Object.assign(error as object, { [SEARCHED]: obj }, of ? { [OF_NOTHING]: of } : {});
        }
      };
      const lookupProperty = container.lookupProperty;
      container.lookupProperty = (parent, name) => {
        if (parent === null || parent === undefined) {
          const of: OfNothing = { name, holder: nothing };
          throw Object.assign(new ENV.Exception(`"${of.holder ?? name}" is not defined here`), { [OF_NOTHING]: of });
        }
        const result = lookupProperty(parent, name);
        nothing = result === null || result === undefined ? name : undefined;
        return result;
      };
      container[FROM_VALUE] = true;
    }
    return main.call(this, container, ...rest);
  };
  return compileTemplate(spec as never);
}) as typeof ENV.template;
const COMPILED = new Lru<string, HandlebarsTemplateDelegate>(256);
const COMPILE_OPTIONS = { strict: true, knownHelpersOnly: false, preventIndent: false } as const;

/**
 * A template compiled once per process (by its file and text), the least recently used dropped
 * past 256. Each partial it includes is framed by two calls that print nothing (withCallSites),
 * so that an error inside a partial can name the line that included it.
 */
function compile(text: string, file: string): HandlebarsTemplateDelegate {
  return COMPILED.get(`${file}\0${text}`, () => ENV.compile(withCallSites(ENV.parse(text), file, text), COMPILE_OPTIONS));
}

/** The helpers that keep the stack of partial includes while a deck expands (named so no template can call them). */
const ENTER = '·mujaz-enter';
const LEAVE = '·mujaz-leave';
/** json written inside double quotes: a fact's number stays text there ("{{json (factValue ..)}}"). */
const JSON_IN_QUOTES = '·mujaz-json-in-quotes';

/**
 * Puts {{ENTER "file:line:column"}} before and {{LEAVE}} after each partial include of the
 * parsed template. The standalone lines were already stripped by the parser and both print
 * nothing, so the output is the same; the partial's context is untouched (a hash would copy it).
 */
function withCallSites(ast: hbs.AST.Program, file: string, text: string): hbs.AST.Program {
  const lines = text.split('\n');
  const bool = (value: boolean, loc: hbs.AST.SourceLocation) => ({ type: 'BooleanLiteral', value, original: value, loc }) as hbs.AST.BooleanLiteral;
  const call = (name: string, loc: hbs.AST.SourceLocation, site?: string, standalone?: boolean, bare?: boolean): hbs.AST.MustacheStatement => ({
    type: 'MustacheStatement',
    path: { type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc } as hbs.AST.PathExpression,
    params: site === undefined ? [] : [{ type: 'StringLiteral', value: site, original: site, loc } as hbs.AST.StringLiteral, bool(Boolean(standalone), loc), bool(Boolean(bare), loc)],
    hash: undefined as unknown as hbs.AST.Hash,
    escaped: true,
    strip: { open: false, close: false },
    loc,
  });
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; body?: hbs.AST.Statement[]; program?: unknown; inverse?: unknown };
    if (n.type === 'MustacheStatement') {
      const m = node as hbs.AST.MustacheStatement;
      const path = m.path as hbs.AST.PathExpression;
      if (path.type === 'PathExpression' && path.original === 'json' && insideDoubleQuotes(lines[m.loc.start.line - 1] ?? '', m.loc.start.column)) {
        m.path = { ...path, parts: [JSON_IN_QUOTES], original: JSON_IN_QUOTES };
      }
      return;
    }
    if (n.type === 'Program' && n.body) {
      n.body = n.body.flatMap((statement) => {
        visit(statement);
        if (statement.type !== 'PartialStatement' && statement.type !== 'PartialBlockStatement') return [statement];
        const { loc } = statement;
        // an include on a line of its own (Handlebars drops that line's own end)
        const standalone = (lines[loc.start.line - 1] ?? '').slice(0, loc.start.column).trim() === '' && (lines[loc.end.line - 1] ?? '').slice(loc.end.column).trim() === '';
        // (bare: included without a context or a name=value, {{> part-slide}})
        const include = statement as hbs.AST.PartialStatement;
        const bare = include.params.length === 0 && !include.hash?.pairs.length;
        return [call(ENTER, loc, `${file}:${loc.start.line}:${loc.start.column + 1}`, standalone, bare), statement, call(LEAVE, loc)];
      });
      return;
    }
    visit(n.program);
    visit(n.inverse);
  };
  visit(ast);
  return ast;
}

const LINTED = new Lru<string, ReturnType<typeof lintTemplate>>(256);

/** A template's checks, once per text and set of partial names (the audience is stamped after). */
function lintCached(file: SourceFile, partialNames: ReadonlySet<string>, audience: string): ReturnType<typeof lintTemplate> {
  const key = `${file.path}\0${[...partialNames].sort().join(',')}\0${file.text}`;
  const linted = LINTED.get(key, () => lintTemplate(file, partialNames, ''));
  return { ast: linted.ast, diagnostics: linted.diagnostics.map((d) => ({ ...d, audience })) };
}

/**
 * MJZ165 (a figure typed into a template) for a figure that is a fact's, now or as its source
 * states it (89, coalition.members): the message names the fact, and the hint how to print it,
 * as the outline's MJZ137 does. The template checks know no facts (they are kept per text), so
 * the deck's context adds this. Undefined when no fact is a number.
 */
function factsOfFigure(context: TemplateContext): ((d: Diagnostic) => Diagnostic) | undefined {
  const byFigure = new Map<string, string[]>();
  for (const fact of Object.values(context.facts)) {
    for (const value of new Set([fact.value, fact.stated])) {
      if (typeof value !== 'number') continue;
      const keys = byFigure.get(String(value)) ?? [];
      if (!keys.includes(fact.key)) byFigure.set(String(value), [...keys, fact.key]);
    }
  }
  if (!byFigure.size) return undefined;
  return (d) => {
    const figure = d.code === 'MJZ165' ? /^The figure (\S+) is typed into the template$/.exec(d.message)?.[1] : undefined;
    // (a figure of one digit names no fact: 4 is as likely four of anything)
    const keys = figure === undefined || westernFigures(figure).length < 2 ? undefined : byFigure.get(westernFigures(figure));
    if (!keys) return d;
    const named = keys.map((k) => `{{fact "${k}"}}`).join(' or ');
    return {
      ...d,
      message: `${d.message}: it is the figure of the fact ${keys.join(' or ')}, and would not follow it when it changes`,
      hint: `Write ${named} in its place (with the noun after it, {{count "${keys[0]}" one=… other=…}}), if the figure means ${keys.length > 1 ? 'one of them' : 'it'}. ${d.hint ?? ''}`.trim(),
    };
  };
}

/** Marks which template file an error came from while it unwinds through partials. */
const FILE = Symbol('mujaz.templateFile');
/**
 * The context's fields that may be absent (TemplateContext: the article's, a fact's, a source's,
 * the theme's): a block over one of them may come to nothing ({{#with note}} on a source without
 * one, beside its date, is no misspelling).
 */
const OPTIONAL_FIELDS = new Set(['subtitle', 'qualifier', 'unit', 'stated', 'statedBy', 'date', 'url', 'file', 'note', 'marking', 'logo', 'width', 'alt', 'slides']);

/** Stage 3: Handlebars expands the audience's templates into the deck spec text. */
export function expandTemplates(templates: TemplateSet, context: TemplateContext): Expansion {
  const audience = context.audience.name;
  const diagnostics: Diagnostic[] = [];
  const partialNames = new Set(templates.partials.keys());
  const asts = new Map<SourceFile, hbs.AST.Program>();
  const found = new Map<SourceFile, Diagnostic[]>();
  const typed = factsOfFigure(context);
  for (const file of [templates.deck, ...templates.partials.values()]) {
    const linted = lintCached(file, partialNames, audience);
    found.set(file, typed ? linted.diagnostics.map(typed) : linted.diagnostics);
    if (linted.ast) asts.set(file, linted.ast);
  }
  // The problems of the templates this deck draws: the deck and the partials it includes, and
  // theirs (a shared partial no slide of this audience uses is not this audience's problem).
  const drawn = new Set<SourceFile>();
  const draw = (file: SourceFile | undefined) => {
    if (!file || drawn.has(file)) return;
    drawn.add(file);
    const ast = asts.get(file);
    if (ast) for (const { name } of partialCalls(ast)) draw(templates.partials.get(name));
  };
  draw(templates.deck);
  for (const file of drawn) diagnostics.push(...found.get(file)!);
  for (const file of [...asts.keys()]) if (!drawn.has(file)) asts.delete(file); // the checks below and the compiling see only these
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...partialCycles(templates, asts, audience), ...indentedSlides(templates, asts, audience));
  if (!diagnostics.some((d) => d.severity === 'error')) diagnostics.push(...unreadParameters(templates, asts, audience), ...unusedOwnPartials(templates, new Set([...templates.partials].filter(([, file]) => drawn.has(file)).map(([name]) => name)), audience));
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, origins: [] };
  // Every misspelt name at once (Handlebars stops at the first error it meets). The templates
  // still run: an error they meet before any of these (a missing field) is reported with them.
  const misnamed = unknownNames(templates.deck, templates.partials, asts, context, audience);
  const files = [templates.deck, ...templates.partials.values()];

  // Helpers and partials are given at render time, so each template text compiles once per process.
  const partials: Record<string, Handlebars.Template> = {};
  for (const [name, file] of templates.partials) {
    if (!drawn.has(file)) continue;
    const compiled = compile(tagLines(file, files.indexOf(file)), file.path);
    partials[name] = ((ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      const top = includes[includes.length - 1];
      if (top) Object.assign(top, { entered: true, context: ctx });
      running.push(file);
      given.push(new Set(Object.keys((options as { hash?: object } | undefined)?.hash ?? {})));
      try {
        const out = compiled(ctx, options);
        // a partial saved without its last newline, included on a line of its own: its last line
        // would run into the next line of the output
        return top?.standalone && out !== '' && !out.endsWith('\n') ? `${out}\n` : out;
      } catch (error) {
        if (error && typeof error === 'object' && !(FILE in error)) Object.assign(error, { [FILE]: file });
        throw error;
      } finally {
        running.pop();
        given.pop();
      }
    }) as Handlebars.Template;
  }
  const deck = compile(tagLines(templates.deck, 0), templates.deck.path);
  // The partial includes being expanded, outermost first; a site counts once its partial has
  // begun (an error in the include's own arguments is the including line's).
  const includes: { site: string; entered: boolean; standalone: boolean; bare: boolean; context?: unknown }[] = [];
  // The template file running now (the deck, or the partial innermost), for a block's place.
  const running: SourceFile[] = [templates.deck];
  // The name=value pairs each partial being expanded was given ({{> part-points first=3}}).
  const given: Set<string>[] = [];
  /** Whether a template reads a name once only (as a path's first part, anywhere in it). */
  const readsOnce = (file: SourceFile, name: string): boolean => {
    let count = 0;
    everyNode(asts.get(file), (n) => {
      if (n.type === 'PathExpression' && (n as unknown as hbs.AST.PathExpression).parts[0] === name) count++;
      return count < 2;
    });
    return count < 2;
  };
  // The names each partial reads at its own level (namesRead), found when first asked.
  const reads = new Map<SourceFile, Set<string> | undefined>();
  const readsOf = (file: SourceFile): Set<string> | undefined => {
    if (!reads.has(file)) {
      const name = [...templates.partials].find(([, f]) => f === file)?.[0];
      reads.set(file, name === undefined ? undefined : namesRead(name, templates, asts));
    }
    return reads.get(file);
  };
  /**
   * {{#each pionts}}, {{#with aritcle}} or {{#if notse}}: a block over a name that comes to
   * nothing because it is misspelt would draw nothing, or leave out what it holds, without a
   * word (or surface later as another error: a slide's bullets "have no value"). It is an error at
   * the block when the name is spelt like what it must have meant:
   * - {{#each}} and {{#with}}: a field beside it (did you mean "points"?);
   * - {{#if}} and {{#unless}}, which test for values that may well be absent ({{#if lead}} in a
   *   partial given lead= only sometimes, {{#if source}} beside the deck's sources): in the deck
   *   itself, a field beside it; in a partial, a name=value its include gave it ({{#if frist}}
   *   with first=3), or a name the partial reads elsewhere ({{#if titel}} beside {{title}}).
   * And at the deck's top level, whose fields are always the same, a block over any name the
   * context has not ({{#each points}} outside any part). A name of a block's own (as |s|), a
   * field that may be absent (OPTIONAL_FIELDS) and a short name (two or three letters, a
   * keystroke or two from id) are left alone: the block goes on as Handlebars' own does.
   */
  const blockOver = (helper: 'each' | 'with' | 'if' | 'unless', self: unknown, value: unknown, options: Handlebars.HelperOptions) => {
    if (helper === 'each' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof FactValue)) {
      // ({{#each heading}}: Handlebars goes through nothing, and the slide's list comes out empty, blamed on the spec)
      const v = unwrap(value);
      const what = typeof v === 'string' ? `a text («${v.length > 40 ? `${v.slice(0, 40)}…` : v}»)` : `the ${typeof v} ${String(v)}`;
      throw Object.assign(new HelperError(`each was given ${what}, not a list`, '{{#each …}} goes through a list (points, parts, a highlight list); a text is printed as it is, {{heading}}.'), { loc: (options as { loc?: HelperError['loc'] }).loc });
    }
    if (value !== undefined) return;
    const loc = (options as { loc?: HelperError['loc'] }).loc;
    const ast = asts.get(running[running.length - 1]!);
    if (!loc || !ast) return;
    const scope = { self, root: options.data?.root };
    const unread = missingArgument(ast, loc.start.line, loc.start.column, scope);
    if (!unread || OPTIONAL_FIELDS.has(unread.name)) return;
    // (a list has no named fields: {{#with parts.announcement}} would drop its slide without a word)
    if (Array.isArray(unread.parent)) {
      if (/^\d+$/.test(unread.name)) return;
      throw Object.assign(new HelperError(`${helper} was given nothing`), { loc, scope });
    }
    const { blockParams, inline } = scopeAt(ast, loc.start.line, loc.start.column);
    if (!unread.path.data && blockParams.has(unread.path.parts[0]!)) return;
    const inDeck = running.length === 1 && !inline;
    const topLevel = inDeck && self === scope.root && unread.parent === scope.root && unread.path.parts.length === 1 && !unread.path.data;
    // (in a partial, the names it reads elsewhere are what it takes: {{#if titel}} beside {{title}})
    const presence = helper === 'if' || helper === 'unless';
    // (a presence test in a partial over a name read nowhere else in it, spelt like one it does
    // read: {{#if titel}}{{title}}…, never {{#if caption}}{{caption}}… beside {{#each captions}})
    const file = running[running.length - 1]!;
    const takes = inDeck || !presence || readsOnce(file, unread.name) === false ? undefined : readsOf(file);
    const candidates = [...Object.keys(unread.parent), ...(takes ?? [])].filter((n) => n !== unread.name);
    const near = unread.name.length > 3 ? didYouMean(unread.name, candidates) : undefined;
    const meant = !presence || inDeck ? near : near && (given.at(-1)?.has(near) || takes?.has(near)) ? near : undefined;
    if (!meant && !(topLevel && (helper === 'each' || helper === 'with' || near))) return;
    throw Object.assign(new HelperError(`${helper} was given nothing`), { loc, scope, meant });
  };
  const own = createHelpers(context) as unknown as Record<string, Handlebars.HelperDelegate>;
  const builtin = ENV.helpers as Record<string, Handlebars.HelperDelegate>;
  const helpers = {
    ...own,
    // a fact's value is tested as its value ({{#if (factValue "x")}} with 0 is false)
    if(this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
      blockOver('if', this, condition, options);
      return builtin.if!.call(this, unwrap(condition), options);
    },
    unless(this: unknown, condition: unknown, options: Handlebars.HelperOptions) {
      blockOver('unless', this, condition, options);
      return builtin.unless!.call(this, unwrap(condition), options);
    },
    each(this: unknown, list: unknown, options: Handlebars.HelperOptions) {
      blockOver('each', this, list, options);
      return builtin.each!.call(this, list, options);
    },
    with(this: unknown, value: unknown, options: Handlebars.HelperOptions) {
      blockOver('with', this, value, options);
      return builtin.with!.call(this, value, options);
    },
    // (a fact's value as text in the quotes: a number as JSON writes it, a text escaped for them)
    // (called with what Handlebars gave, so that {{json}} given nothing still has its options, and its place)
    // (with the template's `this`, as Handlebars calls json: the context its argument was read from)
    [JSON_IN_QUOTES](this: unknown, ...args: unknown[]) {
      // (a text given to json in quotes, "{{json heading}}": printed as {{heading}} prints it,
      // where JSON's own quotes would end the YAML text there)
      if (typeof args[0] === 'string' && args.length === 2) return new Handlebars.SafeString(yamlEscape(args[0]));
      // (a mapping or a list of texts in quotes, "{{json this}}": its JSON's quotes and braces
      // would break the YAML text; reported as printed as text, at its line)
      if (args.length === 2 && args[0] !== null && typeof args[0] === 'object' && !(args[0] instanceof FactValue) && !(Array.isArray(args[0]) && args[0].every((v) => typeof v === 'number'))) {
        return new Handlebars.SafeString(yamlEscape(args[0]));
      }
      return args[0] instanceof FactValue
        ? new Handlebars.SafeString(yamlEscape(markFact(args[0].key, typeof args[0].value === 'number' ? JSON.stringify(args[0].value) : args[0].value)))
        : Reflect.apply(own.json!, this, args); // (not as own.json(): `this` would be the helpers, which have a field json)
    },
    [ENTER]: (site: string, standalone: unknown, bare: unknown) => (includes.push({ site, entered: false, standalone: standalone === true, bare: bare === true }), ''),
    [LEAVE]: () => (includes.pop(), ''),
  };
  try {
    const text = withYamlEscape(() => deck(context, { helpers, partials, allowedProtoProperties: {}, allowedProtoMethods: {} }));
    const origins = originsOf(text, files);
    const printed = text.includes(PRINTED) ? printedAsText(text, origins, audience) : [];
    if (misnamed.length > 0 || printed.length > 0) return { diagnostics: [...diagnostics, ...misnamed, ...printed], origins: [] };
    return { text, diagnostics, origins };
  } catch (error) {
    const file = (error as { [FILE]?: SourceFile })[FILE] ?? templates.deck;
    const inside = includes.filter((i) => i.entered);
    const met = runtimeDiagnostic(error, file, audience, context, inside.map((i) => i.site), asts.get(file), inside.at(-1)?.bare ?? false, inside.at(-1)?.context, (path) => files.find((f) => f.path === path)?.text);
    const same = (d: Diagnostic) => d.location?.file === met.location?.file && d.location?.start?.line === met.location?.start?.line && d.location?.start?.column === met.location?.start?.column;
    // (the run's own report of a name checked before it says where the partial was included from)
    const errors = [...misnamed.filter((d) => !same(d)), met];
    const at = (d: Diagnostic) => [files.findIndex((f) => f.path === d.location?.file), d.location?.start?.line ?? 0, d.location?.start?.column ?? 0];
    errors.sort((a, b) => {
      const [x, y] = [at(a), at(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
    return { diagnostics: [...diagnostics, ...errors], origins: [] };
  }
}

const PRINTED_MARK = new RegExp(`${PRINTED}([^${PRINTED}]*)${PRINTED}`, 'g');

/**
 * A mapping or a list a template printed as text ({{this}} on a part, {{points}}): it would show
 * "[object Object]" or items joined by commas on the slide. Reported at the template line that
 * produced it, once a line.
 */
function printedAsText(text: string, origins: readonly (Origin | undefined)[], audience: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(PRINTED_MARK)) {
      const origin = origins[i + 1];
      const key = `${origin?.file.path}:${origin?.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const templateLine = origin?.file.text.split('\n')[origin.line - 1] ?? '';
      const column = templateLine.indexOf('{{') + 1 || 1;
      diagnostics.push({
        code: 'MJZ161',
        severity: 'error',
        message: `Template error${origin ? ` in ${origin.file.path}` : ''}: it prints ${m[1]} as text`,
        hint: 'Print one of its fields ({{heading}}, {{this.text}}), or go through a list with {{#each …}}…{{/each}}; `mujaz build --emit context` shows what each field holds.',
        location: origin ? { file: origin.file.path, start: { line: origin.line, column } } : undefined,
        source: origin?.file.text,
        audience,
      });
    }
  });
  return diagnostics;
}

/**
 * Every path a template reads, in the template's order, with whether it stands inside a block
 * that gives another context ({{#each}}, {{#with}}; an {{#if}} keeps the one around it).
 */
function pathsOf(ast: hbs.AST.Program): { path: hbs.AST.PathExpression; inBlock: boolean }[] {
  const found: { path: hbs.AST.PathExpression; inBlock: boolean }[] = [];
  const visit = (node: unknown, inBlock: boolean): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as hbs.AST.Node & Record<string, unknown>;
    if (n.type === 'PathExpression') {
      found.push({ path: n as unknown as hbs.AST.PathExpression, inBlock });
      return;
    }
    const block = n.type === 'BlockStatement' && ['each', 'with'].includes(String((n.path as hbs.AST.PathExpression | undefined)?.original));
    for (const [key, value] of Object.entries(n)) {
      if (key === 'loc') continue;
      const inner = inBlock || (block && (key === 'program' || key === 'inverse'));
      if (Array.isArray(value)) value.forEach((v) => visit(v, inner));
      else visit(value, inner);
    }
  };
  visit(ast, false);
  return found;
}

/**
 * The fields beside a missing one, when the template names it from the root of the context
 * (article.dat: the fields of article); undefined inside a block, where the context is another.
 */
function siblingFields(ast: hbs.AST.Program | undefined, line: number | undefined, column: number | undefined, missing: string, context: TemplateContext): string[] | undefined {
  if (!ast || line === undefined || column === undefined) return undefined;
  const found = pathsOf(ast).find(({ path: p, inBlock }) => !inBlock && p.loc.start.line === line && p.loc.start.column === column && p.depth === 0 && !p.data)?.path;
  const at = found?.parts.indexOf(missing) ?? -1;
  if (!found || at < 1) return undefined;
  let parent: unknown = context;
  for (const part of found.parts.slice(0, at)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string, unknown>)[part] : undefined;
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) ? Object.keys(parent) : undefined;
}

function runtimeDiagnostic(error: unknown, file: SourceFile, audience: string, context: TemplateContext, includes: readonly string[], ast?: hbs.AST.Program, bare = false, given?: unknown, textOf?: (path: string) => string | undefined): Diagnostic {
  const e = error as Error & { lineNumber?: number; column?: number; loc?: HelperError['loc'] };
  const of = (error as { [OF_NOTHING]?: OfNothing } | null)?.[OF_NOTHING];
  if (of && includes.length && (given === undefined || given === null)) {
    // ({{> part-points parts.[20]}}: the include's argument is not there, and the partial reads from nothing)
    const site = /^(.*):(\d+):(\d+)$/.exec(includes[includes.length - 1]!);
    return {
      code: 'MJZ161',
      severity: 'error',
      message: `Template error: the partial included at ${includes[includes.length - 1]} was given nothing to show (the argument of its include is not there), and reads "${of.holder ?? of.name}" from it`,
      hint: 'Give the include a part, a table or an item that is there, e.g. (part "id"); `npx mujaz build --emit context` shows the parts and lists there are.',
      location: site ? { file: site[1]!, start: { line: Number(site[2]), column: Number(site[3]) } } : { file: file.path },
      ...(site && textOf?.(site[1]!) !== undefined ? { source: textOf(site[1]!) } : {}),
      audience,
    };
  }
  const nothing = of && nothingDiagnostic(of, file, audience, context, includes, ast);
  if (nothing) return nothing;
  const raw = e.message ?? String(error);
  const pos = / - (\d+):(\d+)$/.exec(raw);
  const line = e.loc?.start.line ?? e.lineNumber ?? (pos ? Number(pos[1]) : undefined);
  const column = e.loc?.start.column ?? e.column ?? (pos ? Number(pos[2]) : undefined);
  const message = raw.replace(/ - \d+:\d+$/, '').replace(/ not defined in .*$/s, ' is not defined here');
  const missing = /^"([^"]+)" not defined in /.exec(raw)?.[1];
  let hint: string | undefined;
  // a helper given a field that does not exist ({{json @root.data.growth.categoris}}): the field, at its place
  const unread = error instanceof HelperError && line !== undefined && column !== undefined ? missingArgument(ast, line, column, error.scope) : undefined;
  if (unread) {
    const { helper, path, name, parent } = unread;
    const fields = Array.isArray(parent) ? [] : Object.keys(parent);
    // (a block's own finding, among what the partial takes too: {{#if titel}} beside {{title}})
    const suggestion = (error as { meant?: string }).meant ?? didYouMean(name, fields);
    // a field of each item of a list the top level holds ({{#each points}} outside any part)
    const holder = !suggestion && parent === context ? Object.entries(context).find(([, v]) => Array.isArray(v) && v.some((item) => item !== null && typeof item === 'object' && Object.hasOwn(item, name)))?.[0] : undefined;
    if (holder) {
      return {
        code: 'MJZ161',
        severity: 'error',
        message: `Template error in ${file.path}: ${helper} was given nothing: "${name}" is not defined here${includes.length ? ` (included from ${[...includes].reverse().join(', from ')})` : ''}`,
        hint: `"${name}" is a field of each of ${holder}, not of the deck's top level: read it inside ${holder === 'parts' ? '{{#with (part "id")}} … {{/with}} or {{#each parts}} … {{/each}}' : `{{#each ${holder}}} … {{/each}}`}.`,
        location: { file: file.path, start: { line: path.loc.start.line, column: path.loc.start.column + 1 } },
        source: file.text,
        audience,
      };
    }
    // (a name read from a list as if it were a field: parts.announcement)
    const named = Array.isArray(parent) && !/^\d+$/.test(name);
    return {
      code: 'MJZ161',
      severity: 'error',
      message: `Template error in ${file.path}: ${helper} was given nothing: "${name}" is not defined here${includes.length ? ` (included from ${[...includes].reverse().join(', from ')})` : ''}`,
      hint: named
        ? listHint(path.parts.slice(path.data ? 1 : 0, path.parts.indexOf(name)).join('.'), name)
        : `${
            suggestion
              ? `Did you mean "${suggestion}"? `
              : Array.isArray(parent)
                ? `The list has ${parent.length} item${parent.length === 1 ? '' : 's'}${parent.length ? `, numbered from 0 to ${parent.length - 1}` : ''}. `
                : fields.length && fields.length <= 12
                  ? `The fields there: ${fields.join(', ')}. `
                  : ''
          }The template names a field the context does not have; check the spelling, or \`npx mujaz build --emit context\` to see the context.`,
      location: { file: file.path, start: { line: path.loc.start.line, column: path.loc.start.column + 1 } },
      source: file.text,
      audience,
    };
  }
  if (error instanceof HelperError) hint = error.hint ?? 'Check the helper call at the marked place: its message says what it was given; the authors’ guide (section 4) lists each helper with what it takes.';
  else if ((error as { [FROM_VALUE]?: true })[FROM_VALUE]) {
    // (a part's field read inside its points, {{heading}} for {{../heading}}: one level up)
    const name = /^"([^"]+)" is not defined here/.exec(raw)?.[1];
    const up = name !== undefined && (Object.hasOwn(context.parts[0] ?? {}, name) || Object.hasOwn(context, name));
    const example = includes.length ? callExample(file.text) : undefined;
    if (includes.length && typeof given === 'string' && (error as { value?: unknown }).value === given) {
      // ({{> part-slide "northeast"}}: the partial given a text where it takes a part)
      hint = `The partial was given the text «${given}» where it reads the fields of what it shows: ${example ? `include it as its first line shows, ${example}` : 'give it a part, a table or an item of a list, e.g. (part "id")'}.`;
    } else hint = `Inside {{#each}} over a list of texts (points, a highlight list), the item is the text itself: print it with {{this}}${up ? `; the ${name} of what holds the list is one level up: {{../${name}}}` : ''}.`;
  } else if (missing !== undefined) {
    const searched = (error as { [SEARCHED]?: unknown })[SEARCHED];
    const inBlock = ast !== undefined && line !== undefined && column !== undefined && insideBlock(ast, line, column);
    // (inside a partial, most often a name=value the include left out: a misspelt one is MJZ167 before this)
    const siblings = siblingFields(ast, line, column, missing, context);
    const names = siblings ?? fieldNames(context);
    const example = includes.length ? callExample(file.text) : undefined;
    const deckField = includes.length && !siblings ? rootPath(context, missing) : undefined;
    if (example?.split(/\s/).some((word) => word.startsWith(`${missing}=`))) {
      // a name=value the include left out
      hint = `The partial reads "${missing}": pass it where the partial is included, as its first line shows: ${example}.`;
    } else if (bare && !siblings && names.includes(missing)) {
      // spelt right (the context has such a field, deeper): the include did not give the
      // partial the context that holds it, e.g. {{> part-slide}} without its part
      hint = `The partial reads "${missing}", a field of what it is given: ${example ? `include it as its first line shows, ${example}` : 'give it its context where it is included (a part, a table: what the partial prints the fields of)'}.`;
    } else if (deckField) {
      // spelt right, but a field of the deck's context, not of what the partial was given
      hint = `The partial reads "${missing}", but what it is given has no such field: the deck's own is {{@root.${deckField}}}; or pass it where the partial is included (${missing}="…").`;
    } else if (!includes.length && !siblings && inBlock && searched !== null && typeof searched === 'object' && !Array.isArray(searched)) {
      // ({{titel}} inside {{#each sources}}: a field of the item first; {{title}} inside a part's
      // block: the part has none such, the article has, read from the top)
      const own = Object.keys(searched);
      const near = didYouMean(missing, own);
      const deep = near ? undefined : (rootPath(context, missing) ?? rootPath(context, didYouMean(missing, fieldNames(context)) ?? ''));
      hint = near
        ? `Did you mean "${near}"? It is a field of what the block gives.`
        : deep?.includes('.')
          ? `Did you mean {{@root.${deep}}}? "${deep.split('.').pop()}" is a field of ${deep.split('.').slice(0, -1).join('.')}, read from the top of the deck inside a block; what the block gives has ${own.join(', ')}.`
          : `What the block gives has ${own.join(', ') || 'no fields'}; check the spelling, or \`npx mujaz build --emit context\` to see the context.`;
    } else if (!includes.length && !siblings && !inBlock && (rootPath(context, missing)?.includes('.') || rootPath(context, didYouMean(missing, fieldNames(context)) ?? '')?.includes('.'))) {
      // ({{title}}, {{titel}} at the deck's top for the article's title: a field one level down;
      // inside a block the block's own fields come first, as below)
      const deep = rootPath(context, missing) ?? rootPath(context, didYouMean(missing, fieldNames(context))!)!;
      hint = `Did you mean {{${deep}}}? "${deep.split('.').pop()}" is a field of ${deep.split('.').slice(0, -1).join('.')}.`;
    } else {
      const suggestion = didYouMean(missing, names.filter((name) => name !== missing));
      hint = `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
        includes.length
          ? `The partial reads "${missing}": check its spelling, or pass it where the partial is included (${missing}="…")${example ? `; its first line shows how it is included: ${example}` : ''}.`
          : 'The template names a field the context does not have; check the spelling, or `npx mujaz build --emit context` to see the context.'
      }`;
    }
  } else if (error instanceof RangeError && /call stack/i.test(raw)) {
    hint = 'The templates call each other without end; check the partials each one includes.';
  } else {
    hint = 'Check the helper call or block at the marked place.';
  }
  // an error inside a partial: the line that included it, and the ones that included that
  const from = [...includes].reverse();
  return {
    code: 'MJZ161',
    severity: 'error',
    message: `Template error in ${file.path}: ${message}${from.length ? ` (included from ${from.join(', from ')})` : ''}`,
    hint,
    location: { file: file.path, start: line ? { line, column: (column ?? 0) + 1 } : undefined },
    source: line ? file.text : undefined,
    audience,
  };
}

/**
 * A helper's argument read from a holder that is not there ({{source article.source}} inside
 * {{#with (part "x")}}): placed at the first path of the template that reads the field from that
 * holder, one inside a block first (at the deck's top level the holder would be there).
 */
function nothingDiagnostic(of: OfNothing, file: SourceFile, audience: string, context: TemplateContext, includes: readonly string[], ast?: hbs.AST.Program): Diagnostic | undefined {
  const reads = (parts: readonly string[]) => (of.holder === undefined ? parts.indexOf(of.name) > 0 : parts.some((part, i) => part === of.holder && parts[i + 1] === of.name));
  // A read from the deck's top (@root.…, or the deck's own lines outside a block) fails only
  // where the top lacks the holder: @root.article.source never does, @root.data.compositon does.
  const fromTop = (p: hbs.AST.PathExpression, inBlock: boolean) => (p.data ? (p.parts[0] === 'root' ? p.parts.slice(1) : undefined) : !includes.length && !inBlock && p.depth === 0 ? p.parts : undefined);
  const canFail = ({ path: p, inBlock }: { path: hbs.AST.PathExpression; inBlock: boolean }) => {
    const parts = fromTop(p, inBlock);
    if (parts === undefined) return !p.data; // (another @ name: not followed)
    const at = of.holder === undefined ? parts.indexOf(of.name) : parts.findIndex((part, i) => part === of.holder && parts[i + 1] === of.name) + 1;
    const holder = valueAt(context, parts.slice(0, at));
    return holder === null || holder === undefined;
  };
  const found = ast ? pathsOf(ast).filter(({ path }) => reads(path.parts)) : [];
  const at = (p: hbs.AST.PathExpression) => of.loc && p.loc.start.line === of.loc.start.line && p.loc.start.column === of.loc.start.column;
  const path = of.loc ? found.find((f) => at(f.path))?.path : found.find(canFail)?.path;
  // (no path there reads the field from that holder: the holder was another lookup's; said as Handlebars says it)
  if (of.loc && !path) return undefined;
  const written = path?.original ?? (of.holder === undefined ? of.name : `${of.holder}.${of.name}`);
  const holder = of.holder ?? of.name;
  const from = [...includes].reverse();
  // (what holds the holder, read from the deck's top: a list has no named fields, parts.announcement)
  const before = path && of.holder !== undefined && (path.depth === 0 || path.data) ? path.parts.slice(path.data && path.parts[0] === 'root' ? 1 : 0, path.parts.indexOf(of.holder)) : undefined;
  const list = before?.length && !(path!.data && path!.parts[0] !== 'root') ? valueAt(context, before) : undefined;
  let hint: string;
  if (Array.isArray(list)) {
    hint = listHint(before!.join('.'), of.holder!);
  } else if (of.holder !== undefined && Object.hasOwn(context, of.holder) && !path?.data) {
    hint = `Inside {{#with …}} or {{#each …}}${from.length ? ', and in a partial given a part or an item,' : ''} names are read from what the block gives (a part, a table, an item of a list), which has no "${of.holder}": the deck's own is read from the top, as @root.${path?.depth === 0 ? path.original : `${of.holder}.${of.name}`}.`;
  } else if (list !== null && typeof list === 'object' && !from.length) {
    // (article.foo.bar at the deck's top: the fields article has)
    const fields = Object.keys(list);
    const suggestion = didYouMean(holder, fields);
    hint = `${suggestion ? `Did you mean "${before!.join('.')}.${suggestion}"? ` : ''}${fields.length <= 12 ? `The fields of ${before!.join('.')}: ${fields.join(', ')}.` : 'Check the spelling, or `npx mujaz build --emit context` to see the context.'}`;
  } else {
    const suggestion = of.holder === undefined ? undefined : didYouMean(of.holder, fieldNames(context).filter((name) => name !== of.holder));
    hint = `${suggestion ? `Did you mean "${suggestion}"? ` : ''}${
      from.length ? `The partial reads "${holder}": check its spelling, or pass it where the partial is included (${holder}="…").` : 'The template names a field the context does not have; check the spelling, or `npx mujaz build --emit context` to see the context.'
    }`;
  }
  return {
    code: 'MJZ161',
    severity: 'error',
    message: `Template error in ${file.path}: ${of.holder === undefined ? `there is nothing here to read "${of.name}" from` : `"${of.holder}" is not defined here, so ${written} cannot be read`}${from.length ? ` (included from ${from.join(', from ')})` : ''}`,
    hint,
    location: { file: file.path, start: path ? { line: path.loc.start.line, column: path.loc.start.column + 1 } : undefined },
    source: path ? file.text : undefined,
    audience,
  };
}

/** The value at a path from the deck's top (parts.0.points), or undefined. */
function valueAt(context: TemplateContext, parts: readonly string[]): unknown {
  let value: unknown = context;
  for (const part of parts) value = value !== null && typeof value === 'object' && Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}

/** What to say of a name read from a list as if it were a field (parts.announcement). */
function listHint(list: string, name: string): string {
  const by = list === 'parts' ? 'part' : list === 'tables' ? 'table' : undefined;
  return `${list} is a list: its items are read in turn with {{#each ${list}}} … {{/each}}, or one by its number (${list}.[0])${by ? `; a ${by} by its id is (${by} "${name}"), e.g. {{#with (${by} "${name}")}}` : ''}.`;
}

/**
 * The argument of the helper call at `line` and `column` (Handlebars' place, the column from 0)
 * that names a field which does not exist ({{json @root.data.growth.categoris}}): the path, the
 * name of the missing field and what lacks it. Paths are followed from the context at the call
 * and from @root; those read from a block above (../x) or from other @ names are not followed.
 */
type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
/** The calls of each template by their place, found once (a block over an absent value asks for its own at every turn of a list). */
const CALLS = new WeakMap<hbs.AST.Program, Map<string, Call>>();

/** The helper call or block that starts at `line` and `column` (Handlebars' place, the column from 0). */
function callAt(ast: hbs.AST.Program, line: number, column: number): Call | undefined {
  let calls = CALLS.get(ast);
  if (!calls) {
    const found = new Map<string, Call>();
    everyNode(ast, (n) => {
      const key = n.loc ? `${n.loc.start.line}:${n.loc.start.column}` : '';
      if ((n.type === 'MustacheStatement' || n.type === 'SubExpression' || n.type === 'BlockStatement') && n.loc && !found.has(key)) found.set(key, n as unknown as Call);
    });
    CALLS.set(ast, (calls = found));
  }
  return calls.get(`${line}:${column}`);
}

function missingArgument(ast: hbs.AST.Program | undefined, line: number, column: number, scope: HelperError['scope']): { helper: string; path: hbs.AST.PathExpression; name: string; parent: object } | undefined {
  if (!ast || !scope) return undefined;
  const call = callAt(ast, line, column);
  const helper = call?.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : undefined;
  if (!call || helper === undefined) return undefined;
  for (const param of call.params) {
    if (param.type !== 'PathExpression') continue;
    const path = param as hbs.AST.PathExpression;
    let value: unknown;
    let parts = path.parts;
    if (path.data) {
      if (parts[0] !== 'root') continue;
      value = scope.root;
      parts = parts.slice(1);
    } else if (path.depth === 0) value = scope.self;
    else continue;
    for (const part of parts) {
      if (value === null || typeof value !== 'object') break;
      if (!Object.hasOwn(value, part)) return { helper, path, name: part, parent: value };
      value = (value as Record<string, unknown>)[part];
    }
  }
  return undefined;
}

/**
 * What is in scope at the block that starts at `line` and `column` (Handlebars' place, the column
 * from 0): the names of the blocks around it (`{{#each sources as |s|}}`: s), and whether it is
 * inside an inline partial ({{#*inline "x"}}), which runs wherever it is included.
 */
const SCOPES = new WeakMap<hbs.AST.Program, Map<string, { blockParams: Set<string>; inline: boolean }>>();
function scopeAt(ast: hbs.AST.Program, line: number, column: number): { blockParams: Set<string>; inline: boolean } {
  let scopes = SCOPES.get(ast);
  if (!scopes) SCOPES.set(ast, (scopes = new Map()));
  const key = `${line}:${column}`;
  const known = scopes.get(key);
  if (known) return known;
  const found = { blockParams: new Set<string>(), inline: false };
  scopes.set(key, found);
  const visit = (node: unknown, params: readonly string[], inline: boolean): boolean => {
    if (!node || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some((n) => visit(n, params, inline));
    const n = node as hbs.AST.Node & { program?: hbs.AST.Program; inverse?: hbs.AST.Program; body?: unknown[] };
    if (n.type === 'BlockStatement' && n.loc.start.line === line && n.loc.start.column === column) {
      found.blockParams = new Set(params);
      found.inline = inline;
      return true;
    }
    if (n.type === 'Program') return visit(n.body, params, inline);
    if (n.type === 'BlockStatement' || n.type === 'DecoratorBlock') {
      const inner = n.type === 'DecoratorBlock' || inline;
      return visit(n.program, [...params, ...(n.program?.blockParams ?? [])], inner) || visit(n.inverse, [...params, ...(n.inverse?.blockParams ?? [])], inner);
    }
    return false;
  };
  visit(ast, [], false);
  return found;
}

/** The include a partial's opening comment shows ({{> part-slide (part "northeast")}}), if it shows one. */
export function callExample(text: string): string | undefined {
  const comment = /^\s*\{\{!--([\s\S]*?)--\}\}/.exec(text)?.[1] ?? /^\s*\{\{!([\s\S]*?)\}\}/.exec(text)?.[1];
  return comment ? /\{\{>[^{}]*(?:\([^()]*\)[^{}]*)*\}\}/.exec(comment)?.[0] : undefined;
}

/** Whether the path at the place (Handlebars' line, and column from 0) is inside a block that gives another context ({{#each}}, {{#with}}). */
function insideBlock(ast: hbs.AST.Program, line: number, column: number): boolean {
  return pathsOf(ast).some(({ path, inBlock }) => inBlock && path.loc.start.line === line && path.loc.start.column === column);
}

/** The path from the context's root to a field named `name` outside any list (article.subtitle), if there is one within three levels. */
function rootPath(context: TemplateContext, name: string): string | undefined {
  const queue: { value: unknown; path: string[] }[] = [{ value: context, path: [] }];
  while (queue.length) {
    const { value, path } = queue.shift()!;
    if (value === null || typeof value !== 'object' || Array.isArray(value) || path.length > 2) continue;
    if (Object.hasOwn(value, name)) return [...path, name].join('.');
    for (const [k, v] of Object.entries(value)) queue.push({ value: v, path: [...path, k] });
  }
  return undefined;
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
 * A partial of slides (its lines begin "  - kind:") included on a line of its own with more or
 * fewer spaces before it than the slides: list's other items: Handlebars puts those spaces
 * before every line of the partial, which moves its slides out of line with the list; the YAML
 * error that follows was reported in the partial, which is right as it is. Said at the include.
 * (Includes all indented alike, with no slide written beside them, make a list that is in line.)
 */
function indentedSlides(templates: TemplateSet, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, audience: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // (lines of Handlebars comments print nothing: a "- kind:" shown in one is no slide)
  const printed = (text: string) => text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
  const itemIndent = (text: string) => /^( *)- kind:/m.exec(printed(text))?.[1]!.length;
  for (const [file, ast] of asts) {
    // where each slide of the list starts: the file's own "- kind:" lines, and each include's
    const items: { column: number; include?: { name: string; node: hbs.AST.PartialStatement; indent: number } }[] = [];
    for (const m of printed(file.text).matchAll(/^( *)- kind:/gm)) items.push({ column: m[1]!.length });
    const lines = file.text.split('\n');
    for (const { name, node } of partialCalls(ast)) {
      const partial = templates.partials.get(name);
      const inner = partial ? itemIndent(partial.text) : undefined;
      const indent = ((node as { indent?: string }).indent ?? '').length;
      const line = lines[node.loc.start.line - 1] ?? '';
      const alone = line.slice(0, node.loc.start.column).trim() === '' && (node.loc.end.line > node.loc.start.line || line.slice(node.loc.end.column).trim() === '');
      if (inner !== undefined && alone) items.push({ column: indent + inner, include: { name, node, indent } });
    }
    const counts = new Map<number, number>();
    for (const { column } of items) counts.set(column, (counts.get(column) ?? 0) + 1);
    if (counts.size < 2) continue;
    const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    for (const { column, include } of items) {
      if (!include || column === usual) continue;
      const { name, node, indent } = include;
      const want = indent + usual - column;
      const partial = templates.partials.get(name)!;
      if (indent === 0) {
        // (nothing put before the partial's lines: its own slides stand out of line)
        const at = printed(partial.text).split('\n').findIndex((l) => /^ *- kind:/.test(l));
        diagnostics.push({
          code: 'MJZ170',
          severity: 'error',
          message: `The slides of "${name}" stand ${column} spaces in, where the slides: list's other items stand ${usual}`,
          hint: `Indent the partial's slides ${usual} spaces in (the "- kind:" lines, and their fields with them).`,
          location: { file: partial.path, start: { line: at + 1, column: 1 } },
          source: partial.text,
          audience,
        });
        continue;
      }
      diagnostics.push({
        code: 'MJZ170',
        severity: 'error',
        message: `The include of "${name}" stands ${indent} space${indent === 1 ? '' : 's'} in: Handlebars puts them before every line of the partial, whose slides would be out of line with the slides: list's other items`,
        hint: want >= 0 ? `Start the include ${want === 0 ? 'at the beginning of its line' : `${want} space${want === 1 ? '' : 's'} in`}, as the slides: list's other items are.` : "Line the include up with the slides: list's other items.",
        location: { file: file.path, start: { line: node.loc.start.line, column: 1 } },
        source: file.text,
        audience,
      });
    }
  }
  return diagnostics;
}

/**
 * Partials that include themselves, directly or through others, would recurse until the stack
 * runs out; the cycle is reported at the include that closes it.
 */
function partialCycles(templates: TemplateSet, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, audience: string): Diagnostic[] {
  const includes = new Map<string, readonly { name: string; node: hbs.AST.PartialStatement }[]>();
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

/**
 * The names a partial reads from the context it is given (so from the name=value pairs of its
 * include): the first part of each path at the partial's own level (title, not article.title;
 * not a field of a {{#each}} item, but ../title from inside it), lookup's quoted fields there,
 * and the same of the partials it includes without a context of their own. Undefined when it
 * hands its whole context on or looks a name up by a value ({{> x this}}, {{#each this}},
 * {{lookup . key}}): what it reads cannot be known.
 */
function namesRead(name: string, templates: TemplateSet, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, seen = new Set<string>()): Set<string> | undefined {
  const names = new Set<string>();
  const file = templates.partials.get(name);
  const ast = file && asts.get(file);
  if (!ast || seen.has(name)) return names;
  seen.add(name);
  let whole = false;
  const CONTEXT_BLOCKS = new Set(['each', 'with']);
  /** A path read at `level` blocks below the partial's own context. */
  const path = (p: hbs.AST.PathExpression, level: number, handedOn: boolean) => {
    if (p.data) return;
    if (p.depth === level) {
      if (p.parts.length) names.add(p.parts[0]!);
      else if (handedOn) whole = true; // `this` itself, handed to something
    }
  };
  const expression = (e: hbs.AST.Expression | undefined, level: number, handedOn: boolean): void => {
    if (!e) return;
    if (e.type === 'PathExpression') return path(e as hbs.AST.PathExpression, level, handedOn);
    if (e.type === 'SubExpression') call(e as hbs.AST.SubExpression, level);
  };
  const call = (c: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, level: number) => {
    const helper = c.path.type === 'PathExpression' ? (c.path as hbs.AST.PathExpression).original : undefined;
    if (helper === 'lookup' && c.params[0]?.type === 'PathExpression' && (c.params[0] as hbs.AST.PathExpression).parts.length === 0 && (c.params[0] as hbs.AST.PathExpression).depth === level) {
      const field = c.params[1];
      if (field?.type === 'StringLiteral') names.add((field as hbs.AST.StringLiteral).value);
      else whole = true;
    }
    if (c.path.type === 'PathExpression' && (c.params.length || c.hash)) {
      // a helper's name is no read; a field called without arguments is
    } else expression(c.path, level, false);
    c.params.forEach((p) => expression(p, level, true));
    c.hash?.pairs.forEach((p) => expression(p.value, level, true));
  };
  const statements = (body: hbs.AST.Statement[] | undefined, level: number): void => {
    for (const s of body ?? []) {
      if (s.type === 'MustacheStatement' || s.type === 'SubExpression') call(s as hbs.AST.MustacheStatement, level);
      else if (s.type === 'BlockStatement') {
        const b = s as hbs.AST.BlockStatement;
        call(b, level);
        const inner = CONTEXT_BLOCKS.has((b.path as hbs.AST.PathExpression).original) ? level + 1 : level;
        statements(b.program?.body, inner);
        statements(b.inverse?.body, level);
      } else if (s.type === 'PartialStatement' || s.type === 'PartialBlockStatement') {
        const p = s as hbs.AST.PartialStatement;
        p.params.forEach((e) => expression(e, level, true));
        p.hash?.pairs.forEach((pair) => expression(pair.value, level, true));
        const included = p.name.type === 'PathExpression' ? (p.name as hbs.AST.PathExpression).original : undefined;
        if (included && p.params.length === 0 && level === 0) {
          const inner = namesRead(included, templates, asts, seen);
          if (inner === undefined) whole = true;
          else inner.forEach((n) => names.add(n));
        }
      }
    }
  };
  statements(ast.body, 0);
  return whole ? undefined : names;
}

/**
 * A name=value given to a partial that the partial never reads is lost without a word
 * (calout="…" for callout="…", a title the partial does not take): an error at the include.
 */
function unreadParameters(templates: TemplateSet, asts: ReadonlyMap<SourceFile, hbs.AST.Program>, audience: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const read = new Map<string, Set<string> | undefined>();
  for (const [file, ast] of asts) {
    for (const { name, node } of partialCalls(ast)) {
      if (!templates.partials.has(name) || !node.hash) continue;
      if (!read.has(name)) read.set(name, namesRead(name, templates, asts));
      const names = read.get(name);
      if (!names) continue; // it hands its context on whole: what it reads cannot be known
      for (const pair of node.hash.pairs) {
        if (names.has(pair.key)) continue;
        const near = didYouMean(pair.key, [...names].filter((n) => /^[a-z][A-Za-z]*$/.test(n)));
        diagnostics.push({
          code: 'MJZ167',
          severity: 'error',
          message: `The partial "${name}" does not read ${pair.key}=: the value would be lost`,
          hint: `${near ? `Did you mean ${near}=? ` : ''}The partial's first line says what it takes; to change what it prints, copy it into the audience's partials/ folder as ${name}.hbs and edit the copy.`,
          location: { file: file.path, start: { line: pair.loc.start.line, column: pair.loc.start.column + 1 } },
          source: file.text,
          audience,
        });
      }
    }
  }
  return diagnostics;
}

/**
 * A partial of the audience's own folder that the deck never includes, directly or through other
 * partials: most often one meant to replace a shared partial, under a name that does not match
 * it (growth_chart.hbs for growth-chart), so the shared one is drawn instead. A warning.
 */
function unusedOwnPartials(templates: TemplateSet, included: ReadonlySet<string>, audience: string): Diagnostic[] {
  const own = `templates/${audience}/partials/`;
  return [...templates.partials]
    .filter(([name, file]) => file.path.replace(/\\/g, '/').startsWith(own) && !included.has(name))
    .flatMap(([name, file]) => {
      // Only a near miss is said: a partial kept for the audiences that extend this one, which
      // this expansion does not see, is no mistake.
      const near = didYouMean(name.replace(/_/g, '-'), [...included]) ?? didYouMean(name, [...included]);
      if (!near) return [];
      return {
        code: 'MJZ169',
        severity: 'warning' as const,
        message: `The partial "${name}" of this audience is never included, and "${near}" is: a copy meant to replace it?`,
        hint: `To replace the partial "${near}" for this audience, name the file ${near}.hbs; otherwise include it with {{> ${name}}} or remove it.`,
        location: { file: file.path },
        audience,
      };
    });
}

