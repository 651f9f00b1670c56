import { inWesternDigits, localizeDigits, withUnit } from '../format/arabic.js';
import { ARABIC_LETTER } from '../pptx/rtl.js';
import type { Manifest, ManifestChart, ManifestSlide } from './manifest.js';

export interface FactChange {
  key: string;
  label?: string;
  before?: number | string;
  after?: number | string;
}

/**
 * One point of a chart that changed: its value, or it was added (no `before`) or removed (no
 * `after`), or only its category's label changed (`was`), the point in its place with its value.
 */
export interface PointChange {
  /** The category's label as the slide shows it: the later build's, or the earlier one's for a point removed. */
  category: string;
  /** The category's label in the earlier build, when the label is what changed. */
  was?: string;
  /** The series' name (the later build's, or the earlier one's for a point removed). */
  series: string;
  before?: number;
  after?: number;
  /** The fact this point shows, when a fact feeds it (factValue in the template). */
  fact?: string;
}

/** What changed in a chart slide's chart: its type, its series, its points. */
export interface ChartChange {
  /**
   * The build whose manifest does not record the chart's data (one written by a mujaz before it
   * did): nothing below is known, only that the slide changed.
   */
  unrecorded?: 'before' | 'after' | 'both';
  type?: { before: string; after: string };
  /** Series renamed (both names), added (no `before`) or removed (no `after`). */
  series: { before?: string; after?: string }[];
  /** Every point that changed, in the order the later chart shows them (removed ones where they stood). */
  points: PointChange[];
  /** The categories kept are in another order. */
  reordered: boolean;
  /** The series kept are in another order (their colours and the legend change with it). */
  seriesReordered?: boolean;
}

export interface SlideChange {
  before: ManifestSlide;
  after: ManifestSlide;
  /** The slide's title, when it changed. */
  title?: { before: string; after: string };
  /** The slide's section, when it changed (the section was renamed, or the slide moved to another). */
  section?: { before?: string; after?: string };
  /** Facts on the slide whose values changed, or that appeared or left. */
  facts: FactChange[];
  /** A chart slide whose chart changed (or whose data one of the manifests does not record). */
  chart?: ChartChange;
  /**
   * The parts of the slide that changed and that no fact above accounts for (its notes, its
   * source line, its bullets…; a chart's part is all but its data); absent when one of the
   * manifests does not record them, or records them otherwise (see diffManifests).
   */
  parts?: string[];
  /** Nothing above changed: the slide changed only by the deck's new digits (its figures are in them). */
  inNewDigits?: true;
}

export interface DeckDiff {
  added: ManifestSlide[];
  removed: ManifestSlide[];
  changed: SlideChange[];
  /**
   * Slides kept that are in another place among the others (changed or not): the fewest that,
   * taken out and put back, give the later order. Slides that only shift as others are added or
   * removed before them are not among them.
   */
  moved: { before: ManifestSlide; after: ManifestSlide }[];
  /** Facts of the content whose values changed, used on a slide or not. */
  facts: FactChange[];
  /** The audience's look changed (its theme's settings, its logo, the footer): by its aspects where both manifests record them. */
  look: boolean;
  /** Which of its aspects changed, when both manifests record them (the theme's settings, the logo, the footer). */
  looks?: LookChange[];
}

/** One aspect of the look that changed, with its values: a text (digits, marking, footer) as its deck shows it, or a fingerprint. */
export interface LookChange {
  aspect: string;
  before?: string;
  after?: string;
}

/**
 * Compares two builds slide by slide. Slides are matched within their section and kind: first
 * those of the same title, then the rest in their order (a title that a changed figure rewords
 * keeps its slide), so that a chart taken out of a section is removed, not the next chart
 * compared with it. A slide left over is then matched across sections: to one of its kind and
 * title (it moved to another section), then within a renamed section (see matchSlides).
 */
