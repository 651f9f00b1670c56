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
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return localizeDigits(value, digits);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, NOT_TEXT.has(k) ? v : walk(v)]));
    return value;
  };
  return { deck: { ...(walk(spec.deck) as DeckSpec['deck']), date: spec.deck.date }, slides: walk(spec.slides) as DeckSpec['slides'] };
}
