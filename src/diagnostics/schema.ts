import { z } from 'zod';
import { ORIGIN_TAG, didYouMean, type Diagnostic } from './diagnostic.js';
import { locate, type ParsedYaml } from './yaml-source.js';
import { westernFigures } from '../format/arabic.js';

/**
 * How an author names a list's items and what holds them, for a list with too many or too few:
 * "13 bullets on slide 3: a slide holds at most 8", with how to mend it. A schema gives its lists
 * these words with `listed`; a list without them is told in general words.
 */
export interface ListWords {
  /** An item, and several: "bullet", "bullets". */
  one: string;
  many: string;
  /** What holds them, as the limit is said: "a slide" (holds at most 8), "a chart" (needs at least one). */
  holder: string;
  /** How to mend a list too long, and one too short. */
  tooMany?: string;
  tooFew?: string;
}

/** The words of each list schema that has them (a registry of their own: they stay out of the JSON Schemas for editors). */
const listWords = z.registry<ListWords>();

/** A list schema with the words its messages use (ListWords). */
export function listed<T extends z.ZodType>(schema: T, words: ListWords): T {
  listWords.add(schema, words);
  return schema;
}

/**
 * Validates a parsed YAML file against a zod schema and turns every issue into a located
 * diagnostic. Returns the typed value when there are no errors.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  parsed: ParsedYaml,
  what: string,
): { value?: z.infer<S>; diagnostics: Diagnostic[] } {
  // A `__proto__` key would be dropped without a word by records (and could reach for the
  // prototype in a careless consumer): it is an error wherever it stands.
  const forbidden = protoKeyPaths(parsed.value).map(
    (path): Diagnostic => ({
      code: 'MJZ106',
      severity: 'error',
      message: `The key "__proto__" in ${describePath(path)} of ${what} is not allowed`,
      hint: 'Rename or remove the key: __proto__ is never a valid key.',
      path: [...path, '__proto__'],
      location: locate(parsed, [...path, '__proto__'], { key: true }),
      source: parsed.file.text,
    }),
  );
  // jitless: zod would otherwise generate and compile a parser for each object schema on its
  // first use, which costs a cold build more (about 20 ms) than it saves on files this size.
  const result = schema.safeParse(parsed.value, { jitless: true });
  if (result.success && forbidden.length === 0) return { value: result.data, diagnostics: [] };
  const issues = result.success ? [] : result.error.issues.filter((issue) => !(issue.code === 'unrecognized_keys' && issue.keys.every((k) => k === '__proto__')));
  const diagnostics = issues.flatMap((issue) =>
    issueToDiagnostics(issue.code === 'unrecognized_keys' ? { ...issue, keys: issue.keys.filter((k) => k !== '__proto__') } : issue, schema, parsed, what),
  );
  return { diagnostics: [...forbidden, ...notIndented(mergeTypos(diagnostics), schema, parsed)] };
}

/**
 * A mapping's keys written without their indentation (`colors:` then `primary:` at the same
 * column): YAML reads the mapping's key as empty and its keys as unknown ones beside it. Said as
 * what it is, once, at the first of them ("primary and accent belong under colors: indent them"),
 * in place of the empty key's error and the unknown keys' ones. Only for keys that the empty
 * key's own schema has, written below it and above the next key its parent knows.
 */
