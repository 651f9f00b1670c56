/** The slide grid, in inches, for the 16:9 wide layout. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;

export const TITLE_BOX = { x: MARGIN, y: 0.3, w: CONTENT_W, h: 0.95 } as const;
/** Between a logo at the top left of a content slide and the title, which ends before it. */
export const LOGO_GAP = 0.3;
/** The title of a content slide: the whole width, or what a logo at its left leaves (a title is right-aligned). */
export function titleBox(logo?: { w: number }): { x: number; y: number; w: number; h: number } {
  return logo ? { ...TITLE_BOX, x: TITLE_BOX.x + logo.w + LOGO_GAP, w: TITLE_BOX.w - logo.w - LOGO_GAP } : TITLE_BOX;
}
/** Where a logo of that size stands on a content slide: at the left of the title band, centred in its height. */
export function contentLogoBox(logo: { w: number; h: number }): { x: number; y: number; w: number; h: number } {
  return { x: MARGIN, y: TITLE_BOX.y + (TITLE_BOX.h - logo.h) / 2, w: logo.w, h: logo.h };
}
/** Under the title, with room for the descenders of a large title (ي at 36 pt touched it at 1.28). */
export const ACCENT_BAR = { x: SLIDE.w - MARGIN - 1.6, y: 1.34, w: 1.6, h: 0.06 } as const;
export const BODY = { x: MARGIN, y: 1.6, w: CONTENT_W, h: 4.9 } as const;
/** The height of the title placeholder of the title slide (master.ts). */
export const TITLE_SLIDE_TITLE_H = 1.9;
/** The top of an audience's logo on the title slide: it ends above the title (y 1.6), being at most 1 inch tall. */
export const LOGO_Y = 0.5;
export const FOOTER = { y: 6.88, h: 0.4, ruleY: 6.8 } as const;

/**
 * What the fitting knows of a face, in one place.
 *
 * `width`: how wide it sets Arabic text against Amiri's (1), regular and bold: the article's
 * sentence «يضم التحالف الدولي لمكافحة الإرهاب اليوم 89 عضواً ...» set at 100 pt by FreeType
 * (ImageMagick), letters unjoined, so a guide to proportions rather than a measure.
 *
 * `line`: for a face whose letters reach higher and lower than the renderer's own spacing allows,
 * how far apart, in ems, the baselines of a heading's lines are set: LibreOffice sets lines about
 * 1.2 em apart in every face, which Amiri's and Noto Naskh's compact letters clear, but the two
 * lines of a title in Lemonada touched, and those of the sans faces nearly did (judged on two-line
 * bold titles rendered by LibreOffice). A face without one keeps the renderer's spacing.
 *
 * `cell`: how far apart, in ems, LibreOffice sets the lines of a table cell in the face: its own
 * line height (ascender, descender and line gap of its hhea table), not the 1.2 em or so of a text
 * box. Measured from the row borders of one-, two- and three-line cells at 10 to 32 pt, regular and
 * bold (a row is 16 pt of margins and these lines, to a quarter point): Amiri 1.76, Noto Naskh 1.70,
 * Noto Sans Arabic 2.11, DejaVu Sans 1.16, Noto Kufi 1.89, Lemonada 2.00. Cairo was not at hand.
 * PowerPoint was not either; its lines are thought to be closer (about 1.2 em), so a table fitted
 * by these fits there too.
 *
 * A face not listed counts as Amiri for its width and as a tall sans face for its lines, and for
 * a table's lines as taller than any measured; a theme's `fonts.width` overrides the widths.
 */
