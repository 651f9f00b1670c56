/**
 * What a reader sees, checked from the PDF's word boxes against the boxes the .pptx asks for.
 * Pure functions: geometry (deck-geometry.ts) + pages (bbox.ts) in, problems out. A problem is
 * data (check, slide, message), so a test can list them all and a negative test can ask for one.
 */
import type { Line, Page, Rect, Word } from './bbox.js';
import type { Box, ChartFrame, Paragraph, SlideGeometry, TableCell, TextBox } from './deck-geometry.js';
import { clip, hasArabic, logicalWord, textKey, wordKey } from './text.js';

export type Check = 'pages' | 'page' | 'overflow' | 'overlap' | 'lines' | 'unmatched' | 'missing' | 'align' | 'table-order' | 'chart';

export interface Problem {
  check: Check;
  slide: number;
  message: string;
}

export const TOLERANCE = {
  /** Words may touch the page edge by this much. */
  page: 1,
  /** Words may stick out of their box by this much (rounding, side bearings). */
  box: 4,
  /**
   * And vertically by this share of their height: pdftotext's word boxes span the font's whole
   * ascent and descent, taller than the line LibreOffice sets (Amiri: about 12% lower at the
   * bottom of a bottom-anchored box with no inset, where nothing is drawn).
   */
  boxVertical: 0.2,
  /** The rightmost word of a right-aligned line ends this close to the box's right inset edge (plus the paragraph's indent). */
  align: 20,
  /** Share of a line's height ignored at its top and bottom when looking for overlapping text. */
  overlapTrim: 0.2,
  /** Share of a shape's letters that must be found on the page. */
  coverage: 0.9,
} as const;

/** A line of text as drawn: pdftotext lines of one box on the same baseline, merged. */
export interface VisualLine extends Rect {
  words: Word[];
}

export interface SlideRender {
  slide: SlideGeometry;
  page: Page;
  /** Lines drawn for each text shape or table cell. */
  lines: Map<TextBox, VisualLine[]>;
  /** Words drawn by each chart. */
  chartWords: Map<ChartFrame, Word[]>;
  /** Words with letters or digits that belong to nothing on the slide. */
  unmatched: Word[];
}

// ---- geometry helpers ----------------------------------------------------------------------

export function rectOf(box: Box): Rect {
  return { xMin: box.x, yMin: box.y, xMax: box.x + box.w, yMax: box.y + box.h };
}

function union(rects: readonly Rect[]): Rect {
  return {
    xMin: Math.min(...rects.map((r) => r.xMin)),
    yMin: Math.min(...rects.map((r) => r.yMin)),
    xMax: Math.max(...rects.map((r) => r.xMax)),
    yMax: Math.max(...rects.map((r) => r.yMax)),
  };
}

/** Gap between two rectangles; 0 when they overlap. */
function distance(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.xMin - a.xMax, a.xMin - b.xMax);
  const dy = Math.max(0, b.yMin - a.yMax, a.yMin - b.yMax);
  return Math.hypot(dx, dy);
}

function centreIn(r: Rect, box: Rect): boolean {
  const x = (r.xMin + r.xMax) / 2;
  const y = (r.yMin + r.yMax) / 2;
  return x >= box.xMin && x <= box.xMax && y >= box.yMin && y <= box.yMax;
}

const f0 = (n: number) => n.toFixed(0);
const span = (r: Rect) => `x ${f0(r.xMin)}–${f0(r.xMax)}, y ${f0(r.yMin)}–${f0(r.yMax)}`;
/** A PDF word as a reader would type it. */
export const shown = (w: Word) => logicalWord(w.text);
/** Words of a line in reading order: right to left when it holds Arabic. */
export function lineText(words: readonly Word[]): string {
  const arabic = words.some((w) => hasArabic(w.text));
  return [...words].sort((a, b) => (arabic ? b.xMin - a.xMin : a.xMin - b.xMin)).map(shown).join(' ');
}

// ---- assigning the page's words to shapes -------------------------------------------------

function keyOf(box: TextBox, cache: Map<TextBox, string>): string {
  let key = cache.get(box);
  if (key === undefined) {
    key = textKey(box.text);
    cache.set(box, key);
  }
  return key;
}

/** Text a chart may draw: its categories, series names, title, and numbers. */
function chartAccepts(chart: ChartFrame, key: string): boolean {
  if (/^[\d\p{N}]+$/u.test(key)) return true;
  return [...chart.categories, ...chart.labels].some((t) => textKey(t).includes(key));
}

