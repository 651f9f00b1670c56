import { createHash } from 'node:crypto';
import { z } from 'zod';
import { describePath } from '../diagnostics/schema.js';
import { usesBySlide, type FactUse } from '../facts/markers.js';
import type { ResolvedFact } from '../facts/resolve.js';
import { SlideSchema, type DeckSpec, type Slide } from '../spec/schema.js';
import { mapTexts } from '../spec/digits.js';
import { formatFact } from '../audience/context.js';
import { inWesternDigits, type Digits } from '../format/arabic.js';

/**
 * What a build made, slide by slide: a fingerprint of each slide's spec, the facts it shows and
 * a chart's labels and values. Written next to each deck (<audience>.manifest.json) and embedded
 * in it, so two decks can be compared (mujaz diff) without rebuilding either. Fields added since
 * the first manifests are optional, and the format stays 1: an older mujaz reads a newer deck
 * (dropping what it does not know), and a deck it built is read here, its missing fields said.
 */
export interface ManifestSlide {
  /** 1-based position in the deck. */
  n: number;
  /** A stable identity for matching slides across builds: section, kind and rank within them. */
  id: string;
  kind: Slide['kind'];
  title: string;
  section?: string;
  /** sha256 of the slide's spec. */
  fingerprint: string;
  /**
   * A short fingerprint of each part of the slide's spec but its kind, title and section (its
   * bullets, notes, source line, stats, table, a chart other than its data), so that diff can say
   * which changed. Absent from manifests written before it was added; written before `wording`
   * was, and read only from those.
   */
  parts?: Record<string, string>;
  /**
   * The same, of the slide's wording: each fact it shows in the place of its figure, and a chart's
   * text without its figures (which follow its data), so that diff names a part whose words
   * changed, beside a fact that changed or not, and no part whose facts alone changed. In a deck
   * of Arabic-Indic digits that records `looks`, its figures are read in Western digits (the
   * deck's digits are an aspect of its look): a deck put in other digits has no part named for it.
   */
  wording?: Record<string, string>;
  /** The facts the slide shows: key → value (and unit, when the fact has one), and where on the slide. */
  facts: Record<string, { value: number | string; unit?: string; elements: string[] }>;
  /**
   * A chart slide's data, as the slide shows it: its type, its category labels (in the audience's
   * digits) and each series' name and values, one per category. What diff compares point by
   * point. Absent from manifests written before it was added (and from slides without a chart).
   */
  chart?: ManifestChart;
}

