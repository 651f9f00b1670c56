import type { Content } from '../content/parse.js';
import type { Source } from '../content/schema.js';
import { FACT_REF } from '../content/files.js';
import type { DataFigures } from '../facts/data.js';
import type { ResolvedFact } from '../facts/resolve.js';
import { formatDate, formatNumber, formatYear, toDigits, type Digits } from '../format/arabic.js';
import { idCompare } from '../format/natural.js';
import { markFact, withoutMarkers } from '../facts/markers.js';
import { citedSources } from '../facts/unused.js';
import type { Theme } from './theme.js';

/** A fact as templates see it: its value printed for the audience, and where it came from. */
export interface ContextFact {
  key: string;
  label: string;
  value: number | string;
  text: string;
  qualifier?: string;
  /** Printed after the figure with {{fact key unit=true}}. */
  unit?: string;
  sources: string[];
  /** What its source states, when it states one (a data fact shows the data's figure, which may differ). */
  stated?: number | string;
  /** The id of the source that states it. */
  statedBy?: string;
}

/** A data point with its label and its value printed for the audience. */
export interface LabelledValue {
  label: string;
  value: number;
  text: string;
}

export interface ContextPart {
  id: string;
  heading: string;
  short: string;
  points: string[];
  notes: string;
  /** Facts the part's text refers to. */
  facts: string[];
}

/** Where the context keeps the states the dataset names (see TemplateContext.data). */
export const STATES: unique symbol = Symbol('mujaz.states');
/** A state the dataset names, a member or one listed as joining after the article: its ISO code and names. */
export interface NamedState {
  iso2: string;
  en: string;
  ar: string;
}

/** Everything a template may read for one audience. */
export interface TemplateContext {
  audience: { name: string; label: string; description: string };
  theme: Theme;
  article: { title: string; subtitle?: string; date: string; dateIso: string; source: string };
  parts: ContextPart[];
  /** Summary tables by id: columns and rows of text. */
  tables: Record<string, { title: string; columns: string[]; rows: string[][] }>;
  /** Named lists of key messages, their fact references filled in. */
  highlights: Record<string, string[]>;
  facts: Record<string, ContextFact>;
  data: {
    composition: { categories: string[]; values: number[]; points: LabelledValue[]; total: number; totalText: string; note: string };
    growth: { categories: string[]; values: number[]; points: LabelledValue[]; first: string; last: string; joined: string[] };
    /** ISO codes of the identified members. */
    members: string[];
    /** The states the dataset names, for isMember's "did you mean" (under a symbol: no template reads it, --emit context does not write it). */
    readonly [STATES]?: readonly NamedState[];
  };
  /** The project's sources (content/sources.yaml) the deck rests on, whatever their kind, as listed: the article first. */
  sources: Source[];
  /** The dataset's own sources (its published sources) that the deck rests on, by number (S2 before S10). */
  datasetSources: Source[];
}

export function formatFact(fact: ResolvedFact, digits: Digits): string {
  switch (fact.type) {
    case 'text':
      return String(fact.value);
    case 'year':
      return formatYear(Number(fact.value), digits);
    case 'month':
      return formatDate(String(fact.value), digits);
    default:
      return typeof fact.value === 'number' ? formatNumber(fact.value, digits) : toDigits(String(fact.value), digits);
  }
}

/**
 * The sources a deck lists: the project's (content/sources.yaml) it rests on, the article first,
 * and the dataset's own, by number (S2 before S10). It rests on the article, each source a fact
 * states (only the facts it shows, once known), the dataset's entry and its figures' sources, and
 * the sources its templates name.
 */
export function deckSources(
  content: Content,
  facts: Record<string, ResolvedFact>,
  data: DataFigures | undefined,
  namedSources: ReadonlySet<string>,
  shownFacts?: ReadonlySet<string>,
): { sources: Source[]; datasetSources: Source[] } {
  const usedSources = citedSources(content, shownFacts); // the article, each source a (shown) fact states, the dataset's entry
  for (const f of Object.values(facts)) if (!shownFacts || shownFacts.has(f.key)) f.sources.forEach((s) => usedSources.add(s));
  for (const s of data?.sources ?? []) usedSources.add(s);
  namedSources.forEach((s) => usedSources.add(s));
  const listedInDataset = new Set(content.dataset?.sources.map((s) => s.id));
  const cited = content.sources.filter((s) => usedSources.has(s.id));
  const sources = cited.filter((s) => !listedInDataset.has(s.id)).sort((a, b) => Number(b.id === content.article.source) - Number(a.id === content.article.source));
  const fromDataset = cited.filter((s) => listedInDataset.has(s.id));
  const compare = idCompare(fromDataset.map((s) => s.id));
  return { sources, datasetSources: fromDataset.sort((a, b) => compare(a.id, b.id)) };
}

