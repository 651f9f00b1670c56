import path from 'node:path';
import { isScalar } from 'yaml';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { unquotedTextSlips } from '../diagnostics/stray-quote.js';
import { codePoint, didYouMean, didYouMeanId, lazyLocation } from '../diagnostics/diagnostic.js';
import { checkSchema } from '../diagnostics/schema.js';
import { locate, parseYaml, type KnownValues, type ParsedYaml, type SourceFile } from '../diagnostics/yaml-source.js';
import { westernFigures } from '../format/arabic.js';
import { idCompare } from '../format/natural.js';
import { CONTENT_FILES, FACT_REF } from './files.js';
import { outlineTexts } from './outline.js';
import {
  ArticleFileSchema,
  DatasetSchema,
  FactsFileSchema,
  GroupingsFileSchema,
  SourcesFileSchema,
  type ArticleFile,
  type Dataset,
  type Fact,
  type GroupingsFile,
  type Member,
  type Source,
} from './schema.js';
import { Lru } from '../util/lru.js';

/** What the reader hands this stage: the files under content/, by path relative to the root. */
export type ContentSources = ReadonlyMap<string, SourceFile>;

export interface LocatedFact extends Fact {
  key: string;
  location: Location;
  statedLocation?: Location;
}

/** The validated content of a project: stage 1's output. */
export interface Content {
  article: ArticleFile['article'];
  parts: ArticleFile['parts'];
  tables: NonNullable<ArticleFile['tables']>;
  highlights: NonNullable<ArticleFile['highlights']>;
  facts: Record<string, LocatedFact>;
  sources: Source[];
  dataset?: Dataset;
  datasetFile?: string;
  groupings?: GroupingsFile;
  /** Where things are, for later diagnostics: the article part and point positions. */
  locate: (file: 'article' | 'facts' | 'sources' | 'groupings' | 'dataset', path: readonly PropertyKey[]) => Location;
  /** Where the n-th `[[reference]]` of the outline's text at `path` stands (or the text itself). */
  locateRef: (path: readonly PropertyKey[], ref: string, nth: number) => Location;
  /** The text of a content file, for the code frame of a later stage's diagnostic. */
  sourceOf: (file: 'article' | 'facts' | 'sources' | 'groupings' | 'dataset') => string | undefined;
}

/** "1 cell", "3 cells". */
const counted = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

export interface ParseResult {
  content?: Content;
  diagnostics: Diagnostic[];
}

/**
 * Calls `fn` with every string in a parsed value and its path (keys and indices). The path is
 * one array, changed as the walk goes on: `fn` copies it to keep it (a check copies it only for
 * the few strings it reports).
 */
function eachString(value: unknown, fn: (text: string, path: readonly (string | number)[]) => void, path: (string | number)[] = []): void {
  if (typeof value === 'string') fn(value, path);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue; // (a hole, as forEach skips it)
      path.push(i);
      eachString(value[i], fn, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      path.push(k);
      eachString((value as Record<string, unknown>)[k], fn, path);
      path.pop();
    }
  }
}

function required(file: SourceFile | undefined, key: keyof typeof CONTENT_FILES, diagnostics: Diagnostic[]): SourceFile | undefined {
  if (!file) {
    diagnostics.push({
      code: 'MJZ120',
      severity: 'error',
      message: `Missing content file ${CONTENT_FILES[key]}`,
      location: { file: CONTENT_FILES[key] },
    });
  }
  return file;
}

interface CheckedFile {
  yaml: ParsedYaml;
  checked?: { value?: unknown; diagnostics: Diagnostic[] };
  /** Text cut by a ' #' (MJZ168: `heading: نص #وسم` would lose «#وسم»), or ending with a quote never opened (MJZ173). */
  cuts: Diagnostic[];
}

/**
 * Each content file parsed and checked once per text: after a save of the outline, `watch`
 * does not read the 1,500-line dataset again. What is kept is never changed by later stages
 * (the whole prepared content is shared by every audience's build already).
 */
const CHECKED = new Lru<string, CheckedFile>(16);

function readChecked(kind: string, file: SourceFile, read: () => CheckedFile): CheckedFile {
  return CHECKED.get(`${kind}\0${file.path}\0${file.text}`, read);
}