function allBoxes(slide: SlideGeometry): TextBox[] {
  return [...slide.shapes, ...slide.tables.flatMap((t) => t.cells)];
}

/**
 * Gives every pdftotext line to the text shape or cell whose text contains all its words (the
 * nearest one when several do), or to a chart when it lies in the chart's frame and is chart
 * text. A line no box contains whole is split word by word.
 */
export function assignWords(slide: SlideGeometry, page: Page): SlideRender {
  const boxes = allBoxes(slide);
  const keys = new Map<TextBox, string>();
  const raw = new Map<TextBox, Line[]>();
  const chartWords = new Map<ChartFrame, Word[]>(slide.charts.map((c) => [c, []]));
  const unmatched: Word[] = [];

  const give = (box: TextBox, line: Line) => {
    const list = raw.get(box) ?? [];
    list.push(line);
    raw.set(box, list);
  };
  const chartFor = (r: Rect, wordKeys: readonly string[]) =>
    slide.charts.find((c) => centreIn(r, rectOf(c.box)) && wordKeys.every((k) => chartAccepts(c, k)));
  const best = (r: Rect, wordKeys: readonly string[]): TextBox | undefined => {
    let found: TextBox | undefined;
    let foundDist = Infinity;
    for (const box of boxes) {
      const key = keyOf(box, keys);
      if (!wordKeys.every((k) => key.includes(k))) continue;
      const d = distance(r, rectOf(box.box));
      if (d < foundDist || (d === foundDist && found && key.length < keyOf(found, keys).length)) {
        found = box;
        foundDist = d;
      }
    }
    return found;
  };
  const place = (line: Line) => {
    const wordKeys = line.words.map((w) => wordKey(w.text)).filter(Boolean);
    // (a lone letter is no evidence of whose text it is: "ح ّ", the piece of «حلّ» pdftotext cut
    // off when it does not touch the rest, is in many boxes' text)
    if (!wordKeys.length || wordKeys.every((k) => /^\p{L}$/u.test(k))) {
      // Bullets, bars, stray marks, lone letters: to the box they sit in, if any.
      const box = boxes.find((b) => centreIn(line, rectOf(b.box)));
      if (box) give(box, line);
      return true;
    }
    const box = best(line, wordKeys);
    if (box && distance(line, rectOf(box.box)) === 0) {
      give(box, line);
      return true;
    }
    const chart = chartFor(line, wordKeys);
    if (chart) {
      chartWords.get(chart)!.push(...line.words);
      return true;
    }
    if (box) {
      give(box, line);
      return true;
    }
    return false;
  };

  for (const line of joinTouching(page.lines)) {
    if (place(line)) continue;
    for (const word of line.words) {
      const single: Line = { ...word, words: [word], block: line.block };
      if (!place(single)) unmatched.push(word);
    }
  }

  const lines = new Map<TextBox, VisualLine[]>();
  for (const [box, list] of raw) lines.set(box, mergeBaselines(list));
  return { slide, page, lines, chartWords, unmatched };
}

function sameBaseline(a: Rect, b: Rect): boolean {
  const overlap = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  return overlap >= 0.6 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
}

/**
 * pdftotext sometimes cuts a line between two letters of one word ("حلّ" → "ل…" and "ح ّ" as a
 * separate line at the same height): lines on one baseline that touch are one line.
 */
export function joinTouching(lines: readonly Line[], gap = 3): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    // Pieces of one line share their bottom and, within a mark's height, their top (same font,
    // same baseline; in DejaVu Sans the piece holding a shadda starts a point higher).
    const near = out.find((o) => Math.abs(o.yMin - line.yMin) < 2 && Math.abs(o.yMax - line.yMax) < 1 && line.xMin - o.xMax <= gap && o.xMin - line.xMax <= gap);
    if (near) {
      near.words.push(...line.words);
      Object.assign(near, union([near, line]));
    } else {
      out.push({ ...line, words: [...line.words] });
    }
  }
  return out;
}

/** Merges pdftotext lines that share a baseline (it splits long or bidi lines into pieces). */
function mergeBaselines(lines: readonly Line[]): VisualLine[] {
  const sorted = [...lines].sort((a, b) => a.yMin - b.yMin);
  const out: VisualLine[] = [];
  for (const line of sorted) {
    const same = out.find((v) => sameBaseline(v, line));
    if (same) {
      same.words.push(...line.words);
      Object.assign(same, union([same, line]));
    } else {
      out.push({ ...union([line]), words: [...line.words] });
    }
  }
  for (const v of out) v.words.sort((a, b) => a.xMin - b.xMin);
  return out;
}