function notIndented(diagnostics: Diagnostic[], schema: z.ZodType, parsed: ParsedYaml): Diagnostic[] {
  const unknown = diagnostics.filter((d) => d.code === 'MJZ110' && d.path && d.path.length >= 1);
  if (!unknown.length) return diagnostics;
  const dropped = new Set<Diagnostic>();
  const added: Diagnostic[] = [];
  const lineOf = (path: readonly PropertyKey[]) => locate(parsed, path, { key: true })?.start?.line ?? 0;
  for (const empty of diagnostics) {
    if (empty.code !== 'MJZ111' || !empty.path?.length || valueAt(parsed.value, empty.path) !== null) continue;
    const parent = empty.path.slice(0, -1);
    const holder = String(empty.path[empty.path.length - 1]);
    const keys = knownKeysAt(schema, empty.path, parsed.value);
    const below = lineOf(empty.path);
    // (up to the next key its parent knows: `sizes:` after `fonts:` takes the keys below it)
    const siblings = new Set(knownKeysAt(schema, parent, parsed.value));
    const holderValue = valueAt(parsed.value, parent);
    const next = Math.min(
      ...Object.keys(holderValue !== null && typeof holderValue === 'object' ? holderValue : {})
        .filter((k) => k !== holder && siblings.has(k))
        .map((k) => lineOf([...parent, k]))
        .filter((line) => line > below),
    );
    const strays = unknown.filter((d) => {
      const key = String(d.path![d.path!.length - 1]);
      const line = lineOf(d.path!);
      return !dropped.has(d) && JSON.stringify(d.path!.slice(0, -1)) === JSON.stringify(parent) && keys.includes(key) && line > below && line < next;
    });
    if (!strays.length) continue;
    const names = strays.map((d) => String(d.path![d.path!.length - 1]));
    const quoted = names.map((n) => `"${n}"`);
    const list = names.length === 1 ? quoted[0]! : names.length <= 4 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : `${quoted.slice(0, 3).join(', ')} and ${names.length - 3} more`;
    added.push({
      ...strays[0]!,
      code: 'MJZ110',
      message: `${list} ${names.length === 1 ? 'is a key' : 'are keys'} of "${holder}", but ${names.length === 1 ? 'is' : 'are'} not indented under it: YAML reads "${holder}" as empty`,
      hint: `Indent ${names.length === 1 ? `the line of ${names[0]}:` : 'their lines'} by two more spaces than ${holder}:, so that ${names.length === 1 ? 'it stands' : 'they stand'} under it.`,
    });
    dropped.add(empty);
    strays.forEach((d) => dropped.add(d));
  }
  return dropped.size ? [...diagnostics.filter((d) => !dropped.has(d)), ...added] : diagnostics;
}