export function parseContent(files: ContentSources, known?: KnownValues): ParseResult {
  const diagnostics: Diagnostic[] = [];
  /**
   * A file the content needs, as the reader found it. A path that is not a file (a folder named
   * facts.yaml) is reported here, once, and counts as refused; so does a file under a folder
   * that could not be listed (the reader has reported the folder): neither is "missing".
   */
  const reported = new Set<string>();
  const need = (name: string): SourceFile | undefined => {
    const file = files.get(name);
    if (file?.problem && !reported.has(name)) {
      reported.add(name);
      diagnostics.push(file.problem);
    }
    if (file) return file;
    for (let up = path.posix.dirname(name); up !== '.' && up !== '/'; up = path.posix.dirname(up)) {
      if (files.get(`${up}/`)?.unlisted) return { path: name, text: '', refused: true };
    }
    return undefined;
  };
  const input = {
    article: need(CONTENT_FILES.article),
    facts: need(CONTENT_FILES.facts),
    sources: need(CONTENT_FILES.sources),
    dataset: need(CONTENT_FILES.dataset),
    groupings: need(CONTENT_FILES.groupings),
  };
  const parsed: Partial<Record<'article' | 'facts' | 'sources' | 'dataset' | 'groupings', ParsedYaml>> = {};

  const load = <S extends Parameters<typeof checkSchema>[0]>(key: keyof typeof parsed, file: SourceFile | undefined, schema: S, what: string) => {
    if (!file || file.refused) return undefined; // a refused file's problem is already reported
    const { yaml, checked, cuts } = readChecked(key, file, () => {
      const yaml = parseYaml(file, known);
      return { yaml, checked: yaml.diagnostics.length ? undefined : checkSchema(schema, yaml, what), cuts: unquotedTextSlips(file) };
    });
    parsed[key] = yaml;
    diagnostics.push(...yaml.diagnostics, ...(checked?.diagnostics ?? []), ...cuts);
    return checked?.value as import('zod').infer<S> | undefined;
  };

  const article = load('article', required(input.article, 'article', diagnostics), ArticleFileSchema, 'the article outline');
  const facts = load('facts', required(input.facts, 'facts', diagnostics), FactsFileSchema, 'the facts');
  const checkedSources = load('sources', required(input.sources, 'sources', diagnostics), SourcesFileSchema, 'the sources');
  // A sources file refused by its schema (a date written another way) still names its sources:
  // the checks that need only their ids (twice the same id, a fact citing one that is not there)
  // run on what it names, so that one run reports them too. No content is made from it.
  const sourcesFile = checkedSources ?? leniently(parsed.sources);
  const dataset = load('dataset', input.dataset, DatasetSchema, 'the coalition dataset');
  const groupings = load('groupings', input.groupings, GroupingsFileSchema, 'the groupings');

  const where = (file: keyof typeof parsed, path: readonly PropertyKey[]): Location => {
    const p = parsed[file];
    return p ? locate(p, path) : { file: CONTENT_FILES[file] };
  };
  const withSource = (file: keyof typeof parsed, d: Omit<Diagnostic, 'source'>): Diagnostic => ({ ...d, source: parsed[file]?.file.text });

  if (!article || !facts || !sourcesFile) return { diagnostics };
  // A file the reader refused (reported there) leaves the content incomplete: checking on would
  // only report what is missing because of it.
  if (Object.values(input).some((f) => f?.refused)) return { diagnostics };

  // Keys that name what every object inherits ("constructor") would be mistaken for it by any
  // later lookup in a plain object: they are reserved (an error stops the build before any).
  const reserved = (file: keyof typeof parsed, path: PropertyKey[], what: string) => {
    const key = String(path[path.length - 1]);
    if (!(key in Object.prototype)) return;
    diagnostics.push(
      withSource(file, {
        code: 'MJZ106',
        severity: 'error',
        message: `"${key}" cannot be ${what}: the name is reserved`,
        hint: `Choose another name: "${key}" is reserved.`,
        location: locate(parsed[file]!, path, { key: true }),
      }),
    );
  };
  for (const key of Object.keys(facts.facts)) reserved('facts', ['facts', key], 'a fact key');
  for (const key of Object.keys(article.tables ?? {})) reserved('article', ['tables', key], 'a table id');
  for (const key of Object.keys(article.highlights ?? {})) reserved('article', ['highlights', key], 'a highlight list id');

  // [[references]] are expanded in the outline's texts only: in a fact's label or a source's
  // title (the dataset's are listed on the sources slides too) they would reach the slide as written
  const unexpanded = (file: 'facts' | 'sources' | 'dataset') => (value: string, path: readonly (string | number)[]) => {
    if (!value.includes('[[') && !value.includes(']]')) return;
    diagnostics.push(
      withSource(file, {
        code: 'MJZ131',
        severity: 'error',
        message: `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}" holds a [[reference]], which ${parsed[file]?.file.path ?? 'this file'} does not expand: the slide would show it as written`,
        hint: `References are expanded in the outline's texts (${CONTENT_FILES.article}) only; write the text here without [[ ]].`,
        location: where(file, [...path]),
      }),
    );
  };
  eachString(facts, unexpanded('facts'));
  eachString({ sources: sourcesFile.sources }, unexpanded('sources'));
  eachString({ sources: (parsed.dataset?.value as { sources?: unknown } | undefined)?.sources }, unexpanded('dataset'));
  // U+E000–U+E00F: private-use characters no font draws (PDFs leave them in copied text), which
  // mujaz keeps for its own marks while a deck is made (facts/markers.ts, expand/escape.ts)
  for (const file of ['article', 'facts', 'sources', 'dataset', 'groupings'] as const) {
    eachString(parsed[file]?.value, (value, path) => {
      const at = value.search(/[\uE000-\uE00F]/);
      if (at === -1) return;
      diagnostics.push(
        withSource(file, {
          code: 'MJZ104',
          severity: 'error',
          message: `The text holds the character ${codePoint(value[at]!)}, a private-use character that mujaz keeps for its own marks (text copied from a PDF often carries them)`,
          hint: 'Remove the character: no font draws it, and mujaz would take it for one of its marks.',
          location: where(file, [...path]),
        }),
      );
    });
  }

  // Sources: the project's own plus the dataset's, ids unique.
  const sources: Source[] = [...sourcesFile.sources];
  for (const s of dataset?.sources ?? []) {
    sources.push({ id: s.id, title: s.title, kind: 'web', url: s.url, date: s.date === undefined ? undefined : String(s.date) });
  }
  const sourceIds = new Set<string>();
  sourcesFile.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) {
      diagnostics.push(withSource('sources', { code: 'MJZ133', severity: 'error', message: `Source id "${s.id}" is used twice`, location: where('sources', ['sources', i, 'id']) }));
    }
    sourceIds.add(s.id);
  });
  const ownIds = new Map(sourcesFile.sources.map((s, i) => [s.id, i]));
  for (const s of dataset?.sources ?? []) {
    // One id, two sources: which one a fact cites could not be told, nor where it is listed.
    if (ownIds.has(s.id)) {
      diagnostics.push(
        withSource('sources', {
          code: 'MJZ133',
          severity: 'error',
          message: `Source id "${s.id}" is also a source of the dataset (${CONTENT_FILES.dataset})`,
          hint: `Give this source another id: the dataset's ids (${s.id}) are its own.`,
          location: where('sources', ['sources', ownIds.get(s.id)!, 'id']),
        }),
      );
    }
    sourceIds.add(s.id);
  }
  const knownSources = [...sourceIds];

  // A dataset refused by its schema (its error is reported) still names its sources: an id it
  // names is not reported again as unknown. One that could not be parsed at all names none we can
  // read, so no id is reported as unknown until it parses.
  const datasetUnread = input.dataset !== undefined && dataset === undefined;
  const rawSources = (parsed.dataset?.value as { sources?: unknown } | undefined)?.sources;
  const unreadIds = datasetUnread && Array.isArray(rawSources) ? new Set(rawSources.map((s) => String((s as { id?: unknown })?.id))) : undefined;
  const checkSource = (file: keyof typeof parsed, path: PropertyKey[], id: string) => {
    if (sourceIds.has(id) || (datasetUnread && (unreadIds === undefined || unreadIds.has(id)))) return;
    const suggestion = didYouMean(id, knownSources);
    diagnostics.push(
      withSource(file, {
        code: 'MJZ130',
        severity: 'error',
        message: `Unknown source "${id}"`,
        hint: `${suggestion ? `Did you mean "${suggestion}"? If not, add` : 'Add'} "${id}" to ${CONTENT_FILES.sources} (id, kind, title, date), or cite a known source: ${knownSources.length > 12 ? `${knownSources.slice(0, 12).join(', ')}…` : knownSources.join(', ')}.`,
        location: where(file, path),
      }),
    );
  };
  checkSource('article', ['article', 'source'], article.article.source);
  if (dataset) diagnostics.push(...datasetCitations(dataset, ownIds, (path) => where('dataset', path), parsed.dataset?.file.text));

  // Facts: each stated once, with a source; data facts name a figure the data provides (checked later).
  const located: Record<string, LocatedFact> = {};
  for (const [key, fact] of Object.entries(facts.facts)) {
    located[key] = lazyLocation(
      lazyLocation({ ...fact, key }, 'location', () => where('facts', ['facts', key])),
      'statedLocation',
      () => (fact.stated ? where('facts', ['facts', key, 'stated', 'value']) : undefined),
    );
    if (fact.stated?.source !== undefined) checkSource('facts', ['facts', key, 'stated', 'source'], fact.stated.source);
    if (fact.stated && fact.stated.source === undefined && !fact.data) {
      diagnostics.push(
        withSource('facts', {
          code: 'MJZ144',
          // (an error, as a member of the dataset without sources is: the slide would show a
          // figure no source stands behind, beside a source line naming the other figures')
          severity: 'error',
          message: `The figure "${key}" has no source`,
          hint: 'Every figure on a slide must be traceable: add `source:` with the id of the source that states it (and `quote:`, the sentence that states it, when the source is the article).',
          location: where('facts', ['facts', key, 'stated']),
        }),
      );
    }
    if (!fact.data && !fact.stated) {
      diagnostics.push(
        withSource('facts', {
          code: 'MJZ134',
          severity: 'error',
          message: `Fact "${key}" has neither a stated value with its source nor a data figure`,
          hint: 'Add `stated: { value: ..., source: ... }` or `data: members.total`.',
          location: where('facts', ['facts', key]),
        }),
      );
    }
  }
  const factKeys = Object.keys(located);

  // Parts: unique ids; fact references resolve; basis quotes come from the article.
  // The article text is named relative to content/ and must stay inside it: the stage sees only
  // the files the reader found there, so nothing else could be read anyway; say so plainly.
  const textName = article.article.text;
  const textPath = textName === undefined ? undefined : path.posix.normalize(`content/${textName.replace(/\\/g, '/')}`);
  const outside = textName !== undefined && (/^([a-zA-Z]:)?[\\/]/.test(textName) || !textPath!.startsWith('content/'));
  const articleFile = textPath && !outside ? need(textPath) : undefined;
  const articleText = articleFile && !articleFile.refused ? normalise(articleFile.text) : undefined;
  if (textName !== undefined && (outside || !articleFile)) {
    diagnostics.push(
      withSource('article', {
        code: outside ? 'MJZ122' : 'MJZ120',
        severity: 'error',
        message: outside ? `The article text "${textName}" lies outside content/` : `The article text "${textName}" was not found in content/`,
        hint: outside
          ? 'Put the article text inside content/ and name it relative to content/, without a leading / or .., e.g. text: "article.txt".'
          : 'Name a .txt file inside content/, relative to it, e.g. text: "article.txt".',
        location: where('article', ['article', 'text']),
      }),
    );
  }
  // How often the outline refers to each fact, counted when a reference is unknown (for its hint)
  let references: Map<string, number> | undefined;
  const referencesInOutline = () => {
    if (!references) {
      const counts = new Map<string, number>();
      eachString(parsed.article?.value, (text) => {
        for (const m of text.matchAll(FACT_REF)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
      });
      references = counts;
    }
    return references;
  };
  /**
   * "Did you mean" for an unknown reference. When the outline refers to the unknown name more
   * than once and never to the fact it resembles, the misspelt name is more likely the one in
   * content/facts.yaml (each use then being right): the hint says where that is.
   */
  const refHint = (key: string, suggestion: string | undefined): string => {
    if (!suggestion) return `Known facts: ${factKeys.join(', ')}.`;
    const counts = referencesInOutline();
    if ((counts.get(key) ?? 0) < 2 || counts.has(suggestion) || !parsed.facts) return `Did you mean [[${suggestion}]]?`;
    const at = locate(parsed.facts, ['facts', suggestion], { key: true });
    return `Did you mean [[${suggestion}]]? The outline names [[${key}]] ${counts.get(key)} times and [[${suggestion}]] never: if the name in ${at.file}${at.start ? ` (line ${at.start.line})` : ''} is the one misspelt, correct it there.`;
  };
  const checkRefs = (value: string, path: PropertyKey[]) => {
    // (a text with no bracket holds no reference and no broken one: most of an outline's texts)
    if (!value.includes('[') && !value.includes(']')) return;
    for (const match of value.matchAll(FACT_REF)) {
      const key = match[1]!;
      if (Object.hasOwn(located, key)) continue;
      const suggestion = didYouMean(key, factKeys);
      diagnostics.push(
        withSource('article', {
          code: 'MJZ131',
          severity: 'error',
          message: `Unknown fact [[${key}]]`,
          hint: refHint(key, suggestion),
          location: locateRef(parsed.article, path, match[0], value.slice(0, match.index).split(match[0]).length - 1) ?? where('article', path),
        }),
      );
    }
    // What is left of [[ or ]] once the references are read is one mistyped: it would reach the
    // slide as it is (`[[coalition.members]` with one bracket, `[[Coalition.Members]]`, a third
    // bracket beside a good one). The references read are blanked with NULs (which content
    // cannot hold), so each fragment's index is its place in the value, and a bracket next to a
    // blank is one next to a reference.
    const masked = value.replace(FACT_REF, (ref) => '\0'.repeat(ref.length));
    // (a bracket beside a reference is an aside's when the text's brackets pair up: «[ملاحظة: [[x]]]»)
    const paired = (masked.match(/\[/g)?.length ?? 0) === (masked.match(/\]/g)?.length ?? 0);
    for (const malformed of masked.matchAll(/\[\[[^[\]\n\0]*\]{0,2}|\[?[^[\]\s\0]*\]\]|\[+\0+|\0+\]+/g)) {
      if (paired && /^(\[\0+|\0+\])$/.test(malformed[0])) continue;
      const fragment = value.slice(malformed.index, malformed.index + malformed[0].length);
      const nth = value.slice(0, malformed.index).split(fragment).length - 1;
      const meant = fragment.replace(/[[\]]/g, '').trim().toLowerCase().replace(/\s+/g, '.');
      const suggestion = meant ? didYouMean(meant, factKeys) ?? (factKeys.includes(meant) ? meant : undefined) : undefined;
      diagnostics.push(
        withSource('article', {
          code: 'MJZ131',
          severity: 'error',
          message: `Malformed fact reference "${fragment}"`,
          hint: `${suggestion ? `Did you mean [[${suggestion}]]? ` : ''}A reference is two brackets on each side of a fact's dotted lowercase key, e.g. [[coalition.members]].`,
          location: locateRef(parsed.article, path, fragment, nth) ?? where('article', path),
        }),
      );
    }
  };
  /** Every basis quote must be the article's own words (a warning: the point is still shown). */
  const checkBasis = (quotes: readonly string[], path: PropertyKey[]) => {
    if (articleText === undefined) return;
    quotes.forEach((quote, b) => {
      if (articleText.includes(normalise(quote))) return;
      diagnostics.push(
        withSource('article', {
          code: 'MJZ132',
          severity: 'warning',
          message: `This basis is not a verbatim sentence of ${article.article.text}`,
          location: where('article', [...path, b]),
        }),
      );
    });
  };
  // The facts whose stated figure is quoted: a point resting on the quote that types the figure
  // should print the fact instead, or it keeps the old figure when the fact changes.
  const quotedFacts = Object.entries(facts.facts).flatMap(([key, fact]) =>
    fact.stated?.quote !== undefined && typeof fact.stated.value === 'number' ? [{ key, figure: String(fact.stated.value), quote: normalise(fact.stated.quote) }] : [],
  );
  /** MJZ137: a fact's figure typed where [[key]] would follow the fact. */
  const typedFact = (figure: string, key: string, what: string, location: () => Location): Diagnostic =>
    withSource('article', {
      code: 'MJZ137',
      severity: 'warning',
      message: `The figure ${figure} is typed: it is ${what}, and would not follow it when it changes`,
      hint: `Write [[${key}]] in its place.`,
      location: location(),
    });
  /**
   * A figure typed into the outline (not a [[fact]]) must be one the sentences it rests on state:
   * otherwise nothing on record says where it comes from. A point's, a row's or a highlight's
   * basis is its own; a part's notes rest on its points' basis; a table's title and columns on
   * its rows'; a part's heading and short label and the article's title and subtitle, which
   * number parts and questions as often as not, are checked for a fact's figure only. Digits
   * that belong to a Latin token (G20, F-16, COVID-19) are names, not figures. A figure its basis
   * states as a fact's quote does is that fact's: written [[key]], it follows the fact (MJZ137).
   */
  const checkFigures = (text: string, basis: readonly string[], path: PropertyKey[], place?: { in: string; restsOn: string; factsOnly?: boolean; number?: number }) => {
    if (!ANY_DIGIT.test(text)) return; // (no figure in it: most texts)
    const said = westernFigures(basis.join('\n'));
    const masked = text.replace(FACT_REF, (ref) => ' '.repeat(ref.length));
    // (a hyphen after a Latin letter joins a name, F-16; after a figure, a range: 2014-2019)
    for (const m of masked.matchAll(/(?<![A-Za-z0-9٠-٩۰-۹]|[A-Za-z]-)[0-9٠-٩۰-۹]+(?:[.,٫٬][0-9٠-٩۰-۹]+)*(?![A-Za-z0-9٠-٩۰-۹]|-[A-Za-z])/g)) {
      const figure = m[0];
      // (found only when said: finding a place reads the file again, keeping its positions)
      const location = () => locateRef(parsed.article, path, figure, text.slice(0, m.index).split(figure).length - 1) ?? where('article', path);
      // as written, in Western digits and without thousands separators: 05 is what the basis must say, not 5
      const western = westernFigures(figure);
      // A title, heading or short label (factsOnly: they number parts, «المحور 2», or questions,
      // «5 أسئلة») is checked for a fact's figure only: one a fact states, whatever it rests on
      // (but the part's own number, «المحور 89» of part 89).
      if (place?.factsOnly) {
        if (western === String(place.number)) continue;
        const fact = quotedFacts.find((f) => f.figure === western.replace(/,/g, ''));
        if (fact) diagnostics.push(typedFact(figure, fact.key, `the figure of the fact ${fact.key}`, location));
        continue;
      }
      if (saysFigure(said, western)) {
        const fact = quotedFacts.find((f) => f.figure === western.replace(/,/g, '') && basis.some((sentence) => normalise(sentence).includes(f.quote)));
        if (fact) diagnostics.push(typedFact(figure, fact.key, `the fact ${fact.key}, whose stated quote this text rests on`, location));
        continue;
      }
      diagnostics.push(
        withSource('article', {
          code: 'MJZ135',
          severity: 'warning',
          message: place
            ? `The figure ${figure} is typed into ${place.in}, and no sentence ${place.restsOn} rest on states it`
            : `The figure ${figure} is in the text, but not in the sentences it rests on (its basis)`,
          hint: place
            ? `A figure on a slide must be traceable, and follow when its fact changes: make it a fact with its source and write [[key]] here, or add the sentence of the article that states it to the basis of ${place.restsOn}.`
            : 'A figure on a slide must be traceable: make it a fact with its source and write [[key]] here, or add the sentence of the article that states it to the basis.',
          location: location(),
        }),
      );
    }
  };
  for (const { text, path } of outlineTexts(article)) checkRefs(text, path);
  const partIds = new Set<string>();
  article.parts.forEach((part, p) => {
    if (partIds.has(part.id)) {
      diagnostics.push(withSource('article', { code: 'MJZ133', severity: 'error', message: `Part id "${part.id}" is used twice`, location: where('article', ['parts', p, 'id']) }));
    }
    partIds.add(part.id);
    const partBasis = part.points.flatMap((point) => point.basis);
    // (a heading or short label numbers its part as often as not, «المحور 2»: only a fact's figure is said there)
    const ofPart = (what: string, factsOnly = false) => ({ in: `a part's ${what}`, restsOn: 'its points', factsOnly, number: p + 1 });
    checkFigures(part.heading, partBasis, ['parts', p, 'heading'], ofPart('heading', true));
    checkFigures(part.short, partBasis, ['parts', p, 'short'], ofPart('short label', true));
    part.points.forEach((point, i) => {
      checkBasis(point.basis, ['parts', p, 'points', i, 'basis']);
      checkFigures(point.text, point.basis, ['parts', p, 'points', i, 'text']);
    });
    checkFigures(part.notes, partBasis, ['parts', p, 'notes'], ofPart('notes'));
  });
  checkFigures(article.article.title, [], ['article', 'title'], { in: "the article's title", restsOn: 'nothing', factsOnly: true });
  if (article.article.subtitle !== undefined) checkFigures(article.article.subtitle, [], ['article', 'subtitle'], { in: "the article's subtitle", restsOn: 'nothing', factsOnly: true });

  for (const [tableId, table] of Object.entries(article.tables ?? {})) {
    table.rows.forEach((row, r) => {
      if (row.cells.length !== table.columns.length) {
        diagnostics.push(
          withSource('article', {
            code: 'MJZ111',
            severity: 'error',
            message: `Row ${r + 1} of table "${tableId}" has ${counted(row.cells.length, 'cell')} for ${counted(table.columns.length, 'column')}`,
            hint:
              row.cells.length < table.columns.length
                ? `Give the row a cell for every column, in the columns' order (${table.columns.length - row.cells.length} missing).`
                : `Remove the ${counted(row.cells.length - table.columns.length, 'cell')} past the last column, or add a column for ${row.cells.length - table.columns.length === 1 ? 'it' : 'them'} under columns:.`,
            location: where('article', ['tables', tableId, 'rows', r, 'cells']),
          }),
        );
      }
      checkBasis(row.basis, ['tables', tableId, 'rows', r, 'basis']);
      row.cells.forEach((cell, c) => checkFigures(cell, row.basis, ['tables', tableId, 'rows', r, 'cells', c]));
    });
    const tableBasis = table.rows.flatMap((row) => row.basis);
    checkFigures(table.title, tableBasis, ['tables', tableId, 'title'], { in: "a table's title", restsOn: 'its rows' });
    table.columns.forEach((column, c) => checkFigures(column, tableBasis, ['tables', tableId, 'columns', c], { in: "a table's column heading", restsOn: 'its rows' }));
  }

  for (const [listId, points] of Object.entries(article.highlights ?? {})) {
    points.forEach((point, i) => {
      checkBasis(point.basis, ['highlights', listId, i, 'basis']);
      checkFigures(point.text, point.basis, ['highlights', listId, i, 'text']);
    });
  }

  // A stated figure quoted from the article must be the article's own words.
  if (articleText !== undefined) {
    for (const [key, fact] of Object.entries(facts.facts)) {
      const quote = fact.stated?.quote;
      if (fact.stated?.source !== article.article.source) continue;
      if (!quote) {
        // (no quote to hold the figure to: the article's text, whole, must say it somewhere; 82 typed for its 28 did not)
        if (!statesAnywhere(articleText, fact.type, fact.stated.value)) {
          diagnostics.push(
            withSource('facts', {
              code: 'MJZ145',
              severity: 'warning',
              message: `"${key}" states ${String(fact.stated.value)} as the article's, but the article does not say ${String(fact.stated.value)} anywhere`,
              hint: "Correct the value to the article's figure, and give the sentence that states it as the fact's quote (the value is then held to it). A newer figure from another source is stated with that source: add it to content/sources.yaml, and name it in stated.source with its own quote.",
              location: where('facts', ['facts', key, 'stated', 'value']),
            }),
          );
        }
        continue;
      }
      if (articleText.includes(normalise(quote))) {
        // The quote is the article's; it must also say the value stated beside it.
        if (!quoteStates(quote, fact.type, fact.stated!.value)) {
          diagnostics.push(
            withSource('facts', {
              code: 'MJZ145',
              severity: 'warning',
              message: `"${key}" states ${String(fact.stated!.value)}, but its quote does not say it`,
              hint: "Correct the value to the figure the quote says, or quote the article's sentence that states it. A newer figure from another source is stated with that source: add it to content/sources.yaml, and name it in stated.source with its own quote.",
              location: where('facts', ['facts', key, 'stated', 'value']),
            }),
          );
        }
        continue;
      }
      diagnostics.push(
        withSource('facts', {
          code: 'MJZ132',
          severity: 'warning',
          message: `The quote of "${key}" is not a verbatim sentence of ${article.article.text}`,
          hint: `Copy the sentence verbatim from ${article.article.text}. A sentence of another source goes with that source: name it in stated.source (and add it to content/sources.yaml).`,
          location: where('facts', ['facts', key, 'stated', 'quote']),
        }),
      );
    }
  }

  if (!checkedSources) return { diagnostics };
  const content: Content = {
    article: article.article,
    parts: article.parts,
    tables: article.tables ?? {},
    highlights: article.highlights ?? {},
    facts: located,
    sources,
    dataset,
    datasetFile: input.dataset?.path,
    groupings,
    locate: where,
    locateRef: (path, ref, nth) => locateRef(parsed.article, path, ref, nth) ?? where('article', path),
    sourceOf: (file) => parsed[file]?.file.text,
  };
  return { content, diagnostics };
}