const FACES: Record<string, { width: readonly [regular: number, bold: number]; line?: number; cell?: number }> = {
  amiri: { width: [1, 1], cell: 1.76 },
  'noto naskh arabic': { width: [0.98, 1.01], cell: 1.71 },
  'noto sans arabic': { width: [1.07, 1.15], line: 1.35, cell: 2.12 },
  'dejavu sans': { width: [1.13, 1.31], line: 1.3, cell: 1.17 },
  'noto kufi arabic': { width: [1.15, 1.25], line: 1.35, cell: 1.9 },
  cairo: { width: [1.1, 1.16], line: 1.35 },
  lemonada: { width: [1.31, 1.48], line: 1.5, cell: 2 },
};
/** The faces measured above, as font lists name them (for "did you mean" on a theme's font). */
export const KNOWN_FACES = ['Amiri', 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', 'Noto Kufi Arabic', 'Cairo', 'Lemonada'] as const;
/** Whether a face is one of those measured (in any case: PowerPoint and fontconfig match names so). */
export const isKnownFace = (name: string): boolean => Object.hasOwn(FACES, name.trim().toLowerCase());
const UNKNOWN_LINE = 1.35;
/** The distance of a table cell's lines, in ems, for a face not measured: above the tallest measured (Noto Sans Arabic, 2.11). */
const UNKNOWN_CELL_LINE = 2.15;
/** The distance of two lines' baselines, in ems, that fitting counts with the renderer's own spacing (LibreOffice: about 1.2). */
const RENDERER_LINE = 1.25;

const face = (name: string) => FACES[name.trim().toLowerCase()];

/** The width factor of the theme's heading (bold) or body face, for the estimates below. */
export function faceWidth(fonts: { heading: string; body: string; width?: number }, role: 'heading' | 'body'): number {
  if (fonts.width !== undefined) return fonts.width;
  const known = face(role === 'heading' ? fonts.heading : fonts.body);
  return known ? known.width[role === 'heading' ? 1 : 0] : 1;
}

/** How far apart, in ems, LibreOffice sets the lines of a table cell in `fontFace` (FACES: `cell`). */
export function cellLine(fontFace: string): number {
  return face(fontFace)?.cell ?? UNKNOWN_CELL_LINE;
}

/** How far apart the lines of a heading in the theme's heading face must be set, in ems; undefined where its own spacing serves (FACES). */
export function headingLine(fonts: { heading: string }): number | undefined {
  const known = face(fonts.heading);
  return known ? known.line : UNKNOWN_LINE;
}

/**
 * A conservative estimate of how many lines `text` takes in a box `width` inches wide at
 * `size` points: Arabic text in Amiri averages under half an em per character (times the
 * face's width factor for another face).
 */
export function estimateLines(text: string, size: number, width: number, emPerChar = 0.5): number {
  const charsPerLine = Math.max(1, Math.floor((width * 72) / (size * emPerChar)));
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0);
}

/**
 * How many lines `text` takes in a box `width` inches wide at `size` points, wrapped word by word
 * as a renderer does: each character `emPerChar` of an em wide, a space a little over half that,
 * a word longer than the line broken across lines. Closer than estimateLines for a narrow column,
 * where a line loses the end of a word it cannot hold: against the lines LibreOffice drew in 128
 * table cells of Amiri (10 to 28 pt, columns 1.2 to 9 inches wide, the article's sentences,
 * digits, English, long words), 0.45 em counted none too few and 72 exactly, where estimateLines
 * at 0.5 em counted one too few and 49 exactly.
 */
export function wrapLines(text: string, size: number, width: number, emPerChar = 0.45): number {
  const char = size * emPerChar;
  // (a column narrower than a character, its margins aside, still holds one a line)
  const room = Math.max(width * 72, char);
  return text.split('\n').reduce((sum, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length * char;
      if (used > 0 && used + 0.6 * char + w <= room) used += 0.6 * char + w;
      else {
        if (used > 0) lines++;
        used = w;
      }
      while (used > room) {
        lines++;
        used -= room;
      }
    }
    return sum + lines;
  }, 0);
}

/** The size, at most `max` and at least `min`, at which `text` stays on one line `width` inches wide (a figure in a card). */
export function oneLineSize(text: string, width: number, max: number, min: number, faceFactor = 1): number {
  const fit = Math.floor((width * 72) / (Math.max(1, text.length) * 0.55 * faceFactor));
  return Math.max(min, Math.min(max, fit));
}

/**
 * The largest size from `max` down to `min` at which the paragraphs fit the box (`faceFactor`:
 * faceWidth; `line`: the distance of two lines' baselines, in ems; `extra`: points more the
 * paragraphs take at a size, beyond their lines).
 */
export function fitSize(paragraphs: readonly string[], box: { w: number; h: number }, max: number, min: number, spacing = 1.5, faceFactor = 1, line = RENDERER_LINE, extra: (size: number) => number = () => 0): number {
  for (let size = max; size > min; size--) {
    const lines = paragraphs.reduce((sum, p) => sum + estimateLines(p, size, box.w - 0.6, 0.5 * faceFactor), 0);
    const height = (lines * size * line + paragraphs.length * size * (spacing - 1) + extra(size)) / 72 + 0.2;
    if (height <= box.h) return size;
  }
  return min;
}

/**
 * A heading (a slide's title) in its box: the largest size from `max` down to `min` at which its
 * lines fit, and, when it takes more than one line in a face that needs it (headingLine), the
 * distance of their baselines in points, to be set exactly. A one-line heading, and one in a face
 * whose own spacing serves, are left to the renderer's spacing, so they look as they always have.
 */
export function fitHeading(text: string, box: { w: number; h: number }, max: number, min: number, fonts: { heading: string; body: string; width?: number }): { size: number; lineSpacing?: number } {
  const width = faceWidth(fonts, 'heading');
  const line = headingLine(fonts);
  // First as the renderer spaces lines: a heading that stays on one line there keeps its size.
  const plain = fitSize([text], box, max, min, 1, width, RENDERER_LINE);
  if (line === undefined || estimateLines(text, plain, box.w - 0.6, 0.5 * width) < 2) return { size: plain };
  const size = fitSize([text], box, max, min, 1, width, line);
  return { size, lineSpacing: Math.round(size * line * 10) / 10 };
}