export function buildContext(
  name: string,
  theme: Theme,
  content: Content,
  facts: Record<string, ResolvedFact>,
  data: DataFigures | undefined,
  /** Source ids the audience's templates name ({{source "ID"}}): cited like a fact's. */
  namedSources: ReadonlySet<string> = new Set(),
  /**
   * The facts the deck shows, once known (from a first expansion): only their sources are cited.
   * Until then, every fact's.
   */
  shownFacts?: ReadonlySet<string>,
): TemplateContext {
  const digits = theme.digits;
  const contextFacts: Record<string, ContextFact> = {};
  for (const fact of Object.values(facts)) {
    contextFacts[fact.key] = {
      key: fact.key,
      label: fact.label,
      value: fact.value,
      text: formatFact(fact, digits),
      qualifier: fact.qualifier,
      unit: fact.unit,
      sources: fact.sources,
      stated: content.facts[fact.key]?.stated?.value,
      statedBy: content.facts[fact.key]?.stated?.source,
    };
  }
  const fill = (text: string, used: Set<string>) =>
    text.replace(FACT_REF, (_, key: string) => {
      used.add(key);
      return markFact(key, contextFacts[key]!.text);
    });

  const parts = content.parts.map((part): ContextPart => {
    const used = new Set<string>();
    return {
      id: part.id,
      heading: fill(part.heading, used),
      short: fill(part.short, used),
      points: part.points.map((p) => fill(p.text, used)),
      notes: fill(part.notes, used),
      facts: [...used],
    };
  });

  const outlineFacts = new Set<string>();
  const tables = Object.fromEntries(
    Object.entries(content.tables).map(([id, t]) => [id, { title: fill(t.title, outlineFacts), columns: t.columns.map((c) => fill(c, outlineFacts)), rows: t.rows.map((r) => r.cells.map((c) => fill(c, outlineFacts))) }]),
  );
  const highlights = Object.fromEntries(Object.entries(content.highlights).map(([id, points]) => [id, points.map((p) => fill(p.text, outlineFacts))]));
  // A data point printed on a slide counts as a use of the fact computed from the same figure.
  const byData = new Map(Object.values(facts).filter((f) => f.data).map((f) => [f.data!, f.key]));
  const dataText = (figure: string, value: number) => {
    const text = formatNumber(value, digits);
    const key = byData.get(figure);
    return key ? markFact(key, text) : text;
  };
  const composition = data?.composition;
  const growth = data?.growth ?? [];
  const { sources, datasetSources } = deckSources(content, facts, data, namedSources, shownFacts);

  return {
    audience: { name, label: theme.label, description: theme.description },
    theme,
    article: {
      title: fill(content.article.title, outlineFacts),
      subtitle: content.article.subtitle === undefined ? undefined : fill(content.article.subtitle, outlineFacts),
      date: formatDate(content.article.date, digits),
      dateIso: content.article.date,
      source: content.article.source,
    },
    parts,
    tables,
    highlights,
    facts: contextFacts,
    data: {
      composition: {
        categories: composition?.points.map((p) => p.label) ?? [],
        values: composition?.points.map((p) => p.value) ?? [],
        points: composition?.points.map((p) => ({ label: p.label, value: p.value, text: dataText(p.id === 'unidentified' ? 'members.unidentified' : `groups.${p.id}`, p.value) })) ?? [],
        total: composition?.total ?? 0,
        totalText: dataText('members.total', composition?.total ?? 0),
        note: composition?.note ?? '',
      },
      growth: {
        categories: growth.map((g) => (g.joiner ? `انضمام ${g.joiner}` : formatYear(g.year, digits))),
        values: growth.map((g) => g.members),
        points: growth.map((g) => ({ label: g.joiner ? `انضمام ${g.joiner}` : formatYear(g.year, digits), value: g.members, text: formatNumber(g.members, digits) })),
        first: growth.length ? formatYear(growth[0]!.year, digits) : '',
        last: growth.length ? formatYear(growth[growth.length - 1]!.year, digits) : '',
        joined: growth.filter((g) => g.joiner).map((g) => g.joiner!),
      },
      members: content.dataset?.members.flatMap((m) => (m.iso2 ? [m.iso2] : [])) ?? [],
      [STATES]: [...(content.dataset?.members ?? []), ...(content.dataset?.after_article ?? [])].flatMap((m) => (m.iso2 ? [{ iso2: m.iso2, en: m.en, ar: m.ar }] : [])),
    },
    sources,
    datasetSources,
  };
}

/**
 * Where the outline (or the facts) wrote each text the context gives templates as it is (its
 * references filled in): a part's heading, short title and points, a highlight, a table's title,
 * the article's title and subtitle, a fact's label. By the text as a slide shows it, for a later
 * stage's warning about a text a slide shows as written (the first place, when two write the same).
 */
export function outlineTexts(context: TemplateContext): Map<string, { file: 'article' | 'facts'; path: (string | number)[] }> {
  const places = new Map<string, { file: 'article' | 'facts'; path: (string | number)[] }>();
  const add = (text: string | undefined, file: 'article' | 'facts', path: (string | number)[]) => {
    const key = text === undefined ? '' : withoutMarkers(text).trim();
    if (key && !places.has(key)) places.set(key, { file, path });
  };
  add(context.article.title, 'article', ['article', 'title']);
  add(context.article.subtitle, 'article', ['article', 'subtitle']);
  context.parts.forEach((part, i) => {
    add(part.heading, 'article', ['parts', i, 'heading']);
    add(part.short, 'article', ['parts', i, 'short']);
    part.points.forEach((point, j) => add(point, 'article', ['parts', i, 'points', j, 'text']));
  });
  for (const [id, points] of Object.entries(context.highlights)) points.forEach((point, j) => add(point, 'article', ['highlights', id, j, 'text']));
  for (const [id, table] of Object.entries(context.tables)) add(table.title, 'article', ['tables', id, 'title']);
  for (const [key, fact] of Object.entries(context.facts)) add(fact.label, 'facts', ['facts', key, 'label']);
  return places;
}