/**
 * Every source id the dataset cites (a member's `sources`, a count's `source`) must be one of its
 * own `sources:` list: a figure resting on an id that is listed nowhere could not be traced, and
 * the sources slides would leave it out without a word. An error, at the id, with the id it was
 * most likely meant to be. An id of content/sources.yaml is no source of the dataset: the dataset
 * is published on its own, with its sources.
 */
function datasetCitations(dataset: Dataset, ownIds: ReadonlyMap<string, number>, where: (path: PropertyKey[]) => Location, text: string | undefined): Diagnostic[] {
  const ids = dataset.sources.map((s) => s.id);
  const known = new Set(ids);
  const sorted = [...new Set(ids)].sort(idCompare(ids));
  const listed = sorted.length <= 12 ? sorted.join(', ') : `${sorted[0]} to ${sorted[sorted.length - 1]} (${sorted.length} sources)`;
  const add = (id: string) => `add "${id}" to the dataset's sources: (id, title, url, date)`;
  const diagnostics: Diagnostic[] = [];
  const check = (id: string, what: string, it: string, path: PropertyKey[]) => {
    if (known.has(id)) return;
    const suggestion = didYouMeanId(id, ids);
    diagnostics.push({
      code: 'MJZ130',
      severity: 'error',
      message: `Unknown source "${id}" for ${what}: the dataset's sources: list has no such id, so ${it} cannot be traced to a source`,
      hint: ownIds.has(id)
        ? `"${id}" is a source of ${CONTENT_FILES.sources}, not of the dataset, which cites its own sources: ${add(id)}, or cite one it lists (${listed}).`
        : suggestion
          ? `Did you mean "${suggestion}"? If not, ${add(id)}; it lists ${listed}.`
          : `Correct the id, or ${add(id)}; it lists ${listed}.`,
      location: where(path),
      source: text,
    });
  };
  const members = (list: readonly Member[], key: 'members' | 'after_article', after: string) =>
    list.forEach((m, i) => m.sources.forEach((id, j) => check(id, `the member "${m.en}"${after}`, after ? 'the member' : 'the member, counted in every figure,', [key, i, 'sources', j])));
  members(dataset.members, 'members', '');
  members(dataset.after_article ?? [], 'after_article', ' (after the article)');
  dataset.counts_by_year.forEach((c, i) => check(c.source, `the count of ${c.members} members (${String(c.date)})`, 'the count', ['counts_by_year', i, 'source']));
  return diagnostics;
}

