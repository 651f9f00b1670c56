/**
 * A parser for `pdftotext -bbox-layout` output: XHTML with
 * <page width height><flow><block><line><word xMin yMin xMax yMax>text</word>…
 * Coordinates are PDF points from the top-left corner of the page.
 */
export interface Rect {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Word extends Rect {
  /** The text as pdftotext gives it (visual order for right-to-left text). */
  text: string;
}

export interface Line extends Rect {
  words: Word[];
  /** Index of the line's block on the page, for messages. */
  block: number;
}

export interface Page {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  lines: Line[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The numeric attributes of a start tag. */
function numbers(tag: string, names: readonly string[]): number[] {
  return names.map((name) => {
    const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
    const value = m ? Number(m[1]) : NaN;
    if (!Number.isFinite(value)) throw new Error(`bbox: ${name} missing or not a number in ${tag}`);
    return value;
  });
}

const BOX = ['xMin', 'yMin', 'xMax', 'yMax'] as const;

function rect(tag: string): Rect {
  const [xMin, yMin, xMax, yMax] = numbers(tag, BOX) as [number, number, number, number];
  return { xMin, yMin, xMax, yMax };
}

export function parseBboxLayout(xhtml: string): Page[] {
  const pages: Page[] = [];
  const pageRe = /(<page\b[^>]*>)([\s\S]*?)<\/page>/g;
  for (const pageMatch of xhtml.matchAll(pageRe)) {
    const [width, height] = numbers(pageMatch[1]!, ['width', 'height']) as [number, number];
    const lines: Line[] = [];
    let block = 0;
    for (const blockMatch of pageMatch[2]!.matchAll(/<block\b[^>]*>([\s\S]*?)<\/block>/g)) {
      for (const lineMatch of blockMatch[1]!.matchAll(/(<line\b[^>]*>)([\s\S]*?)<\/line>/g)) {
        const words: Word[] = [];
        for (const wordMatch of lineMatch[2]!.matchAll(/(<word\b[^>]*>)([\s\S]*?)<\/word>/g)) {
          words.push({ ...rect(wordMatch[1]!), text: decodeEntities(wordMatch[2]!) });
        }
        if (words.length) lines.push({ ...rect(lineMatch[1]!), words, block });
      }
      block++;
    }
    pages.push({ number: pages.length + 1, width, height, lines });
  }
  return pages;
}