export function diffManifests(before: Manifest, after: Manifest): DeckDiff {
  // The slides' wording is compared where both manifests record it alike. A manifest that records
  // the look's aspects records a deck of Arabic-Indic digits' wording in Western digits; one
  // written before, in the deck's own. Between the two, it is compared only when the look is the
  // same (the same digits, then) and they are Western; else no part is named.
  const digitsChanged = before.looks !== undefined && after.looks !== undefined && before.looks.digits !== after.looks.digits;
  const recorded = before.looks ?? after.looks;
  const wordingComparable = (before.looks === undefined) === (after.looks === undefined) || (before.look === after.look && recorded?.digits === 'western');
  const western = digitsChanged ? inWesternDigits : (text: string) => text;
  const old = matchSlides(before.slides, after.slides);
  const matched = new Set(old.values());
  const added = after.slides.filter((s) => !old.has(s));
  const removed = before.slides.filter((s) => !matched.has(s));
  const changed: SlideChange[] = [];
  for (const s of after.slides) {
    const o = old.get(s);
    if (!o || o.fingerprint === s.fingerprint) continue;
    const chart = s.kind === 'chart' ? chartChange(o, s, digitsChanged) : undefined;
    const facts = factChanges(o.facts, s.facts);
    const parts = wordingComparable ? partChanges(o, s, facts, chart) : undefined;
    // (a title or section only the new digits changed is the same)
    const title = western(o.title) !== western(s.title);
    const section = western(o.section ?? '') !== western(s.section ?? '') || (o.section === undefined) !== (s.section === undefined);
    const chartSaid = chart !== undefined && (chart.type || chart.unrecorded || chart.series.length || chart.points.length || chart.reordered || chart.seriesReordered);
    changed.push({
      before: o,
      after: s,
      ...(title ? { title: { before: o.title, after: s.title } } : {}),
      ...(section ? { section: { before: o.section, after: s.section } } : {}),
      facts, ...(chart ? { chart } : {}), ...(parts ? { parts } : {}),
      ...(digitsChanged && !title && !section && !facts.length && !chartSaid && !parts?.length ? { inNewDigits: true as const } : {}),
    });
  }
  // (by its aspects where both record them; the audience's label, in the whole's fingerprint, is none)
  const looks = before.looks && after.looks ? lookChanges(before.looks, after.looks) : undefined;
  const look = looks ? looks.length > 0 : before.look !== undefined && after.look !== undefined && before.look !== after.look;
  const kept = after.slides.filter((s) => old.has(s));
  const inOrder = longestInOrder(kept.map((s) => old.get(s)!.n));
  const moved = kept.filter((_, i) => !inOrder.has(i)).map((s) => ({ before: old.get(s)!, after: s }));
  return { added, removed, changed, moved, facts: factChanges(before.facts, after.facts), look, ...(looks ? { looks } : {}) };

  /** The facts whose values differ between two maps of key → { value }, labelled. */
  function factChanges(b: Record<string, { value: number | string; unit?: string }>, a: Record<string, { value: number | string; unit?: string }>): FactChange[] {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys
      .filter((key) => b[key]?.value !== a[key]?.value || b[key]?.unit !== a[key]?.unit)
      .map((key) => ({ key, label: after.facts[key]?.label ?? before.facts[key]?.label, before: shown(b[key]), after: shown(a[key]) }));
  }
}

/** The aspects of the look whose records differ, in the order the report names them, each text (digits, marking, footer) as its deck shows it, in its digits. */
function lookChanges(b: Record<string, string>, a: Record<string, string>): LookChange[] {
  const order = [...LOOK_ASPECTS.keys()];
  const rank = (aspect: string) => (order.includes(aspect) ? order.indexOf(aspect) : order.length);
  const of = (record: Record<string, string>, aspect: string) => (Object.hasOwn(record, aspect) ? record[aspect] : undefined);
  const shown = (record: Record<string, string>, aspect: string) => {
    const value = of(record, aspect);
    return value !== undefined && LOOK_ASPECTS.get(aspect)?.text && of(record, 'digits') === 'arabic-indic' ? localizeDigits(value, 'arabic-indic') : value;
  };
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((aspect) => of(b, aspect) !== of(a, aspect))
    .sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : 1))
    .map((aspect) => ({ aspect, ...(of(b, aspect) !== undefined ? { before: shown(b, aspect)! } : {}), ...(of(a, aspect) !== undefined ? { after: shown(a, aspect)! } : {}) }));
}

/**
 * How the report names each aspect of the look; `text`: the manifest records it in words (the
 * others by a fingerprint); `printed`: the report's line quotes its values (the footer's, a
 * line long, only `diff --json` gives).
 */
const LOOK_ASPECTS = new Map<string, { name: string; text?: boolean; printed?: boolean }>([
  ['digits', { name: 'digits', text: true, printed: true }],
  ['fonts', { name: 'fonts' }],
  ['colors', { name: 'colours' }],
  ['sizes', { name: 'type sizes' }],
  ['logo', { name: 'logo' }],
  ['footer', { name: 'footer', text: true }],
  ['marking', { name: 'marking', text: true, printed: true }],
]);

