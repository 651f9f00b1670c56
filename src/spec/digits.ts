import { localizeDigits, type Digits } from '../format/arabic.js';
import type { DeckSpec } from './schema.js';

/** Strings of the spec that are not slide text: chart colours (hex) and a source's web address. The deck's ISO date is kept apart below. */
const NOT_TEXT = new Set(['colors', 'url']);

/**
 * The validated spec in the audience's digits: every text a slide shows (titles, bullets, notes,
 * table cells, chart categories and series names, the footer), wherever it came from (the
 * outline, a fact, the data, the template itself), by the one rule of format/arabic.ts
 * (localizeDigits). Figures the helpers printed are already in these digits and stay as they
 * are. The deck's date (YYYY-MM-DD, for the package metadata), chart colours and web addresses
 * are not text. A western audience's spec is returned as it is.
 */
export function specInDigits(spec: DeckSpec, digits: Digits): DeckSpec {
  if (digits === 'western') return spec;
  const each = (text: string) => localizeDigits(text, digits);
  return { deck: { ...mapTexts(spec.deck, each), date: spec.deck.date }, slides: mapTexts(spec.slides, each) };
}

/** A part of a spec (a slide, the deck) with `each` applied to every text it shows: every string but chart colours and web addresses. */
export function mapTexts<T>(value: T, each: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return each(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, NOT_TEXT.has(k) ? x : walk(x)]));
    return v;
  };
  return walk(value) as T;
}