// ---- the checks ----------------------------------------------------------------------------

/** Every word lies on the page. */
export function checkPage(r: SlideRender, tol = TOLERANCE.page): Problem[] {
  const { width, height } = r.page;
  return r.page.lines.flatMap((line) =>
    line.words
      .filter((w) => w.xMin < -tol || w.yMin < -tol || w.xMax > width + tol || w.yMax > height + tol)
      .map((w) => ({
        check: 'page' as const,
        slide: r.slide.number,
        message: `slide ${r.slide.number}: "${shown(w)}" at ${span(w)} is outside the ${f0(width)}×${f0(height)} pt page`,
      })),
  );
}

function describe(box: TextBox): string {
  return `${box.name} "${clip(box.text)}"`;
}

/** Every word of a text shape lies in the shape's box; a table cell's words lie in its column. */
export function checkOverflow(r: SlideRender, tol = TOLERANCE.box): Problem[] {
  const problems: Problem[] = [];
  for (const [box, lines] of r.lines) {
    const b = rectOf(box.box);
    for (const w of lines.flatMap((l) => l.words)) {
      const vertical = Math.max(tol, TOLERANCE.boxVertical * (w.yMax - w.yMin));
      // How far the word sticks out on each side, and how far it may.
      const sides: [string, number, number][] = [
        ['left', b.xMin - w.xMin, tol],
        ['right', w.xMax - b.xMax, tol],
        ['top', b.yMin - w.yMin, vertical],
        ['bottom', box.heightKnown ? w.yMax - b.yMax : -Infinity, vertical],
      ];
      const [side, by, allowed] = sides.sort((a, c) => c[1] - c[2] - (a[1] - a[2]))[0]!;
      if (by > allowed) {
        problems.push({
          check: 'overflow',
          slide: r.slide.number,
          message: `slide ${r.slide.number}, ${describe(box)}: "${shown(w)}" at ${span(w)} runs ${f0(by)} pt out of the ${side} of its box (${span(b)})`,
        });
      }
    }
  }
  return problems;
}

/**
 * Text of one box is not drawn over text of another: the drawn lines of two boxes do not
 * intersect, once each is trimmed by `trim` of its height at the top and the bottom (word boxes
 * include the font's empty ascent and descent).
 */
export function checkOverlap(r: SlideRender, trim = TOLERANCE.overlapTrim): Problem[] {
  const problems: Problem[] = [];
  const drawnLines = [...r.lines].flatMap(([box, lines]) =>
    lines.map((l) => ({ box, line: l, ink: { ...l, yMin: l.yMin + trim * (l.yMax - l.yMin), yMax: l.yMax - trim * (l.yMax - l.yMin) } })),
  );
  for (const [i, a] of drawnLines.entries()) {
    for (const b of drawnLines.slice(i + 1)) {
      if (a.box === b.box) continue;
      const w = Math.min(a.ink.xMax, b.ink.xMax) - Math.max(a.ink.xMin, b.ink.xMin);
      const h = Math.min(a.ink.yMax, b.ink.yMax) - Math.max(a.ink.yMin, b.ink.yMin);
      if (w > TOLERANCE.box && h > 0) {
        problems.push({
          check: 'overlap',
          slide: r.slide.number,
          message: `slide ${r.slide.number}: "${clip(lineText(a.line.words), 40)}" (${describe(a.box)}) is drawn over "${clip(lineText(b.line.words), 40)}" (${describe(b.box)}) at ${span(a.line)}`,
        });
      }
    }
  }
  return problems;
}

/**
 * The lines of one box are drawn apart: each line's words end above the next line's. A word box
 * spans the ascent and descent the PDF gives its font (1.3 em for the bold heading faces here),
 * so lines set closer than that are drawn into each other in a tall face: the two lines of a
 * Lemonada title, 1.2 em apart, touched. Not for every box: the word boxes of a wrapped bullet
 * in Amiri overlap a little, and its letters are clear of each other. `which` picks the boxes.
 */