/** The paths of the mappings that hold an own `__proto__` key (iterative: aliases may make cycles). */
function protoKeyPaths(value: unknown): PropertyKey[][] {
  // Each node links to its parent; a path is spelled out only for a mapping that has the key.
  interface Step {
    node: unknown;
    parent?: Step;
    key?: PropertyKey;
  }
  const pathOf = (step: Step): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let s: Step | undefined = step; s?.parent; s = s.parent) path.push(s.key!);
    return path.reverse();
  };
  const out: PropertyKey[][] = [];
  const seen = new Set<object>();
  const stack: Step[] = [{ node: value }];
  while (stack.length) {
    const step = stack.pop()!;
    const node = step.node;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (node[i] !== null && typeof node[i] === 'object') stack.push({ node: node[i], parent: step, key: i });
      continue;
    }
    if (Object.hasOwn(node, '__proto__')) out.push(pathOf(step));
    for (const k of Object.keys(node)) {
      const v = (node as Record<string, unknown>)[k];
      if (v !== null && typeof v === 'object') stack.push({ node: v, parent: step, key: k });
    }
  }
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : String(p).includes('.') ? `["${String(p)}"]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
}

/** The id of the innermost list item on the path that has one, for the message: ` (parts[4] is "regional")`. */
function itemId(path: readonly PropertyKey[], value: unknown): string {
  // a deck spec's slides are counted from 1 wherever else they are named
  if (path[0] === 'slides' && typeof path[1] === 'number') return ` (slide ${path[1] + 1})`;
  let current = value;
  let found = '';
  path.forEach((p, i) => {
    current = current !== null && typeof current === 'object' ? (current as Record<PropertyKey, unknown>)[p] : undefined;
    const id = typeof p === 'number' && current !== null && typeof current === 'object' ? (current as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && id) found = ` (${describePath(path.slice(0, i + 1))} is "${id}")`;
  });
  return found;
}

/**
 * A misspelt key shows as two problems: an unknown key and a missing field. When the unknown
 * key's suggestion is the missing field, one diagnostic says both.
 */
function mergeTypos(diagnostics: Diagnostic[]): Diagnostic[] {
  const typos = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const suggested = d.code === 'MJZ110' ? /^Did you mean "(.+)"\?$/.exec(d.hint ?? '')?.[1] : undefined;
    if (suggested && d.path) typos.set(JSON.stringify([...d.path.slice(0, -1), suggested]), d);
  }
  return diagnostics.filter((d) => {
    if (d.code !== 'MJZ112' || !d.path) return true;
    const typo = typos.get(JSON.stringify(d.path));
    if (!typo) return true;
    typo.message += ` (and the field "${String(d.path[d.path.length - 1])}" is missing)`;
    return false;
  });
}

function issueToDiagnostics(issue: z.core.$ZodIssue, schema: z.ZodType, parsed: ParsedYaml, what: string): Diagnostic[] {
  const base = { severity: 'error' as const, source: parsed.file.text };
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const known = knownKeysAt(schema, path, parsed.value);
      const suggestion = didYouMean(key, known);
      return {
        ...base,
        code: 'MJZ110',
        message: `Unknown key "${key}" in ${describePath(path)} of ${what}${itemId(path, parsed.value)}`,
        path: [...path, key],
        hint: suggestion ? `Did you mean "${suggestion}"?` : known.length ? `Known keys here: ${known.join(', ')}.` : undefined,
        location: locate(parsed, [...path, key], { key: true }),
      };
    });
  }
  // (zod marks the issue of a discriminated union, a slide's kind, with the discriminator and its values)
  const discriminated = issue.code === 'invalid_union' ? (issue as { discriminator?: string; options?: unknown[] }) : undefined;
  if (discriminated?.discriminator !== undefined) {
    // An unknown kind: name it, and the kinds there are
    const values = (discriminated.options ?? []).map(String);
    const actual = valueAt(parsed.value, path);
    const field = String(path[path.length - 1] ?? 'kind');
    const suggestion = typeof actual === 'string' ? didYouMean(actual, values) : undefined;
    return [
      {
        ...base,
        code: 'MJZ111',
        message: `Unknown ${field} "${String(actual)}" at ${describePath(path)} of ${what}${itemId(path, parsed.value)}`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Known: ${values.join(', ')}.`,
        path: [...path],
        location: locate(parsed, path),
      },
    ];
  }
  if (issue.code === 'invalid_union') {
    // A text or a mapping (a bullet, a source entry), false or a mapping (a theme's logo): a
    // mapping is told what is wrong inside it (an unknown key, a bad address), not that it is not
    // a text or not false.
    const actual = valueAt(parsed.value, path);
    const inside = actual && typeof actual === 'object' && !Array.isArray(actual) ? issue.errors.filter((errors) => !errors.some((e) => (e.code === 'invalid_type' || e.code === 'invalid_value') && e.path.length === 0)) : [];
    if (inside.length === 1) return inside[0]!.flatMap((e) => issueToDiagnostics({ ...e, path: [...path, ...e.path] } as z.core.$ZodIssue, schema, parsed, what));
  }
  const present = valueAt(parsed.value, path) !== undefined;
  if (issue.code === 'invalid_type' && !present) {
    return [
      {
        ...base,
        code: 'MJZ112',
        message: `Missing field "${describePath(path)}" in ${what} (expected ${issue.expected})${itemId(path, parsed.value)}`,
        path: [...path],
        location: locate(parsed, path),
      },
    ];
  }
  if (issue.code === 'invalid_key') {
    // A key the record refuses (`ffis.Locations`): say what the key must look like, at the key.
    const key = String(path[path.length - 1]);
    const reasons = issue.issues.map((i) => i.message).join('; ');
    return [
      {
        ...base,
        code: 'MJZ111',
        message: `The key "${key}" of ${what} is not allowed: ${reasons}`,
        path: [...path],
        hint: `Rename the key${/[A-Z]/.test(key) ? `, e.g. "${key.toLowerCase()}"` : ''}.`,
        location: locate(parsed, path, { key: true }),
      },
    ];
  }
  let hint: string | undefined;
  let message = issue.message;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') {
    const actual = valueAt(parsed.value, path);
    // (without the place a template line is tagged with: no comment its author wrote)
    const keyLine = actual === null ? parsed.file.text.split(/\r?\n/)[(locate(parsed, path, { key: true })?.start?.line ?? 0) - 1]?.replace(ORIGIN_TAG, '') : undefined;
    const commented = keyLine !== undefined ? /:\s+(#\S.*)$/.exec(keyLine) : null;
    if (commented) {
      // `primary: #5A1A2B`: a # after a space starts a YAML comment, so the key has no value.
      const text = commented[1]!.trim().split(/\s/)[0]!; // the value, not a comment written after it
      const colour = /^#([0-9A-Fa-f]{6})$/.exec(text)?.[1];
      hint = `YAML reads "${text}" as a comment, since it starts with # after a space: ${colour ? `write the colour without # and in double quotes, "${colour.toUpperCase()}"` : `put the value in double quotes, "${text}"`}.`;
    } else if (actual === null) {
      // `after_article:` with nothing under it: YAML reads an empty value as null.
      const list = issue.code === 'invalid_type' && issue.expected === 'array';
      message = `has no value (${list ? 'a list' : 'a value'} was expected)`;
      hint = `YAML reads nothing after the colon as null: ${list ? 'write [] for an empty list' : 'give it a value'}, or delete the line.`;
    } else if (issue.code === 'invalid_type' && issue.expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')) {
      // `primary: 173240` is a number to YAML, and `003366` loses its zeros.
      hint = `YAML reads this unquoted value as a ${typeof actual}: put it in double quotes, exactly as you mean it (e.g. "003366").`;
    }
  }
  if (issue.code === 'invalid_union') {
    // "Invalid input" says nothing: name the types the place accepts and what it holds.
    const expected = [...new Set(issue.errors.flat().flatMap((e) => (e.code === 'invalid_type' ? [String(e.expected)] : [])))];
    const actual = valueAt(parsed.value, path);
    const got = actual === null ? 'null' : Array.isArray(actual) ? 'a list' : typeof actual === 'object' ? 'a mapping' : typeof actual === 'number' && !Number.isFinite(actual) ? String(actual) : (TYPE_WORDS[typeof actual] ?? typeof actual);
    if (expected.length) message = actual === null ? `has no value (a ${expected.join(' or ')} was expected)` : `expected ${expected.map((e) => TYPE_WORDS[e] ?? e).join(' or ')}, not ${got}`;
    if (expected.includes('object') && actual !== null && typeof actual !== 'object') hint ??= 'Write its fields on the lines under it, two spaces further in (key: value).';
  }
  if (issue.code === 'custom' && typeof issue.params?.hint === 'string') hint = issue.params.hint; // a check that says how to fix what it refuses
  // (a check whose message names what it is about, "row 2 has 3 cells for 2 columns": on a slide of a deck spec, by the slide's number)
  const named = issue.code === 'custom' && issue.params?.named === true && path[0] === 'slides' && typeof path[1] === 'number';
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'array') {
    const actual = valueAt(parsed.value, path);
    if (Array.isArray(actual)) return [{ ...base, ...listCount(issue, actual.length, listWordsAt(schema, path, parsed.value), path, parsed, what), path: [...path], location: locate(parsed, path) }];
  }
  if ((issue.code === 'too_big' || issue.code === 'too_small') && (issue.origin === 'number' || issue.origin === 'bigint') && /^Too (?:big|small): expected/.test(issue.message)) {
    // ("Too big: expected number to be <=60": the value, and the range the place takes, from its schema)
    const node = unwrap(schemaAt(schema, path, parsed.value)) as { minValue?: number | null; maxValue?: number | null; isInt?: boolean } | undefined;
    const min = Number.isFinite(node?.minValue) ? node!.minValue! : undefined;
    const max = Number.isFinite(node?.maxValue) ? node!.maxValue! : undefined;
    const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : max !== undefined ? `of at most ${max}` : min !== undefined ? `of at least ${min}` : issue.code === 'too_big' ? `below ${String(issue.maximum)}` : `above ${String(issue.minimum)}`;
    message = `is ${String(valueAt(parsed.value, path))}, out of range: it takes a number ${range}`;
    hint = `Give a number ${range}${node?.isInt ? ' (a whole number)' : ''}.`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1 && /^Too small: expected/.test(issue.message)) {
    message = 'is empty';
    hint = 'Write the text between the quotes.';
  }
  if (issue.code === 'invalid_type' && /^Invalid input: expected/.test(issue.message) && valueAt(parsed.value, path) !== null) {
    // ("Invalid input: expected number, received string": in words, with what was written)
    const actual = valueAt(parsed.value, path);
    message = `expected ${TYPE_WORDS[String(issue.expected)] ?? String(issue.expected)}, not ${valueInWords(actual)}`;
    if ((issue.expected === 'number' || issue.expected === 'int') && typeof actual === 'string') {
      const figure = /[0-9٠-٩۰-۹]+(?:[.٫][0-9٠-٩۰-۹]+)?/.exec(actual)?.[0];
      const western = figure === undefined ? undefined : westernFigures(figure);
      hint = western !== undefined ? `Write the number alone, in Western digits, without quotes or a unit: ${western}.` : 'Write a number, in Western digits, without quotes.';
    } else if (issue.expected === 'array') hint ??= 'Write a list: one item a line, each starting with "- " two spaces in, or [a, b] on one line.';
    else if (issue.expected === 'object' || issue.expected === 'record') hint ??= 'Write its fields on the lines under it, two spaces further in (key: value).';
    else if (issue.expected === 'int' && typeof actual === 'number') hint = `Give a whole number, e.g. ${Math.round(actual)}.`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const values = (issue.values as unknown[]).map(String);
    const actual = valueAt(parsed.value, path);
    const suggestion = typeof actual === 'string' ? didYouMean(actual, values) : undefined;
    hint = suggestion ? `Did you mean "${suggestion}"? Allowed: ${values.join(', ')}.` : `Allowed: ${values.join(', ')}.`;
  }
  return [
    {
      ...base,
      code: 'MJZ111',
      message: named ? `On slide ${Number(path[1]) + 1}, ${message}` : `${describePath(path)} in ${what}${itemId(path, parsed.value)}: ${message}`,
      path: [...path],
      hint,
      location: locate(parsed, path),
    },
  ];
}