/** The line that says what of the look changed: "the look changed: its digits (arabic-indic → western), its colours". */
function lookLine(diff: DeckDiff): string {
  if (!diff.looks?.length) return 'the look of every slide changed: its theme (colours, fonts, sizes, digits), its logo or its footer';
  const words = (text: string | undefined) => (text === undefined ? 'none' : iso(text.replace(/\s+/g, ' ').trim()));
  const said = diff.looks.map(({ aspect, before, after }) => {
    const known = LOOK_ASPECTS.get(aspect);
    const name = `its ${known?.name ?? aspect}`;
    if (known?.printed) return `${name} (${words(before)} → ${words(after)})`;
    return before === undefined ? `${name} (added)` : after === undefined ? `${name} (removed)` : name;
  });
  return `the look changed: ${said.join(', ')}`;
}

/**
 * The parts of a slide that changed, in the slide's order, but what a changed fact accounts
 * for. Two decks that record their slides' wording (the facts as their keys) compare it: a part
 * whose words changed is named, one whose facts alone changed is not; a list (bullets, rows,
 * stats…) is named when an element was edited, added, removed or moved. A chart's data is said
 * point by point; its text is compared without its figures. Decks written before the wording was
 * recorded compare their parts as written: a part is named unless a changed fact shows on it, and
 * a chart's text is not named when its data changed. Undefined when either deck records neither.
 */
function partChanges(o: ManifestSlide, s: ManifestSlide, facts: readonly FactChange[], chart: ChartChange | undefined): string[] | undefined {
  const list = (value: string | undefined) => (value?.endsWith('.') ? value.slice(0, -1).split('.') : undefined);
  if (o.wording && s.wording) {
    const [b, a] = [o.wording, s.wording];
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => b[key] !== a[key]);
  }
  if (!o.parts || !s.parts) return undefined;
  const b = o.parts;
  const a = s.parts;
  // where the changed facts show: `bullets[2]` is element 2 of the bullets, `chart.alt` the chart's text
  const shownAt = facts.flatMap((f) => [...(o.facts[f.key]?.elements ?? []), ...(s.facts[f.key]?.elements ?? [])]);
  const explained = (key: string, index?: number) =>
    shownAt.some((element) => {
      const [, root = '', at] = /^([^.[]+)(?:\[(\d+)\])?/.exec(element) ?? [];
      if (key === 'chart.text') return root === 'chart' && /^chart\.(alt|note)/.test(element);
      return root === key && (index === undefined || Number(at) === index);
    });
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => {
    if (b[key] === a[key]) return false;
    if (key === 'chart.text' && chart) return false;
    // a list (its elements' fingerprints, each ended by a dot): named when an element that changed
    // shows no changed fact
    const before = list(b[key]);
    const after = list(a[key]);
    // (one with an element more or less: named)
    if (before && after) return before.length !== after.length || before.some((h, i) => h !== after[i] && !explained(key, i));
    return !explained(key);
  });
}

/** How the report names a part of a slide's spec (by the slide's kind where a name means two things). */
function partName(kind: ManifestSlide['kind'], part: string): string {
  if (part === 'columns') return kind === 'table' ? 'column headings' : 'number of columns';
  const names: Record<string, string> = {
    notes: 'speaker notes',
    source: 'source line',
    chart: 'chart look (colours, value labels, legend)',
    'chart.text': "chart's alternative text or note",
    stats: 'figures and their labels',
    items: 'list',
    rows: 'rows',
    widths: 'column widths',
    bullets: 'bullets',
    callout: 'callout',
    subtitle: 'subtitle',
    date: 'date',
    byline: 'byline',
  };
  return names[part] ?? part;
}

/**
 * The places of a longest increasing run (not necessarily adjacent) in a list of numbers: the
 * slides that kept their order; the others moved. O(n log n).
 */
function longestInOrder(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[k]: the place of the smallest end of a run of length k + 1
  const previous: number[] = [];
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  });
  const run = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) run.add(i);
  return run;
}