/**
 * Text as LibreOffice sets it, for the warning that a text runs out of its box (MJZ174), not for
 * the fitting, which errs on the safe side so that what it sizes fits in any viewer (at 0.5 em a
 * character it counts about a third more than LibreOffice sets). The ems a character takes in
 * Amiri, regular or bold (a space the gap between two words), found from the lines LibreOffice
 * broke 236 texts into, in its PDF: the article's sentences, English titles, and sentences with
 * figures and source ids, 30 to 2,200 characters, at 14 to 34 pt, in text boxes 11.7 and 12.1
 * inches wide. Wrapped word by word with these, 229 took as many lines as LibreOffice drew, 4 one
 * more and 3 one fewer. `margin` widens them all by 5%, so that the count is never short: with it,
 * none took fewer lines than LibreOffice drew, and 59 one more (none two more). A text the warning
 * lets pass fits; one it warns about runs out of its box, or is a line short of it. The lines of a
 * text box are 1.2 em apart (the same renders, 9 to 34 pt). Another face counts as its width
 * (faceWidth) times these.
 */
export const AS_SET = { line: 1.2, arabic: 0.365, latin: 0.44, digit: 0.55, space: 0.24, margin: 1.05 } as const;

/** The width of a character as LibreOffice sets it in Amiri, in ems (AS_SET): digits (Western and Arabic-Indic), Latin letters, and the rest as Arabic. */
function setEm(code: number): number {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x660 && code <= 0x669)) return AS_SET.digit;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return AS_SET.latin;
  return AS_SET.arabic;
}

/**
 * How many lines LibreOffice sets `text` in, in a column `width` points wide at `size` points
 * (faceFactor: faceWidth): wrapped word by word, a word longer than the line broken across lines,
 * each paragraph (a line break) on lines of its own. Linear in the text's length.
 */
export function setLines(text: string, size: number, width: number, faceFactor = 1): number {
  const em = size * faceFactor * AS_SET.margin;
  const space = AS_SET.space * em;
  const room = Math.max(width, em);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      let w = 0;
      for (let i = 0; i < word.length; i++) w += setEm(word.charCodeAt(i)) * em;
      // (a thousandth of a point to spare: widths summed character by character are not exact)
      if (used > 0 && used + space + w <= room + 1e-3) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // (a word longer than the line runs on to the next ones)
      const extra = Math.max(0, Math.ceil((w - 1e-3) / room) - 1);
      lines += extra;
      used = w - extra * room;
    }
  }
  return lines;
}

/**
 * A text as a slide's renderer sets it, for the warning that it runs out of its box (MJZ174): its
 * paragraphs at their sizes, the width its lines take and the height it may take, in points.
 */
export interface PlacedText {
  /** Where the spec holds it, from the slide: ['title'], ['bullets', 2], ['stats', 1, 'label']. */
  path: (string | number)[];
  /** What it is, for the warning: "title", "bullets", "label of card 2". */
  what: string;
  /** Whether `what` is plural ("the bullets … do not fit"). */
  plural?: boolean;
  paragraphs: readonly { text: string; size: number; indent?: number }[];
  /** The width of its lines, inside the box's margins (an indent, in points, takes from it). */
  width: number;
  /** The height it may take: its box inside its margins, or, where the layout leaves more, down to what stands below it. */
  room: number;
  /** Points after each paragraph but the last. */
  after?: number;
  /** The distance of its lines' baselines in points, where it is set exactly (a heading of several lines in a tall face). */
  line?: number;
  /** Where it runs when it is too long: out of the bottom of its box (top), out of both sides (middle), out of the top (bottom). */
  anchor: 'top' | 'middle' | 'bottom';
  face: 'heading' | 'body';
  /** The size it is set in; the least the fitting gives it (its size, when it is not fitted); the size the theme asks for. */
  size: number;
  min: number;
  max: number;
}

/** How many lines a placed text takes as LibreOffice sets it, and how high they are, in points (AS_SET). */
export function setHeight(text: PlacedText, fonts: { heading: string; body: string; width?: number }): { lines: number; height: number } {
  const factor = faceWidth(fonts, text.face);
  let lines = 0;
  let height = 0;
  text.paragraphs.forEach((p, i) => {
    const n = setLines(p.text, p.size, text.width - (p.indent ?? 0), factor);
    lines += n;
    height += n * (text.line ?? AS_SET.line * p.size) + (i > 0 ? text.after ?? 0 : 0);
  });
  return { lines, height };
}