/** A value as a message names it: the text "24pt", the number 112233, a list, a mapping. */
function valueInWords(value: unknown): string {
  return typeof value === 'string' ? `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`
    : Array.isArray(value) ? 'a list'
    : value !== null && typeof value === 'object' ? 'a mapping'
    : typeof value === 'number' ? `the number ${value}`
    : String(value);
}

/** What a schema's type is, in words. */
const TYPE_WORDS: Record<string, string> = { string: 'a text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a mapping (fields under it)', record: 'a mapping (fields under it)' };

/**
 * A list with more items than its place holds, or fewer than it needs: how many it has, where, and
 * the limit, in the words of the list (ListWords), with how to mend it.
 */
function listCount(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, n: number, words: ListWords | undefined, path: readonly PropertyKey[], parsed: ParsedYaml, what: string): { code: 'MJZ111'; message: string; hint: string } {
  const many = issue.code === 'too_big';
  const limit = Number(many ? issue.maximum : issue.minimum);
  // (a deck spec's slide by its number; elsewhere the list's path in its file)
  const where = path[0] === 'slides' && typeof path[1] === 'number' ? ` on slide ${path[1] + 1}` : path.length > 1 ? ` at ${describePath(path)} in ${what}${itemId(path, parsed.value)}` : ` in ${what}`;
  const one = words?.one ?? 'item';
  const items = (k: number) => `${k === 0 ? 'No' : k} ${k === 1 ? one : (words?.many ?? 'items')}`;
  const holder = words?.holder ?? 'the list';
  const message = many ? `${items(n)}${where}: ${holder} holds at most ${limit}` : `${items(n)}${where}: ${holder} needs at least ${limit === 1 ? 'one' : limit}`;
  const hint = many ? (words?.tooMany ?? `Keep at most ${limit}: remove ${n - limit}, or split the list.`) : (words?.tooFew ?? (n === 0 ? `Give it at least one ${one}, or remove the key.` : `Give it at least ${limit}.`));
  return { code: 'MJZ111', message, hint };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** One step through a wrapper (optional, default, a pipe's input…) to the schema it wraps; the schema itself when it wraps none. */
function unwrapOnce(node: unknown): unknown {
  const n = node as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  const t = n?.def?.type;
  if (t === 'optional' || t === 'nullable' || t === 'default' || t === 'readonly' || t === 'catch' || t === 'prefault') return n!.def!.innerType;
  if (t === 'pipe') return n!.def!.in;
  return node;
}

function unwrap(node: unknown): unknown {
  let n = node;
  for (let guard = 0; guard < 20; guard++) {
    const next = unwrapOnce(n);
    if (next === n) break;
    n = next;
  }
  return n;
}

function keysOf(node: unknown): string[] {
  const n = unwrap(node) as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } };
  if (n?.def?.type === 'object') return Object.keys(n.def.shape ?? {});
  if (n?.def?.type === 'union') return [...new Set((n.def.options ?? []).flatMap(keysOf))];
  return [];
}

