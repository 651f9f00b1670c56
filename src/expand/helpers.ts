import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import { STATES, type NamedState, type TemplateContext } from '../audience/context.js';
import { didYouMean } from '../diagnostics/diagnostic.js';
import { factsPrintedIn, markFact, markValue } from '../facts/markers.js';
import { isCalendarDate } from '../content/schema.js';
import { countNoun, formatDate, formatNumber, formatPercent, formatYear, withUnit, type NounForms } from '../format/arabic.js';

/** Thrown by a helper for a problem in the template's use of it (shown with the template's location). */
export class HelperError extends Error {
  /** Where in the template the helper was called (filled in by the wrapper). */
  loc?: { start: { line: number; column: number } };
  /**
   * What the call's arguments were read from (filled in by the wrapper): the context at the call
   * (`this`) and the root (`@root`), so that an argument that came to nothing can be traced to
   * the field of it that does not exist.
   */
  scope?: { self: unknown; root: unknown };
  constructor(
    message: string,
    /** What to do, where the helper knows better than the general hint. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'HelperError';
  }
}

type Helper = (...args: never[]) => unknown;

/**
 * Wraps each helper: a HelperError gets the call's template position; and a helper named like
 * a field (date, source, table...) called without arguments reads that field, as a template
 * author expects from {{date}} inside {{#each sources}}.
 */
function located<T extends Record<string, Helper>>(helpers: T): T {
  const out: Record<string, Helper> = {};
  for (const [name, fn] of Object.entries(helpers)) {
    out[name] = function (this: unknown, ...args: never[]) {
      if (args.length === 1 && fn.length > 0 && this !== null && typeof this === 'object' && Object.hasOwn(this, name)) {
        return (this as Record<string, unknown>)[name];
      }
      try {
        return fn(...args);
      } catch (error) {
        const options = args[args.length - 1] as { loc?: HelperError['loc']; data?: { root?: unknown } } | undefined;
        if (error instanceof HelperError && !error.loc) {
          error.loc = options?.loc;
          error.scope = { self: this, root: options?.data?.root };
        }
        throw error;
      }
    };
  }
  return out as T;
}

/**
 * The helpers templates may call. Each takes the template context from the root data, so it
 * prints figures in the audience's digits. Helpers returning structured data (json) return
 * a SafeString that is valid YAML as it is.
 */
/** The helper's options object, which Handlebars passes last (a helper called with too few arguments receives it in their place). */
const isOptions = (value: unknown): boolean => value !== null && typeof value === 'object' && 'hash' in value && 'data' in value;

/**
 * What {{factValue "key"}} returns: the fact's raw value with its key, so that the use is counted
 * wherever the value lands (a chart's values through json, or num, percent, year). Helpers
 * read the value; printed as it is, it is the raw value, marked as a use.
 */
export class FactValue {
  constructor(
    readonly key: string,
    readonly value: number | string,
  ) {}
  toString(): string {
    return markFact(this.key, String(this.value));
  }
}

/** The value a helper works on: a fact's value, not its box. */
export const unwrap = (value: unknown): unknown => (value instanceof FactValue ? value.value : value);

/** The output of a helper that formats `args`, marked as a use of each fact among them. */
function marked(text: string, ...args: unknown[]): string {
  return args.reduceRight<string>((acc, a) => (a instanceof FactValue ? markFact(a.key, acc) : acc), text);
}

/** A finite number from a helper argument, or a HelperError naming the helper and what it got: never NaN or ∞ on a slide. */
function numberArg(boxed: unknown, helper: string, example: string): number {
  const value = unwrap(boxed);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/,/g, '')) : Number.NaN;
  if (!Number.isFinite(n)) {
    const got =
      value === undefined || isOptions(value) ? 'nothing (a missing argument or field?)' : value !== null && typeof value === 'object' ? (Array.isArray(value) ? 'a list' : 'a mapping') : JSON.stringify(value);
    throw new HelperError(`${helper} needs a number, e.g. ${example}; it got ${got}`);
  }
  return n;
}

/**
 * The lookups by name a template makes (a fact by its key, a part, source, table or highlight
 * list by its id): each returns what it names, or throws a HelperError that says what there is.
 * The helpers call them as the template runs; the check before it (names.ts) calls them on every
 * name written out in the templates, so that every unknown one is reported in one run.
 */