/** A title with each of its figures (in either digits, with separators) as #: two titles that differ in their figures alone are then the same. */
const withoutFigures = (title: string) => title.replace(/[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*/g, '#');

/**
 * Each slide of `after` with the slide of `before` it is (see diffManifests). Within a section
 * and kind: by title, then in order. Across sections, for the slides left: by kind and title (a
 * slide moved to another section), then, when as many sections left the deck as came into it,
 * the n-th section gone is the n-th section new (renamed), its slides matched by kind in order.
 */
function matchSlides(before: readonly ManifestSlide[], after: readonly ManifestSlide[]): Map<ManifestSlide, ManifestSlide> {
  const pairs = new Map<ManifestSlide, ManifestSlide>();
  const paired = new Set<ManifestSlide>();
  /**
   * Pairs each slide of `after` not yet paired with the first slide of `before` not yet paired
   * that has the same key (none for a slide whose key is undefined).
   */
  const pass = (key: (o: ManifestSlide) => string | undefined, keyAfter = key) => {
    const free = new Map<string, ManifestSlide[]>();
    for (const o of before) {
      const k = paired.has(o) ? undefined : key(o);
      if (k === undefined) continue;
      const list = free.get(k);
      if (list) list.push(o);
      else free.set(k, [o]);
    }
    for (const s of after) {
      const k = pairs.has(s) ? undefined : keyAfter(s);
      const o = k === undefined ? undefined : free.get(k)?.shift();
      if (o) (pairs.set(s, o), paired.add(o));
    }
  };
  const group = (s: ManifestSlide) => s.id.replace(/\/[^/]*$/, ''); // section/kind (the id without its rank)
  pass((s) => `${group(s)}\u0000${s.title}`);
  pass(group);
  pass((s) => `${s.kind}\u0000${s.title}`);
  const sections = (slides: readonly ManifestSlide[]) => [...new Set(slides.map((s) => s.section ?? ''))];
  const [was, is] = [sections(before), sections(after)];
  const gone = was.filter((name) => !is.includes(name));
  const come = is.filter((name) => !was.includes(name));
  if (gone.length && gone.length === come.length) {
    // (a slide of `after` keyed by the section it was)
    const renamed = new Map(come.map((name, i) => [name, gone[i]!]));
    pass(
      (o) => `${o.section ?? ''}\u0000${o.kind}`,
      (s) => (renamed.has(s.section ?? '') ? `${renamed.get(s.section ?? '')}\u0000${s.kind}` : undefined),
    );
  }
  return pairs;
}

/**
 * What changed in the chart of a chart slide, point by point; undefined when its data is the
 * same (the slide changed elsewhere: its notes, its alternative text, its commentary).
 *
 * Categories are matched by their label (the second of two equal labels with the second);
 * series by their name, and those left over by their place (a series renamed). A category left
 * over on both sides at the same place, with the same values, is that point relabelled; the
 * others were removed or added.
 */
function chartChange(o: ManifestSlide, s: ManifestSlide, digitsChanged: boolean): ChartChange | undefined {
  // (labels and names are compared in Western digits when the deck's digits changed: the same label in the new digits is the same point)
  const western = digitsChanged ? inWesternDigits : (text: string) => text;
  const b = o.chart;
  const a = s.chart;
  if (!b || !a) return { unrecorded: !b && !a ? 'both' : !b ? 'before' : 'after', series: [], points: [], reordered: false };
  const change: ChartChange = { series: [], points: [], reordered: false };
  if (b.type !== a.type) change.type = { before: b.type, after: a.type };

  // series: by name, then the rest by their place among the rest
  const seriesPairs: [number, number][] = [];
  const taken = new Set<number>();
  const unpaired: number[] = [];
  b.series.forEach((series, i) => {
    const j = a.series.findIndex((t, j) => !taken.has(j) && western(t.name) === western(series.name));
    if (j === -1) return unpaired.push(i);
    taken.add(j);
    seriesPairs.push([i, j]);
  });
  const left = a.series.map((_, j) => j).filter((j) => !taken.has(j));
  unpaired.forEach((i, k) => {
    const j = left[k];
    if (j === undefined) return change.series.push({ before: b.series[i]!.name });
    seriesPairs.push([i, j]);
    change.series.push({ before: b.series[i]!.name, after: a.series[j]!.name });
  });
  for (const j of left.slice(unpaired.length)) change.series.push({ after: a.series[j]!.name });
  seriesPairs.sort(([, x], [, y]) => x - y);
  if (seriesPairs.some(([i], k) => k > 0 && i < seriesPairs[k - 1]![0])) change.seriesReordered = true;

  // categories: by label (and which of equal labels), then relabelled in place
  const keys = (labels: readonly string[]) => {
    const seen = new Map<string, number>();
    return labels.map(western).map((label) => {
      const k = seen.get(label) ?? 0;
      seen.set(label, k + 1);
      return `${label}\u0000${k}`;
    });
  };
  const afterAt = new Map(keys(a.categories).map((key, j) => [key, j]));
  const pairs: [number, number][] = []; // before index, after index
  const gone: number[] = [];
  keys(b.categories).forEach((key, i) => {
    const j = afterAt.get(key);
    if (j === undefined) gone.push(i);
    else pairs.push([i, j]);
  });
  const kept = new Set(pairs.map(([, j]) => j));
  const valueOf = (chart: ManifestChart, series: number, at: number): number | undefined => chart.series[series]?.values[at];
  const relabelled = new Set(
    gone.filter((i) => i < a.categories.length && !kept.has(i) && seriesPairs.every(([sb, sa]) => valueOf(b, sb, i) === valueOf(a, sa, i))),
  );
  change.reordered = pairs.some(([, j], k) => k > 0 && j < pairs[k - 1]![1]);

  const factAt = (slide: ManifestSlide, series: number, at: number): string | undefined => {
    const element = `chart.series[${series}].values[${at}]`;
    return Object.keys(slide.facts).find((key) => slide.facts[key]!.elements.includes(element));
  };
  const found: { place: number; point: PointChange }[] = [];
  const point = (place: number, p: PointChange) => found.push({ place, point: p });
  for (const [i, j] of pairs) {
    for (const [sb, sa] of seriesPairs) {
      const [x, y] = [valueOf(b, sb, i), valueOf(a, sa, j)];
      if (x === y) continue;
      const fact = factAt(s, sa, j) ?? factAt(o, sb, i);
      point(j, { category: a.categories[j]!, series: a.series[sa]!.name, before: x, after: y, ...(fact ? { fact } : {}) });
    }
  }
  for (const i of relabelled) {
    for (const [sb, sa] of seriesPairs) point(i, { category: a.categories[i]!, was: b.categories[i]!, series: a.series[sa]!.name, before: valueOf(b, sb, i), after: valueOf(a, sa, i) });
  }
  const shownAt = new Set([...kept, ...relabelled]);
  a.categories.forEach((category, j) => {
    if (shownAt.has(j)) return;
    for (const [, sa] of seriesPairs) {
      const fact = factAt(s, sa, j);
      point(j, { category, series: a.series[sa]!.name, after: valueOf(a, sa, j), ...(fact ? { fact } : {}) });
    }
  });
  for (const i of gone.filter((i) => !relabelled.has(i))) {
    // where it stood: before the next category kept
    const next = pairs.find(([k]) => k > i);
    for (const [sb] of seriesPairs) {
      const fact = factAt(o, sb, i);
      point((next ? next[1] : a.categories.length) - 0.5, { category: b.categories[i]!, series: b.series[sb]!.name, before: valueOf(b, sb, i), ...(fact ? { fact } : {}) });
    }
  }
  // (a stable sort: at one place, the series in their order)
  change.points = found.sort((x, y) => x.place - y.place).map((f) => f.point);
  const same = !change.type && !change.series.length && !change.points.length && !change.reordered && !change.seriesReordered;
  return same ? undefined : change;
}

export function isEmpty(diff: DeckDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.changed.length && !diff.moved.length && !diff.facts.length && !diff.look;
}

const value = (v: number | string | undefined) => (v === undefined ? '—' : String(v));

/** A fact's value as a slide shows it with its unit (48%, 4.5 مليار دولار); the bare value without one. */
const shown = (fact: { value: number | string; unit?: string } | undefined): number | string | undefined => (fact?.unit ? withUnit(String(fact.value), fact.unit) : fact?.value);

/** A chart's changed points are all listed up to this many; beyond it, the first few and how many more. */
const LIST_ALL_POINTS = 8;
const LIST_FIRST_POINTS = 5;

/**
 * Arabic text in a line of the report, isolated (U+2068 … U+2069): a terminal or viewer that
 * lays out Arabic right to left would otherwise draw the figures and the arrow after it into
 * its run, and show «89 → 90» as 90 → 89. Text without right-to-left letters stays as it is.
 */
const iso = (text: string | number): string => (ARABIC_LETTER.test(String(text)) ? `\u2068${text}\u2069` : String(text));

/** The summary people read: which slides were added, removed and changed, and which facts moved. */
export function formatDiff(diff: DeckDiff): string {
  if (isEmpty(diff)) return 'no differences';
  const lines: string[] = [];
  if (diff.look) lines.push(lookLine(diff));
  for (const f of diff.facts) lines.push(`fact ${f.key}${f.label ? ` (${iso(f.label)})` : ''}: ${iso(value(f.before))} → ${iso(value(f.after))}`);
  for (const s of diff.added) lines.push(`+ slide ${s.n} ${s.kind}: ${iso(s.title)}`);
  for (const s of diff.removed) lines.push(`- slide ${s.n} ${s.kind}: ${iso(s.title)}`);
  const moved = new Set(diff.moved.map((m) => m.after));
  const changed = new Set(diff.changed.map((c) => c.after));
  const where = (c: { before: ManifestSlide; after: ManifestSlide }) => (c.before.n === c.after.n ? `${c.after.n}` : `${c.before.n} → ${c.after.n}`);
  for (const m of diff.moved) if (!changed.has(m.after)) lines.push(`↕ slide ${where(m)} ${m.after.kind}: ${iso(m.after.title)} (moved)`);
  for (const c of diff.changed) {
    lines.push(`~ slide ${where(c)} ${c.after.kind}: ${iso(c.after.title)}${moved.has(c.after) ? ' (moved)' : ''}`);
    // (a title whose figures alone changed, with a fact it prints, is said by that fact's line;
    // one reworded as well is said in full)
    const inTitle = (key: string) => [c.before.facts[key], c.after.facts[key]].some((f) => f?.elements.includes('title'));
    const figuresOnly = c.title !== undefined && c.facts.some((f) => inTitle(f.key)) && withoutFigures(c.title.before) === withoutFigures(c.title.after);
    if (c.section) lines.push(`    section: ${iso(value(c.section.before))} → ${iso(value(c.section.after))}`);
    if (c.title && !figuresOnly) lines.push(`    title: ${iso(c.title.before)} → ${iso(c.title.after)}`);
    for (const f of c.facts) lines.push(`    ${iso(f.label ?? f.key)} (${f.key}): ${iso(value(f.before))} → ${iso(value(f.after))}`);
    if (c.chart) lines.push(...formatChart(c.chart, c.before.chart, c.after.chart).map((line) => `    ${line}`));
    // (not when the look changed and a manifest does not record which aspects: its text may be in
    // other digits, which the look's line says)
    const said = lines[lines.length - 1]!.startsWith('~') ? 'changed' : 'also changed';
    if (c.parts?.length && !(diff.look && !diff.looks)) lines.push(`    ${said}: ${c.parts.map((p) => partName(c.after.kind, p)).join(', ')}`);
    else if (c.inNewDigits) lines.push('    its figures, in the new digits');
  }
  return lines.join('\n');
}

/** The lines that say what changed in a chart: its type, its series, then its points (the first few of many). */
function formatChart(change: ChartChange, before: ManifestChart | undefined, after: ManifestChart | undefined): string[] {
  if (change.unrecorded) {
    const whose = { before: "the earlier deck's manifest does not record them: it was", after: "the later deck's manifest does not record them: it was", both: 'neither manifest records them: both were' }[change.unrecorded];
    return [`chart points: not compared (${whose} written by an older mujaz)`];
  }
  const lines: string[] = [];
  if (change.type) lines.push(`chart type: ${change.type.before} → ${change.type.after}`);
  for (const s of change.series) lines.push(`series: ${iso(value(s.before))} → ${iso(value(s.after))}`);
  if (change.seriesReordered) lines.push('chart series kept: in another order');
  if (change.reordered) lines.push(change.points.some((p) => p.before === undefined || p.after === undefined || p.was !== undefined) ? 'chart categories kept: in another order' : 'chart categories: the same, in another order');
  // (a point names its series when the chart has more than one)
  const several = (before?.series.length ?? 0) > 1 || (after?.series.length ?? 0) > 1;
  const line = (p: PointChange) => {
    const label = p.was !== undefined ? `${iso(p.was)} → ${iso(p.category)}` : iso(p.category);
    const values = p.was !== undefined && p.before === p.after ? value(p.after) : `${value(p.before)} → ${value(p.after)}`;
    return `point ${label}${several ? ` in «${iso(p.series)}»` : ''}${p.fact ? ` (${p.fact})` : ''}: ${values}`;
  };
  const n = change.points.length;
  if (n <= LIST_ALL_POINTS) return [...lines, ...change.points.map(line)];
  const of = after ? after.categories.length * after.series.length : 0;
  return [
    ...lines,
    `${n}${n <= of ? ` of ${of}` : ''} chart points changed; the first ${LIST_FIRST_POINTS}:`,
    ...change.points.slice(0, LIST_FIRST_POINTS).map((p) => `  ${line(p)}`),
    `  and ${n - LIST_FIRST_POINTS} more`,
  ];
}