/**
 * The place of a [[reference]] inside the scalar at `path`: its n-th occurrence in the source
 * of the scalar, when the source holds it as written (it always does, short of a line folded
 * inside the brackets).
 */
function locateRef(parsed: ParsedYaml | undefined, path: readonly PropertyKey[], ref: string, nth: number): Location | undefined {
  const node = parsed?.doc.getIn(path as (string | number)[], true);
  if (!parsed || !isScalar(node) || !node.range) return undefined;
  const raw = parsed.file.text.slice(node.range[0], node.range[1]);
  let index = raw.indexOf(ref);
  for (let i = 0; i < nth && index !== -1; i++) index = raw.indexOf(ref, index + ref.length);
  if (index === -1) return undefined;
  const start = parsed.lineCounter.linePos(node.range[0] + index);
  const end = parsed.lineCounter.linePos(node.range[0] + index + ref.length);
  return { file: parsed.file.path, start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } };
}

/** A digit of any of the three scripts a figure is written in (checkFigures). */
const ANY_DIGIT = /[0-9٠-٩۰-۹]/;

/** Whether a quote says the figure: its digits (either script) or, for a month, its year. Text facts condense their quote and are not checked. */
export function quoteStates(quote: string, type: string, value: number | string): boolean {
  if (type === 'text') return true;
  return saysFigure(westernFigures(quote), type === 'month' ? String(value).slice(0, 4) : String(value));
}