export function createLookups(root: TemplateContext) {
  const fact = (key: unknown) => {
    if (typeof key !== 'string') throw new HelperError(`fact needs a fact key in quotes, e.g. {{fact "coalition.members"}}`);
    // Own keys only: "constructor" or "__proto__" must not reach Object.prototype.
    const f = Object.hasOwn(root.facts, key) ? root.facts[key] : undefined;
    if (!f) {
      const suggestion = didYouMean(key, Object.keys(root.facts));
      const keys = Object.keys(root.facts);
      const known = keys.length > 12 ? `${keys.slice(0, 12).join(', ')}… (npx mujaz facts lists them all)` : keys.join(', ') || 'none';
      throw new HelperError(`unknown fact "${key}"${suggestion ? `; did you mean "${suggestion}"?` : `; facts: ${known}`}`);
    }
    return f;
  };
  return {
    fact,
    source(id: unknown) {
      if (typeof id !== 'string') throw new HelperError('source needs a source id in quotes, e.g. {{source "A1"}}');
      const s = root.sources.find((x) => x.id === id) ?? root.datasetSources.find((x) => x.id === id);
      if (!s) {
        const ids = [...root.sources, ...root.datasetSources].map((x) => x.id);
        const suggestion = didYouMean(String(id), ids);
        throw new HelperError(`unknown source "${String(id)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the deck cites ${root.sources.map((x) => x.id).join(', ')}${root.datasetSources.length ? ' and the dataset’s sources' : ''}`);
      }
      return s;
    },
    part(id: unknown) {
      // ({{part}} with no id: Handlebars passes its options object in its place)
      if (isOptions(id)) throw new HelperError(`part takes the id of a part of the outline in quotes, e.g. (part "${root.parts[0]?.id ?? 'announcement'}"); parts: ${root.parts.map((x) => x.id).join(', ')}`);
      const p = root.parts.find((x) => x.id === String(id)); // (an id of digits may be written unquoted: (part 2024))
      if (!p) {
        const ids = root.parts.map((x) => x.id);
        const suggestion = didYouMean(String(id), ids);
        throw new HelperError(`unknown part "${String(id)}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; parts: ${ids.join(', ')}`);
      }
      return p;
    },
    table(id: unknown) {
      if (isOptions(id)) throw new HelperError(`table takes the id of a table of the outline in quotes, e.g. (table "${Object.keys(root.tables)[0] ?? 'gains'}")`);
      const t = Object.hasOwn(root.tables, String(id)) ? root.tables[String(id)] : undefined;
      if (!t) {
        const near = didYouMean(String(id), Object.keys(root.tables));
        throw new HelperError(`unknown table "${String(id)}"${near ? ` (did you mean "${near}"?)` : ''}; tables: ${Object.keys(root.tables).join(', ') || 'none'}`);
      }
      return t;
    },
    /**
     * The state code isMember is given, checked: a two-letter ISO 3166 code in capitals, as the
     * dataset's iso2 writes it. A code the dataset does not list ("XX", a state that is no member)
     * is a code all the same, not a member; anything else ("fr", "France", «فرنسا») would only
     * ever answer false, and is an error, with the code of the state it names.
     */
    memberCode(code: unknown) {
      if (typeof code !== 'string') throw new HelperError('isMember needs a state\'s ISO code in quotes, e.g. (isMember "SY")');
      if (/^[A-Z]{2}$/.test(code)) return code;
      const meant = stateMeant(code, root.data[STATES] ?? []);
      throw new HelperError(
        `isMember takes a state's two-letter ISO 3166 code in capitals, as the dataset's iso2 writes it: given ${JSON.stringify(code)}, it would always answer no${
          meant ? `; did you mean "${meant.iso2}"${meant.name ? ` (${meant.name})` : ''}?` : ''
        }`,
        meant
          ? `Write (isMember "${meant.iso2}"): the dataset (content/data/coalition-members.yaml) gives each state's code as its iso2.`
          : 'Write the code the dataset (content/data/coalition-members.yaml) gives the state as its iso2, e.g. (isMember "SY"). A state the dataset does not list is no member: its code answers no.',
      );
    },
    highlight(id: unknown) {
      const h = Object.hasOwn(root.highlights, String(id)) ? root.highlights[String(id)] : undefined;
      if (!h) {
        const near = didYouMean(String(id), Object.keys(root.highlights));
        throw new HelperError(`unknown highlight list "${String(id)}"${near ? ` (did you mean "${near}"?)` : ''}; lists: ${Object.keys(root.highlights).join(', ') || 'none'}`);
      }
      return h;
    },
  };
}
export type Lookups = ReturnType<typeof createLookups>;

/** A name written for comparison: lower case, without short vowels, tatweel or the hamza forms of alef, its spaces single. */
const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The state a code that is not one was meant to name: the same letters in capitals ("fr": FR),
 * or the state of the dataset with that English or Arabic name (or the name in its brackets,
 * «كوريا الجنوبية»), written alike or nearly so ("France", «فرنسا», "Frnace"): its code and name.
 */