export function checkLineGaps(r: SlideRender, which: (box: TextBox) => boolean, tol = 0): Problem[] {
  const problems: Problem[] = [];
  for (const [box, lines] of r.lines) {
    if (!which(box)) continue;
    const drawn = lines.filter((l) => l.words.some((w) => wordKey(w.text))).sort((a, b) => a.yMin - b.yMin);
    for (const [i, next] of drawn.slice(1).entries()) {
      const above = drawn[i]!;
      const by = above.yMax - next.yMin;
      if (by > tol) {
        problems.push({
          check: 'lines',
          slide: r.slide.number,
          message: `slide ${r.slide.number}, ${describe(box)}: line ${i + 2} "${clip(lineText(next.words), 30)}" (y ${f0(next.yMin)}–${f0(next.yMax)}) is drawn ${by.toFixed(1)} pt into line ${i + 1} "${clip(lineText(above.words), 30)}" (y ${f0(above.yMin)}–${f0(above.yMax)})`,
        });
      }
    }
  }
  return problems;
}

/** Every readable word belongs to a shape, cell or chart; every shape's text is on the page. */
export function checkCoverage(r: SlideRender, min = TOLERANCE.coverage): Problem[] {
  const problems: Problem[] = r.unmatched.map((w) => ({
    check: 'unmatched' as const,
    slide: r.slide.number,
    message: `slide ${r.slide.number}: "${shown(w)}" at ${span(w)} is not part of any text shape, table cell or chart`,
  }));
  for (const box of allBoxes(r.slide)) {
    const want = textKey(box.text).length;
    if (!want) continue;
    const got = (r.lines.get(box) ?? []).flatMap((l) => l.words).reduce((n, w) => n + wordKey(w.text).length, 0);
    if (got / want < min) {
      problems.push({
        check: 'missing',
        slide: r.slide.number,
        message: `slide ${r.slide.number}, ${describe(box)}: only ${f0((100 * got) / want)}% of its letters are on the page (hidden, clipped or off the slide?)`,
      });
    }
  }
  return problems;
}

/** The paragraph a drawn line comes from: the one whose text holds all its words. */
function paragraphOf(box: TextBox, line: VisualLine): Paragraph | undefined {
  const keys = line.words.map((w) => wordKey(w.text)).filter(Boolean);
  const matches = box.paragraphs.filter((p) => keys.every((k) => textKey(p.text).includes(k)));
  const pool = matches.length ? matches : box.paragraphs;
  const first = pool[0];
  return first && pool.every((p) => p.align === first.align && p.marL === first.marL) ? first : matches[0];
}

/**
 * Arabic text and right-aligned paragraphs end at the box's right edge (less the inset and the
 * paragraph's indent); centred paragraphs are centred. Lines with Arabic are checked whatever
 * the XML says, so Arabic drawn on the left (algn="l", or no algn) is reported.
 */
export function checkAlignment(r: SlideRender, tol = TOLERANCE.align): Problem[] {
  const problems: Problem[] = [];
  for (const [box, lines] of r.lines) {
    const b = rectOf(box.box);
    for (const line of lines) {
      const para = paragraphOf(box, line);
      if (!para) continue;
      const arabic = line.words.some((w) => hasArabic(w.text));
      const text = lineText(line.words);
      if (para.align === 'ctr' || para.align === 'dist') {
        const want = (b.xMin + box.insets.l + b.xMax - box.insets.r) / 2;
        const got = (line.xMin + line.xMax) / 2;
        if (Math.abs(got - want) > tol) {
          problems.push({
            check: 'align',
            slide: r.slide.number,
            message: `slide ${r.slide.number}, ${describe(box)}: centred line "${clip(text, 40)}" is centred at x ${f0(got)}, not ${f0(want)}`,
          });
        }
        continue;
      }
      if (!arabic && para.align !== 'r') continue;
      const edge = b.xMax - box.insets.r;
      const slack = tol + Math.max(0, para.marL, para.marL + para.indent);
      const rightmost = line.xMax;
      if (rightmost < edge - slack) {
        problems.push({
          check: 'align',
          slide: r.slide.number,
          message: `slide ${r.slide.number}, ${describe(box)}: line "${clip(text, 40)}" ends at x ${f0(rightmost)}, ${f0(edge - rightmost)} pt short of the right edge (${f0(edge)}); algn="${para.align}"${para.rtl ? ' rtl' : ''}`,
        });
      }
    }
  }
  return problems;
}

/** Words drawn for a cell, and their extent. */
function drawn(r: SlideRender, cell: TableCell): Rect | undefined {
  const words = (r.lines.get(cell) ?? []).flatMap((l) => l.words).filter((w) => wordKey(w.text));
  return words.length ? union(words) : undefined;
}