/** The schema of the value at `path`, found by walking the schema beside the value (to follow a slide of its kind); as written there, wrappers and all. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[], value: unknown): unknown {
  let current: unknown = schema;
  let here: unknown = value; // the value at the same place, to tell a slide's kind
  for (const key of path) {
    const node = unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown; options?: unknown[] } };
    if (node?.def?.type === 'union' && typeof key === 'string') {
      // a union of objects (slide kinds): follow the option of the value's kind, else the first that has the key
      const options = (node.def.options ?? []).map((o) => unwrap(o) as { def?: { shape?: Record<string, unknown> } }).filter((o) => o.def?.shape?.[key]);
      const kind = (here as { kind?: unknown } | undefined)?.kind;
      const ofKind = options.find((o) => ((unwrap(o.def?.shape?.kind) as { def?: { values?: unknown[] } } | undefined)?.def?.values ?? []).includes(kind));
      current = (ofKind ?? options[0])?.def?.shape?.[key];
    } else if (node?.def?.type === 'object' && typeof key === 'string') current = node.def.shape?.[key];
    else if (node?.def?.type === 'array') current = node.def.element;
    else if (node?.def?.type === 'record') current = node.def.valueType;
    else return undefined;
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return current;
}

/** The keys the object schema at `path` accepts. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[], value: unknown): string[] {
  return keysOf(schemaAt(schema, path, value));
}

/** The words a list's schema was given (listed), through the wrappers around it. */
function listWordsAt(schema: z.ZodType, path: readonly PropertyKey[], value: unknown): ListWords | undefined {
  let n = schemaAt(schema, path, value);
  for (let guard = 0; guard < 20 && n; guard++) {
    const words = listWords.get(n as z.ZodType);
    if (words) return words;
    const next = unwrapOnce(n);
    if (next === n) break;
    n = next;
  }
  return undefined;
}