export function stateMeant(input: string, states: readonly NamedState[]): { iso2: string; name?: string } | undefined {
  const trimmed = input.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const iso2 = trimmed.toUpperCase();
    return { iso2, name: states.find((s) => s.iso2 === iso2)?.en };
  }
  const byName = new Map<string, NamedState>();
  for (const state of states) {
    for (const name of [state.en, state.ar]) {
      // "جمهورية كوريا (كوريا الجنوبية)": the whole name, and each of its two
      for (const variant of [name, ...(/^(.*?)\s*\((.*)\)\s*$/.exec(name)?.slice(1) ?? [])]) {
        const key = nameKey(variant);
        if (key && !byName.has(key)) byName.set(key, state);
      }
    }
  }
  const key = nameKey(trimmed);
  const state = byName.get(key) ?? byName.get(key.replace(/^ال/, '')) ?? byName.get(`ال${key}`);
  const near = state ?? (key.length >= 4 ? byName.get(didYouMean(key, [...byName.keys()]) ?? '') : undefined);
  return near && { iso2: near.iso2, name: near.en };
}

export function createHelpers(root: TemplateContext) {
  const digits = root.theme.digits;
  const lookups = createLookups(root);
  /**
   * The fact keys named by a helper's arguments: a key as it is; a list as its items; a text that
   * prints facts (a point) as the facts it prints: {{factSources callout points}} names the
   * sources of the callout's figure and the points'. A text that prints no figure (a part's
   * notes) adds none; a key is looked up, and a misspelt one said.
   */
  const keysIn = (args: readonly unknown[]): unknown[] => {
    const printed = (a: unknown) => (typeof a === 'string' ? factsPrintedIn(a) : []);
    return args.flatMap((a) =>
      Array.isArray(a)
        ? // (an item of a list: a fact's key, or a text, with or without facts in it)
          a.flatMap((item) => (typeof item === 'string' && Object.hasOwn(root.facts, item) ? [item] : printed(item)))
        : printed(a).length
          ? printed(a)
          : typeof a === 'string' && !Object.hasOwn(root.facts, a) && !/^[A-Za-z][\w.-]*$/.test(a) // (a word, arab_states, is a key misspelt)
            ? []
            : [a],
    );
  };
  const { fact } = lookups;
  return located({
    /** {{fact "ffis.projects"}} → 1,100; with qualifier=true → أكثر من 1,100; with unit=true, its unit after it (48%, 4.5 مليار دولار) */
    fact(key: unknown, options: HelperOptions) {
      const f = fact(key);
      // (qualifier="false" is a text, and true: only the words true and false, unquoted)
      for (const name of ['qualifier', 'unit'] as const) {
        const value: unknown = options.hash[name];
        if (value !== undefined && typeof value !== 'boolean') throw new HelperError(`fact takes ${name}=true or ${name}=false, unquoted, e.g. {{fact "${f.key}" ${name}=true}}; it got ${name}=${JSON.stringify(value)}`);
      }
      return markFact(f.key, `${options.hash.qualifier && f.qualifier ? `${f.qualifier} ` : ''}${withUnit(f.text, options.hash.unit ? f.unit : undefined)}`);
    },
    /** {{#if (hasFact "ffis.projects")}}: whether the project has the fact (for a template that fits outlines with and without it) */
    hasFact(key: unknown) {
      if (typeof key !== 'string') throw new HelperError('hasFact needs a fact key in quotes, e.g. (hasFact "coalition.members")');
      return Object.hasOwn(root.facts, key);
    },
    /**
     * {{lookup list 1}}, {{lookup part "short"}}: Handlebars' lookup, strict like the rest of the
     * template: an item past the end of a list, or a field the mapping does not have, is an error
     * at the call, not an empty text on the slide.
     */
    lookup(target: unknown, boxedField: unknown) {
      const field = unwrap(boxedField);
      if (Array.isArray(target)) {
        const i = typeof field === 'number' && Number.isInteger(field) ? field : typeof field === 'string' && /^\d+$/.test(field) ? Number(field) : Number.NaN;
        if (!Number.isInteger(i)) throw new HelperError(`lookup of a list needs an item number (from 0), e.g. (lookup list 1); it got ${JSON.stringify(field)}`);
        if (i < 0 || i >= target.length) throw new HelperError(`lookup asks for item ${i} of a list of ${target.length} (its items are numbered 0 to ${target.length - 1}): ${target.length ? 'ask for one it has' : 'the list is empty'}`);
        return target[i];
      }
      if (target !== null && typeof target === 'object' && !isOptions(target)) {
        const name = String(field);
        if (!Object.hasOwn(target, name)) {
          const fields = Object.keys(target);
          const suggestion = didYouMean(name, fields);
          throw new HelperError(`lookup asks for "${name}", which is not here${suggestion ? `; did you mean "${suggestion}"?` : `; fields: ${fields.join(', ') || 'none'}`}`);
        }
        return (target as Record<string, unknown>)[name];
      }
      throw new HelperError(`lookup needs a list or a mapping first; it got ${target === undefined || isOptions(target) ? 'nothing (a missing argument or field?)' : JSON.stringify(target)}`);
    },
    /** {{factLabel "ffis.projects"}} → the fact's label */
    factLabel(key: unknown) {
      return fact(key).label;
    },
    /** {{json (factValue "coalition.members")}} → the raw value, for a chart's values (counted as a use of the fact) */
    factValue(key: unknown) {
      const f = fact(key);
      return new FactValue(f.key, f.value);
    },
    /** {{count "coalition.members" one="عضو" two="عضوان" few="أعضاء" many="عضواً" other="عضو"}} */
    count(key: unknown, options: HelperOptions) {
      const f = fact(key);
      if (typeof f.value !== 'number') throw new HelperError(`count needs a fact that is a number; "${f.key}" is ${JSON.stringify(f.value)}: print it with {{fact "${f.key}"}}`);
      const forms = options.hash as Partial<NounForms>;
      const missing = (['one', 'two', 'few', 'many', 'other'] as const).filter((form) => typeof forms[form] !== 'string');
      if (missing.length) throw new HelperError(`count needs the noun forms one, two, few, many and other (missing ${missing.map((form) => `${form}=`).join(', ')})`);
      return markFact(f.key, countNoun(f.value, forms as NounForms, digits));
    },
    /** {{num 1234}} → 1,234 in the audience's digits; with grouping=false, 1234 (a number that names something: a resolution, «القرار 2254») */
    num(value: unknown, options: HelperOptions) {
      const n = numberArg(value, 'num', '{{num 1234}}');
      const grouping: unknown = options.hash.grouping ?? true;
      if (typeof grouping !== 'boolean') throw new HelperError(`num takes grouping=false, unquoted, e.g. {{num 2254 grouping=false}}; it got grouping=${JSON.stringify(grouping)}`);
      return marked(formatNumber(n, digits, { grouping }), value);
    },
    year(value: unknown) {
      const year = numberArg(value, 'year', '{{year 2014}}');
      if (!Number.isInteger(year)) throw new HelperError(`year needs a whole year, e.g. {{year 2014}}; it got ${JSON.stringify(value)}`);
      return marked(formatYear(year, digits), value);
    },
    date(boxed: unknown) {
      const value = unwrap(boxed);
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      if (!isCalendarDate(text) && !/^\d{4}$/.test(text.trim())) {
        throw new HelperError(`date needs a date written YYYY-MM-DD, YYYY-MM or YYYY, e.g. {{date "2025-11-03"}}; ${text ? `"${text}" is not a date of the calendar` : 'it got nothing (a missing argument or field?)'}`);
      }
      return marked(formatDate(text, digits), boxed);
    },
    percent(part: unknown, whole: unknown) {
      const of = numberArg(whole, 'percent', '{{percent 36 89}} (36 of 89)');
      if (of === 0) throw new HelperError('percent of a whole that is 0 has no value: check the second argument');
      return marked(formatPercent(numberArg(part, 'percent', '{{percent 36 89}} (36 of 89)') / of, digits), part, whole);
    },
    /** {{json value}}: the value as YAML flow (JSON), for lists and numbers. */
    json(value: unknown) {
      // A missing field would print null and pass for a value; say so where it happens.
      if (value === undefined || isOptions(value)) throw new HelperError('json was given nothing: the field it names does not exist here (check its spelling and the context: --emit context writes it out)');
      if (value instanceof FactValue) {
        return new Handlebars.SafeString(typeof value.value === 'number' ? markValue(value.key, value.value) : JSON.stringify(markFact(value.key, value.value)));
      }
      return new Handlebars.SafeString(JSON.stringify(value));
    },
    /** {{source "A1"}} → the source's title */
    source(id: unknown) {
      return lookups.source(id).title;
    },
    /** {{#with (part "northeast")}}: one part of the outline by its id */
    part(id: unknown) {
      return lookups.part(id);
    },
    /** {{#with (table "gains")}}: a summary table of the outline by its id */
    table(id: unknown) {
      return lookups.table(id);
    },
    /** {{#each (highlight "watch")}}: a named list of key messages from the outline */
    highlight(id: unknown) {
      return lookups.highlight(id);
    },
    /**
     * {{factSources "ffis.projects" "ffis.locations"}} → A1; {{factSources "coalition.members"}} →
     * D1، A1: the ids of the sources the facts' values come from, then of a source that states the
     * same figure (the article, while the data agrees with it), each once, for a slide's source
     * line. The ids are those of the sources slide.
     */
    factSources(...args: unknown[]) {
      const keys = keysIn(args.slice(0, -1));
      if (args.length < 2) throw new HelperError('factSources needs one or more fact keys in quotes, e.g. {{factSources "ffis.projects"}}');
      if (keys.length === 0) return '';
      const ids: string[] = [];
      for (const key of keys) {
        const f = fact(key);
        for (const id of [...f.sources, ...(f.statedBy !== undefined && f.stated === f.value ? [f.statedBy] : [])]) if (!ids.includes(id)) ids.push(id);
      }
      return ids.join('، ');
    },
    /**
     * {{#if (asInArticle "coalition.arab_states" ...)}}: whether each fact shows the figure the
     * article states, as the facts record it (stated by the article's source). For wording that
     * claims agreement with the article, which must not survive a change in the data: false once
     * a fact shows another figure, states another source's, or no longer records the article's.
     */
    asInArticle(...args: unknown[]) {
      if (args.length < 2) throw new HelperError('asInArticle needs one or more fact keys in quotes, e.g. (asInArticle "coalition.arab_states")');
      const keys = keysIn(args.slice(0, -1));
      return keys.every((key) => {
        const f = fact(key);
        return f.stated !== undefined && f.statedBy === root.article.source && f.stated === f.value;
      });
    },
    /** {{#unless (isMember "SY")}}: whether the data lists that state (its ISO 3166 code, in capitals) as a member */
    isMember(iso2: unknown) {
      return root.data.members.includes(lookups.memberCode(iso2));
    },
    /** {{#each (where sources "kind" "report")}}: the items whose field equals the value */
    where(list: unknown, field: unknown, value: unknown) {
      if (!Array.isArray(list)) throw new HelperError('where needs a list, a field name and a value');
      return list.filter((item) => item !== null && typeof item === 'object' && (item as Record<string, unknown>)[String(field)] === unwrap(value));
    },
    /**
     * {{#each (chunk list 16)}}: the list cut into runs of at most n items, e.g. one slide each, as
     * even as can be (17 items: 9 and 8, not 16 and a lone one on a slide of its own), the longer first
     */
    chunk(list: unknown, size: unknown) {
      const n = Number(unwrap(size));
      if (!Array.isArray(list) || !Number.isInteger(n) || n < 1) throw new HelperError('chunk needs a list and a whole number, e.g. (chunk sources 16)');
      const runs = Math.ceil(list.length / n);
      const base = Math.floor(list.length / runs);
      const longer = list.length % runs; // the first runs take one more
      const start = (i: number) => i * base + Math.min(i, longer);
      return Array.from({ length: runs }, (_, i) => list.slice(start(i), start(i + 1)));
    },
    /** {{#each (take points 3)}}: the first n items of a list (all of them when it has fewer) */
    take(list: unknown, size: unknown) {
      const n = Number(unwrap(size));
      if (!Array.isArray(list) || !Number.isInteger(n) || n < 1) throw new HelperError('take needs a list and a whole number, e.g. (take points 3)');
      return list.slice(0, n);
    },
    eq(a: unknown, b: unknown) {
      return unwrap(a) === unwrap(b);
    },
    /** {{add 1 @index}} for numbering */
    add(a: unknown, b: unknown) {
      const sum = numberArg(a, 'add', '{{add 1 @index}}') + numberArg(b, 'add', '{{add 1 @index}}');
      const box = [a, b].find((x) => x instanceof FactValue) as FactValue | undefined;
      return box ? new FactValue(box.key, sum) : sum;
    },
  });
}

export const HELPER_NAMES = ['fact', 'hasFact', 'factLabel', 'factValue', 'factSources', 'count', 'asInArticle', 'num', 'year', 'date', 'percent', 'json', 'source', 'part', 'table', 'highlight', 'isMember', 'where', 'chunk', 'take', 'eq', 'add'] as const;
/**
 * Handlebars' own helpers that templates may use. Not `log`: it writes to the standard output,
 * where `mujaz facts --json` writes its JSON (expand.ts takes it out of the environment).
 */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup'] as const;
/** Helpers whose output is YAML by itself and may stand outside quotes. */
export const RAW_HELPERS = new Set(['json']);
