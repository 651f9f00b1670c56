/**
 * Where each fact lands on the slides. While templates expand, every printed fact carries an
 * invisible marker (private-use characters around its key); after the spec is parsed the
 * markers are read off with the slide and element they sit in, then removed, so no marker
 * ever reaches a deck.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
/** Opens the marker of a fact's raw number ({{json (factValue ...)}} in a chart's values). */
const OPEN_VALUE = '\uE002';
const KEY = '([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*)';
const MARKER = new RegExp(`[${OPEN}${OPEN_VALUE}]${KEY}${CLOSE}`, 'g');
/** A scalar that is nothing but a marked number: read back as the number. */
const VALUE = new RegExp(`^${OPEN_VALUE}${KEY}${CLOSE}(-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)$`);

export function markFact(key: string, text: string): string {
  return `${OPEN}${key}${CLOSE}${text}`;
}

/**
 * A fact's number as a YAML scalar that carries its key: the spec reads it back as the number
 * (a chart value), and the use is counted like a printed fact's.
 */
export function markValue(key: string, value: number): string {
  return `${OPEN_VALUE}${key}${CLOSE}${JSON.stringify(value)}`;
}

/** The keys of the facts a text prints (its markers), in order; none for a text without one. */
export function factsPrintedIn(text: string): string[] {
  return text.includes(OPEN) || text.includes(OPEN_VALUE) ? [...text.matchAll(MARKER)].map((m) => m[1]!) : [];
}

/** A text without the markers of the facts it prints: as a slide shows it. */
export function withoutMarkers(text: string): string {
  return text.includes(OPEN) || text.includes(OPEN_VALUE) ? text.replace(MARKER, '') : text;
}

/** One use of a fact: the slide (0-based) and the element path inside it, e.g. bullets[1]. */
export interface FactUse {
  key: string;
  slide: number;
  element: string;
}

/** The uses of each slide, by the slide's index (found once, not looked for again for every slide). */
export function usesBySlide(uses: readonly FactUse[]): Map<number, FactUse[]> {
  const bySlide = new Map<number, FactUse[]>();
  for (const use of uses) {
    const list = bySlide.get(use.slide);
    if (list) list.push(use);
    else bySlide.set(use.slide, [use]);
  }
  return bySlide;
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
}

/** Reads the markers off a parsed spec: returns the clean spec and every use. */
export function extractFactUses<T>(spec: T): { spec: T; uses: FactUse[] } {
  const uses: FactUse[] = [];
  const path: (string | number)[] = []; // (where the walk is: one list, not a copy for every node)
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!value.includes(OPEN) && !value.includes(OPEN_VALUE)) return value;
      const slide = path[0] === 'slides' && typeof path[1] === 'number' ? path[1] : -1;
      for (const m of value.matchAll(MARKER)) uses.push({ key: m[1]!, slide, element: pathText(path.slice(slide >= 0 ? 2 : 0)) || 'deck' });
      const number = VALUE.exec(value);
      return number ? Number(number[2]) : value.replace(MARKER, '');
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        out.push(walk(value[i]));
        path.pop();
      }
      return out;
    }
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        path.push(k);
        const walked = walk(v);
        // (a key named __proto__ stays a key, as Object.fromEntries would make it)
        if (k === '__proto__') Object.defineProperty(out, k, { value: walked, enumerable: true, writable: true, configurable: true });
        else out[k] = walked;
        path.pop();
      }
      return out;
    }
    return value;
  };
  return { spec: walk(spec) as T, uses };
}