/**
 * Whether an article's whole text says a figure, as quoteStates, or in the words it may use for
 * it: a small number written out («ثلاث مراحل»: not looked for, 10 and under are let be) or a
 * large one in thousands, millions or billions («1.5 مليون», «10 آلاف»).
 */
function statesAnywhere(text: string, type: string, value: number | string): boolean {
  if (quoteStates(text, type, value)) return true;
  if (typeof value !== 'number' || type !== 'number') return false;
  if (Number.isInteger(value) && Math.abs(value) <= 10) return true;
  const western = westernFigures(text);
  return ([[1e3, 'ألف|آلاف|الف|الاف'], [1e6, 'مليون|ملايين'], [1e9, 'مليار|مليارات']] as const).some(([unit, words]) => {
    const scaled = value / unit;
    return scaled >= 1 && Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-9 && new RegExp(`(?<![0-9]|[0-9][.])${String(scaled).replace('.', '\\.')}(?![0-9]|[.][0-9])\\s*(?:${words})`).test(western);
  });
}

/** Whether a text in Western figures says `figure` whole: not a piece of a longer number (3 is not said by 1.3, nor 1.3 by 1.35). */
function saysFigure(western: string, figure: string): boolean {
  return new RegExp(`(?<![0-9]|[0-9][.])${figure.replace(/[.]/g, '\\.')}(?![0-9]|[.][0-9])`).test(western);
}

/**
 * Collapses runs of white space, so a quote matches across line breaks, and composes the text
 * (NFC), so that a quote typed on one machine matches an article saved decomposed on another.
 * Arabic short vowels and other diacritics (tashkeel) and the tatweel are left out on both
 * sides: a quote retyped without them, or with one more, is the same words of the article.
 */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/\s+/g, ' ').trim();
}


/** The sources a YAML sources file names, read without its schema: each entry with an id. */
function leniently(yaml: ParsedYaml | undefined): { sources: Source[] } | undefined {
  if (!yaml || yaml.diagnostics.length) return undefined;
  const raw = (yaml.value as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(raw)) return undefined;
  const kinds = new Set(['article', 'dataset', 'report', 'web']);
  const sources = raw.flatMap((entry: unknown) => {
    const e = entry as Record<string, unknown> | null;
    // (an entry whose title or date the schema refused still has its id: citing it is no mistake)
    if (!e || (typeof e.id !== 'string' && typeof e.id !== 'number')) return [];
    return [{ id: String(e.id), title: typeof e.title === 'string' ? e.title : '', kind: (kinds.has(e.kind as string) ? e.kind : 'web') as Source['kind'] }];
  });
  return sources.length ? { sources } : undefined;
}