/** A chart's data in a manifest: the labels once, each series' values in their order (compact: it is embedded in every deck). */
export interface ManifestChart {
  type: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface Manifest {
  mujaz: 1;
  audience: string;
  title: string;
  date: string;
  slides: ManifestSlide[];
  /** The facts this deck shows, with their values and sources. */
  facts: Record<string, { label: string; value: number | string; unit?: string; sources: string[] }>;
  /** A fingerprint of the audience's look (its theme's settings, its logo, the footer), which no slide's spec holds. */
  look?: string;
  /**
   * The look aspect by aspect (the theme's settings but its label, its logo, the footer): a text
   * (digits, marking, footer) as the slides show it, in Western digits where the audience's are
   * Arabic-Indic, the others by a fingerprint.
   */
  looks?: Record<string, string>;
}

const factValue = z.union([z.number(), z.string()]);

/**
 * A manifest as diff reads it back from a file: what the Manifest type promises, checked, since
 * a file may be damaged, hand-edited or from another tool. Unknown keys are dropped.
 */
export const ManifestSchema = z.object({
  mujaz: z.literal(1),
  audience: z.string(),
  title: z.string(),
  date: z.string(),
  slides: z.array(
    z.object({
      n: z.number().int().min(1),
      id: z.string(),
      kind: z.enum(SlideSchema.options.map((o) => o.shape.kind.value)),
      title: z.string(),
      section: z.string().optional(),
      fingerprint: z.string(),
      parts: z.record(z.string(), z.string()).optional(), // (absent from manifests written before it was added)
      wording: z.record(z.string(), z.string()).optional(), // (likewise)
      facts: z.record(z.string(), z.object({ value: factValue, unit: z.string().optional(), elements: z.array(z.string()) })),
      // (absent from manifests written before it was added; a type not known here, from a later
      // mujaz, is read as it is)
      chart: z
        .object({
          type: z.string(),
          categories: z.array(z.string()),
          series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
        })
        .optional(),
    }),
  ),
  facts: z.record(z.string(), z.object({ label: z.string(), value: factValue, unit: z.string().optional(), sources: z.array(z.string()) })),
  look: z.string().optional(), // (absent from manifests written before it was added)
  looks: z.record(z.string(), z.string()).optional(), // (likewise)
}) satisfies z.ZodType<Manifest>;

/**
 * Checks a parsed manifest file: the manifest, or what is wrong with it in a few words, naming
 * the fields (e.g. `slides: expected array, received null`; the first three problems).
 */
export function checkManifest(value: unknown): { manifest: Manifest; problem?: undefined } | { manifest?: undefined; problem: string } {
  const result = ManifestSchema.safeParse(value, { jitless: true }); // see diagnostics/schema.ts
  if (result.success) return { manifest: result.data };
  const issues = result.error.issues;
  const said = issues.slice(0, 3).map((issue) => {
    const field = describePath(issue.path);
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `${field} is missing (expected ${issue.expected})`;
    return `${field}: ${issue.message.replace(/^Invalid (input|option): /, '')}`;
  });
  const more = issues.length - said.length;
  return { problem: `${said.join(', ')}${more ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}` };
}

export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/**
 * Parts of a slide's spec that diff names, in the spec's order, each fingerprinted short (the
 * manifest is embedded in every deck): a list (bullets, rows, stats…) element by element, its
 * fingerprints each ended by a dot, so that diff can tell which element changed. A chart's type
 * and data are compared point by point: its parts are its look (`chart`: colours, value labels,
 * legend, highlight) and its text (`chart.text`: its alternative text and note, without their
 * figures, which follow its data). The slide is given with its facts' figures as their keys.
 */
function slideParts(slide: Slide): Record<string, string> {
  const short = (value: unknown) => fingerprint(value).slice(0, 8);
  const parts: Record<string, string> = {};
  for (const [key, value] of Object.entries(slide)) {
    if (key === 'kind' || key === 'title' || key === 'section' || value === undefined) continue;
    if (key === 'chart') {
      const { type: _type, categories: _categories, series: _series, alt, note, ...look } = value as Extract<Slide, { kind: 'chart' }>['chart'];
      parts.chart = short(look);
      const words = (text: string | undefined) => text?.replace(FIGURE, '#');
      parts['chart.text'] = short({ alt: words(alt), note: words(note) });
    } else {
      parts[key] = Array.isArray(value) ? value.map((element) => `${short(element).slice(0, 6)}.`).join('') : short(value);
    }
  }
  return parts;
}

/** A figure, in either digits, with its separators. */
const FIGURE = /[0-9٠-٩]+(?:[.,٫٬][0-9٠-٩]+)*/g;

/**
 * The slide with each fact it shows in the place of its figure (`{coalition.members}` for 89),
 * in the text where the fact is printed: what the slide says, whatever its facts' values. The
 * facts of one text are put in the order they were printed, each at the next place its figure
 * stands (two facts printed alike, 90 and 90, are each found at its own).
 */
function withFactsAsKeys(slide: Slide, uses: readonly FactUse[], facts: Record<string, ResolvedFact>, digits: Digits): Slide {
  if (!uses.length) return slide;
  // (copied only along the paths to the texts rewritten: the rest is the slide's own, never changed)
  const masked = { ...slide } as unknown as Record<string, unknown>;
  const copies = new Set<unknown>([masked]);
  const byElement = new Map<string, string[]>();
  for (const use of uses) byElement.set(use.element, [...(byElement.get(use.element) ?? []), use.key]);
  for (const [element, keys] of byElement) {
    const path = [...element.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
    const holder = path.slice(0, -1).reduce<unknown>((at, step) => {
      if (!at || typeof at !== 'object') return undefined;
      const here = at as Record<string | number, unknown>;
      const next = here[step];
      if (next && typeof next === 'object' && !copies.has(next)) {
        here[step] = Array.isArray(next) ? [...(next as unknown[])] : { ...next };
        copies.add(here[step]);
      }
      return here[step];
    }, masked);
    const last = path[path.length - 1]!;
    const text = holder && typeof holder === 'object' ? (holder as Record<string | number, unknown>)[last] : undefined;
    if (typeof text !== 'string') continue;
    let out = '';
    let from = 0;
    for (const key of keys) {
      const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
      const figure = fact && formatFact(fact, digits);
      if (!figure) continue;
      // (whole: not the 89 of 1,089)
      const at = wholeAt(text, figure, from);
      if (at === -1) continue;
      out += `${text.slice(from, at)}{${key}}`;
      from = at + figure.length;
    }
    (holder as Record<string | number, unknown>)[last] = out + text.slice(from);
  }
  return masked as unknown as Slide;
}

/** Where `figure` next stands whole in `text`, from `from`: not a piece of a longer number; -1 if nowhere. */
function wholeAt(text: string, figure: string, from: number): number {
  const digit = /[0-9٠-٩]/;
  for (let at = text.indexOf(figure, from); at !== -1; at = text.indexOf(figure, at + 1)) {
    if (!digit.test(text[at - 1] ?? '') && !digit.test(text[at + figure.length] ?? '')) return at;
  }
  return -1;
}

export function makeManifest(audience: string, spec: DeckSpec, uses: readonly FactUse[], facts: Record<string, ResolvedFact>, look?: unknown, digits: Digits = 'western'): Manifest {
  const rank = new Map<string, number>();
  const shown = new Set(uses.map((u) => u.key));
  const bySlide = usesBySlide(uses);
  const slides = spec.slides.map((slide, i): ManifestSlide => {
    const group = `${slide.section ?? ''}/${slide.kind}`;
    const r = (rank.get(group) ?? 0) + 1;
    rank.set(group, r);
    const slideFacts = new Map<string, { value: number | string; unit?: string; elements: string[] }>();
    for (const use of bySlide.get(i) ?? []) {
      let entry = slideFacts.get(use.key);
      const fact = Object.hasOwn(facts, use.key) ? facts[use.key] : undefined;
      if (!entry) slideFacts.set(use.key, (entry = { value: fact ? fact.value : '', ...(fact?.unit ? { unit: fact.unit } : {}), elements: [] }));
      if (!entry.elements.includes(use.element)) entry.elements.push(use.element);
    }
    const masked = withFactsAsKeys(slide, bySlide.get(i) ?? [], facts, digits);
    return {
      n: i + 1,
      id: `${slide.section ?? ''}/${slide.kind}/${r}`,
      kind: slide.kind,
      title: slide.title,
      section: slide.section,
      fingerprint: fingerprint(slide),
      // (in an audience of Arabic-Indic digits, read in Western ones: every figure it shows is in its digits, however typed)
      wording: slideParts(digits === 'western' ? masked : mapTexts(masked, inWesternDigits)),
      facts: Object.fromEntries([...slideFacts].sort(([a], [b]) => (a < b ? -1 : 1))),
      ...(slide.kind === 'chart'
        ? { chart: { type: slide.chart.type, categories: slide.chart.categories, series: slide.chart.series.map((s) => ({ name: s.name, values: s.values })) } }
        : {}),
    };
  });
  return {
    mujaz: 1,
    audience,
    title: spec.deck.title,
    date: spec.deck.date,
    slides,
    facts: Object.fromEntries(
      Object.values(facts)
        .filter((f) => shown.has(f.key))
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .map((f) => [f.key, { label: f.label, value: f.value, ...(f.unit ? { unit: f.unit } : {}), sources: f.sources }]),
    ),
    ...(look === undefined ? {} : { look: fingerprint(look), looks: lookAspects(look, digits) }),
  };
}

/**
 * The look's aspects: the theme's settings one by one, and the rest (logo, footer) as they are
 * given. A text is kept as the slides show it, read in Western digits where the audience's are
 * Arabic-Indic (its figures are in them however typed; the digits are an aspect of their own);
 * a blank one, which draws nothing, is none.
 */
function lookAspects(look: unknown, digits: Digits): Record<string, string> {
  const aspects: Record<string, string> = {};
  const add = (name: string, value: unknown) => {
    if (value === undefined || (typeof value === 'string' && !value.trim())) return;
    aspects[name] = typeof value === 'string' ? (digits === 'western' ? value : inWesternDigits(value)) : fingerprint(value).slice(0, 12);
  };
  if (!look || typeof look !== 'object') return aspects;
  for (const [name, value] of Object.entries(look)) {
    // (the audience's label is no look: a template that prints it shows it on a slide)
    if (name === 'theme' && value && typeof value === 'object') for (const [setting, v] of Object.entries(value)) setting !== 'label' && add(setting, v);
    else add(name, value);
  }
  return Object.fromEntries(Object.entries(aspects).sort(([a], [b]) => (a < b ? -1 : 1)));
}