/**
 * The first column in reading order is drawn right of the others, in the header and in every
 * row. `firstColumn` gives, per table, the header text of the spec's first column and the
 * first-column text of each row.
 */
export function checkTableOrder(r: SlideRender, firstColumn: readonly string[][]): Problem[] {
  const problems: Problem[] = [];
  r.slide.tables.forEach((table, t) => {
    const firsts = firstColumn[t];
    if (!firsts) return;
    const rows = new Map<number, TableCell[]>();
    for (const cell of table.cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
    firsts.forEach((firstText, row) => {
      const cells = rows.get(row) ?? [];
      const first = cells.find((c) => textKey(c.text) === textKey(firstText));
      if (!first) {
        problems.push({ check: 'table-order', slide: r.slide.number, message: `slide ${r.slide.number}: ${table.name} row ${row + 1} has no cell "${clip(firstText)}"` });
        return;
      }
      const at = drawn(r, first);
      if (!at) {
        problems.push({ check: 'table-order', slide: r.slide.number, message: `slide ${r.slide.number}: ${table.name} row ${row + 1}: "${clip(firstText)}" is not drawn` });
        return;
      }
      for (const other of cells) {
        if (other === first) continue;
        const o = drawn(r, other);
        if (o && o.xMax > at.xMin) {
          problems.push({
            check: 'table-order',
            slide: r.slide.number,
            message: `slide ${r.slide.number}: ${table.name} row ${row + 1}: the first column "${clip(firstText, 30)}" (x ${f0(at.xMin)}–${f0(at.xMax)}) is not right of "${clip(other.text, 30)}" (x ${f0(o.xMin)}–${f0(o.xMax)})`,
          });
        }
      }
    });
  });
  return problems;
}

// ---- charts --------------------------------------------------------------------------------

interface Label extends Rect {
  key: string;
  words: Word[];
}

/** Chart words grouped into labels: same row, at most `gap` pt apart; keys in reading order. */
export function chartLabels(words: readonly Word[], gap = 12): Label[] {
  const groups: Word[][] = [];
  for (const w of [...words].sort((a, b) => a.xMin - b.xMin)) {
    const g = groups.find((group) => {
      const last = group[group.length - 1]!;
      const sameRow = Math.abs(last.yMin - w.yMin) < 2 && Math.abs(last.yMax - w.yMax) < 2;
      return sameRow && w.xMin - last.xMax <= gap;
    });
    if (g) g.push(w);
    else groups.push([w]);
  }
  return groups
    .map((g) => {
      const arabic = g.some((w) => hasArabic(w.text));
      const ordered = arabic ? [...g].reverse() : g;
      return { ...union(g), key: ordered.map((w) => wordKey(w.text)).join(''), words: g };
    })
    .filter((l) => l.key);
}

/** Where a category label is drawn: one label, or up to three stacked (a wrapped label). */
export function findCategory(labels: readonly Label[], category: string): Rect | undefined {
  const want = textKey(category);
  const byY = [...labels].sort((a, b) => a.yMin - b.yMin);
  for (const [i, start] of byY.entries()) {
    let key = '';
    const stack: Label[] = [];
    for (const next of byY.slice(i)) {
      if (stack.length && (next.xMin > start.xMax || next.xMax < start.xMin)) continue;
      if (stack.length && next.yMin - stack[stack.length - 1]!.yMax > 8) break;
      stack.push(next);
      key += next.key;
      if (key === want) return union(stack);
      if (!want.startsWith(key) || stack.length === 3) break;
    }
  }
  return undefined;
}

/** A number label, in Western or Arabic-Indic digits (the key keeps digits only). */
const NUMBER = /^[0-9٠-٩][0-9٠-٩,.٬٫]*$/;
/** The value of a number label, whatever its digits. */
const toNumber = (key: string) => Number(key.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[,٬]/g, '').replace('٫', '.'));

/** The largest set of number labels aligned on one edge: the value axis. */
function axisLabels(numbers: readonly Label[], along: 'x' | 'y'): Label[] {
  let bestSet: Label[] = [];
  for (const n of numbers) {
    const set =
      along === 'x'
        ? numbers.filter((m) => Math.abs(m.yMin - n.yMin) < 3)
        : numbers.filter((m) => Math.abs(m.xMin - n.xMin) < 3 || Math.abs(m.xMax - n.xMax) < 3);
    if (set.length > bestSet.length) bestSet = set;
  }
  return bestSet.length >= 3 ? bestSet : [];
}

/**
 * Charts read right to left:
 * - every category label is drawn;
 * - column and line charts: the first category on the right, the value axis right of the plot;
 * - bar charts: the categories on the right of the bars, the first on top, values growing leftwards
 *   (read from the value axis, or, where the bars carry their values and have no axis, from where
 *   each bar's value is drawn).
 * Pie and doughnut charts: the labels are drawn.
 */
export function checkChart(r: SlideRender, chart: ChartFrame, type: string): Problem[] {
  const n = r.slide.number;
  const problems: Problem[] = [];
  const say = (message: string) => problems.push({ check: 'chart', slide: n, message: `slide ${n}, ${type} chart: ${message}` });
  const labels = chartLabels(r.chartWords.get(chart) ?? []);
  const cats = chart.categories.map((c) => ({ text: c, at: findCategory(labels, c) }));
  const missing = cats.filter((c) => !c.at).map((c) => `"${c.text}"`);
  if (missing.length) say(`category labels not drawn: ${missing.join(', ')}`);
  const found = cats.filter((c): c is { text: string; at: Rect } => Boolean(c.at));
  if (found.length < 2 || type === 'pie' || type === 'doughnut') return problems;
  const catRects = found.map((c) => c.at);
  const numbers = labels.filter((l) => NUMBER.test(l.key) && !catRects.some((c) => distance(c, l) === 0));
  if (type === 'bar') {
    for (const [i, c] of found.slice(1).entries()) {
      if (c.at.yMin < found[i]!.at.yMin) say(`"${c.text}" is drawn above "${found[i]!.text}": the first category should be on top`);
    }
    const catLeft = Math.min(...catRects.map((c) => c.xMin));
    const leftOfCats = numbers.filter((l) => l.xMax > catLeft + 2);
    if (leftOfCats.length) say(`the category labels (from x ${f0(catLeft)}) are not right of the plot: ${leftOfCats.map((l) => `"${l.key}" at x ${f0(l.xMin)}`).join(', ')}`);
    if (!chart.valueAxis) {
      // Labelled bars without a scale: each bar's value is drawn on its row, left of the
      // category, and the larger the value, the further left (the bars grow leftwards). With
      // several series a row holds several bars: only the values' side is checked (above).
      if (chart.series > 1) return problems;
      const points = found.map((c) => ({
        text: c.text,
        value: chart.values[chart.categories.indexOf(c.text)],
        label: numbers.find((l) => (l.yMin + l.yMax) / 2 > c.at.yMin - 2 && (l.yMin + l.yMax) / 2 < c.at.yMax + 2),
      }));
      const unlabelled = points.filter((p) => !p.label).map((p) => `"${p.text}"`);
      if (unlabelled.length) say(`no value drawn beside ${unlabelled.join(', ')}`);
      const drawn = points.filter((p) => p.label && p.value !== undefined).sort((a, b) => a.value! - b.value!);
      for (const [i, p] of drawn.slice(1).entries()) {
        const smaller = drawn[i]!;
        if (p.value! > smaller.value! && p.label!.xMin > smaller.label!.xMin) {
          say(`the bars should grow leftwards: ${p.value} ("${p.text}", x ${f0(p.label!.xMin)}) ends right of ${smaller.value} ("${smaller.text}", x ${f0(smaller.label!.xMin)})`);
        }
      }
      return problems;
    }
    const axis = axisLabels(numbers, 'x').sort((a, b) => a.xMin - b.xMin);
    if (!axis.length) say('no value axis labels found');
    const values = axis.map((l) => toNumber(l.key));
    if (values.some((v, i) => i > 0 && v > values[i - 1]!)) say(`the value axis should grow leftwards; left to right it reads ${values.join(', ')}`);
    return problems;
  }
  for (const [i, c] of found.slice(1).entries()) {
    const prev = found[i]!;
    if ((c.at.xMin + c.at.xMax) / 2 > (prev.at.xMin + prev.at.xMax) / 2) say(`"${c.text}" is drawn right of "${prev.text}": categories should run right to left`);
  }
  const axis = axisLabels(numbers, 'y');
  if (!axis.length) {
    say('no value axis labels found');
  } else {
    const axisLeft = Math.min(...axis.map((l) => l.xMin));
    const catRight = Math.max(...catRects.map((c) => c.xMax));
    if (axisLeft < catRight) say(`the value axis (x ${f0(axisLeft)}) is not right of the plot (categories end at x ${f0(catRight)})`);
  }
  return problems;
}
