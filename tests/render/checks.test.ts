/** The checks on hand-made pages: each one passes on a good drawing and reports a bad one. */
import { describe, expect, it } from 'vitest';
import type { Line, Page, Word } from './bbox.js';
import {
  assignWords,
  chartLabels,
  checkAlignment,
  checkChart,
  checkCoverage,
  checkLineGaps,
  checkOverflow,
  checkOverlap,
  checkPage,
  checkTableOrder,
  findCategory,
  joinTouching,
} from './checks.js';
import type { ChartFrame, SlideGeometry, TableCell, TextBox } from './deck-geometry.js';

/** A PDF word as pdftotext gives it: Arabic letters reversed. */
function word(logical: string, xMin: number, xMax: number, yMin = 100, yMax = 120): Word {
  const visual = /[\u0600-\u06FF]/.test(logical) ? [...logical].reverse().join('') : logical;
  return { text: visual, xMin, xMax, yMin, yMax };
}

function line(...words: Word[]): Line {
  return {
    words,
    block: 0,
    xMin: Math.min(...words.map((w) => w.xMin)),
    xMax: Math.max(...words.map((w) => w.xMax)),
    yMin: Math.min(...words.map((w) => w.yMin)),
    yMax: Math.max(...words.map((w) => w.yMax)),
  };
}

function page(...lines: Line[]): Page {
  return { number: 1, width: 960, height: 540, lines };
}

function shape(text: string, box: TextBox['box'], align: 'r' | 'l' | 'ctr' = 'r', name = 'Text 1'): TextBox {
  return {
    kind: 'shape',
    slide: 1,
    name,
    box,
    insets: { l: 4, t: 4, r: 4, b: 4 },
    paragraphs: text.split('\n').map((t) => ({ text: t, align, rtl: true, marL: 0, indent: 0 })),
    text,
    heightKnown: true,
  };
}

function slide(shapes: TextBox[], extra: Partial<SlideGeometry> = {}): SlideGeometry {
  return { number: 1, layout: '', shapes, tables: [], charts: [], ...extra };
}

const BOX = { x: 500, y: 90, w: 400, h: 60 };

describe('assignWords', () => {
  it('gives a line to the shape whose text holds it, the nearest one when two do', () => {
    const near = shape('المصدر: انضمام سوريا', BOX, 'r', 'note');
    const far = shape('المصدر: انضمام سوريا | 2025', { x: 500, y: 400, w: 400, h: 60 }, 'r', 'footer');
    const r = assignWords(slide([near, far]), page(line(word('سوريا', 700, 760), word('انضمام', 770, 840), word('المصدر:', 850, 895))));
    expect(r.lines.get(near)).toHaveLength(1);
    expect(r.lines.get(far)).toBeUndefined();
    expect(r.unmatched).toEqual([]);
  });

  it('reports words that belong to no shape', () => {
    const r = assignWords(slide([shape('نص', BOX)]), page(line(word('غريب', 10, 50))));
    expect(r.unmatched.map((w) => w.text)).toEqual(['بيرغ']);
    expect(checkCoverage(r).map((p) => p.check)).toEqual(['unmatched', 'missing']);
  });

  it('joins the pieces of a line pdftotext cut apart', () => {
    const a = line(word('ل', 200, 678));
    const b = line(word('ح', 678, 688));
    const c = line(word('ح', 678, 688, 130, 150));
    expect(joinTouching([a, b, c]).map((l) => l.words.length)).toEqual([2, 1]);
    // a piece that holds a mark above its letter (ّ in DejaVu Sans) starts a point higher
    const d = line(word('ل', 200, 678, 305.9, 331.9));
    const e = line(word('ح', 676, 688, 304.9, 331.9));
    expect(joinTouching([d, e]).map((l) => l.words.length)).toEqual([2]);
  });
});

describe('checkPage', () => {
  it('reports a word past the page edge', () => {
    const s = slide([shape('نص', BOX)]);
    expect(checkPage(assignWords(s, page(line(word('نص', 880, 959)))))).toEqual([]);
    expect(checkPage(assignWords(s, page(line(word('نص', 900, 965)))))).toHaveLength(1);
  });
});

describe('checkOverflow', () => {
  it('accepts words in the box and reports one below it', () => {
    const s = slide([shape('سطر أول\nسطر ثان', BOX)]);
    const inside = page(line(word('أول', 820, 850), word('سطر', 860, 896)));
    expect(checkOverflow(assignWords(s, inside))).toEqual([]);
    const below = page(line(word('ثان', 820, 850, 160, 180), word('سطر', 860, 896, 160, 180)));
    const problems = checkOverflow(assignWords(s, below));
    expect(problems).toHaveLength(2);
    expect(problems[0]!.message).toMatch(/slide 1, Text 1 "سطر أول سطر ثان": "ثان" .* out of the bottom/);
  });

  it('checks only the columns of table cells (row heights are the renderer’s)', () => {
    const cell: TableCell = { ...shape('خلية', { x: 500, y: 90, w: 200, h: 20 }), kind: 'cell', heightKnown: false, row: 3, col: 1 };
    const s = slide([], { tables: [{ slide: 1, name: 'Table 0', box: cell.box, columns: [{ x: 500, w: 200 }], cells: [cell] }] });
    expect(checkOverflow(assignWords(s, page(line(word('خلية', 640, 696, 300, 320)))))).toEqual([]);
    expect(checkOverflow(assignWords(s, page(line(word('خلية', 680, 730, 300, 320)))))).toHaveLength(1);
  });
});

describe('checkOverlap', () => {
  it('reports text of two shapes drawn on top of each other', () => {
    const a = shape('أكثر من', { x: 500, y: 90, w: 400, h: 40 }, 'ctr', 'value');
    const b = shape('مشاريع', { x: 500, y: 100, w: 400, h: 40 }, 'ctr', 'label');
    const s = slide([a, b]);
    const apart = page(line(word('أكثر', 650, 700, 90, 110)), line(word('مشاريع', 660, 700, 112, 130)));
    expect(checkOverlap(assignWords(s, apart))).toEqual([]);
    const over = page(line(word('أكثر', 650, 700, 90, 110)), line(word('مشاريع', 660, 700, 98, 116)));
    expect(checkOverlap(assignWords(s, over))).toHaveLength(1);
  });
});

describe('checkLineGaps', () => {
  it('accepts the lines of a box drawn apart and reports a line drawn into the one above it', () => {
    const title = shape('عنوان طويل على سطرين', BOX);
    const s = slide([title]);
    const apart = page(line(word('طويل', 780, 830, 92, 115), word('عنوان', 840, 896, 92, 115)), line(word('سطرين', 790, 840, 118, 141), word('على', 850, 896, 118, 141)));
    expect(checkLineGaps(assignWords(s, apart), () => true)).toEqual([]);
    const touching = page(line(word('طويل', 780, 830, 92, 115), word('عنوان', 840, 896, 92, 115)), line(word('سطرين', 790, 840, 113, 136), word('على', 850, 896, 113, 136)));
    const problems = checkLineGaps(assignWords(s, touching), () => true);
    expect(problems.map((p) => p.check)).toEqual(['lines']);
    expect(problems[0]!.message).toMatch(/line 2 "على سطرين" \(y 113–136\) is drawn 2\.0 pt into line 1 "عنوان طويل"/);
    // only the boxes asked about
    expect(checkLineGaps(assignWords(s, touching), (b) => b.name !== 'Text 1')).toEqual([]);
  });
});

describe('checkAlignment', () => {
  const right = BOX.x + BOX.w - 4;

  it('accepts Arabic ending at the right edge and reports Arabic drawn on the left', () => {
    const s = slide([shape('نص عربي', BOX)]);
    expect(checkAlignment(assignWords(s, page(line(word('عربي', right - 80, right - 40), word('نص', right - 30, right)))))).toEqual([]);
    const left = checkAlignment(assignWords(s, page(line(word('عربي', 504, 540), word('نص', 550, 570)))));
    expect(left).toHaveLength(1);
    expect(left[0]!.message).toMatch(/ends at x 570, \d+ pt short of the right edge \(896\)/);
  });

  it('reports Arabic on the left even when the XML asks for algn="l"', () => {
    const s = slide([shape('نص عربي', BOX, 'l')]);
    expect(checkAlignment(assignWords(s, page(line(word('عربي', 504, 540), word('نص', 550, 570)))))).toHaveLength(1);
  });

  it('leaves Latin text in a left-aligned paragraph alone, and checks centred text is centred', () => {
    expect(checkAlignment(assignWords(slide([shape('Latin only', BOX, 'l')]), page(line(word('Latin', 504, 540), word('only', 545, 570)))))).toEqual([]);
    const centred = slide([shape('28', BOX, 'ctr')]);
    expect(checkAlignment(assignWords(centred, page(line(word('28', 685, 715)))))).toEqual([]);
    expect(checkAlignment(assignWords(centred, page(line(word('28', 860, 890)))))).toHaveLength(1);
  });
});

describe('checkTableOrder', () => {
  function table(firstX: number, otherX: number) {
    const cell = (text: string, col: number, x: number): TableCell => ({ ...shape(text, { x, y: 100, w: 200, h: 30 }), kind: 'cell', heightKnown: false, row: 0, col, name: `cell ${col}` });
    const cells = [cell('الطرف', firstX < otherX ? 0 : 1, firstX), cell('المكسب', firstX < otherX ? 1 : 0, otherX)];
    const s = slide([], { tables: [{ slide: 1, name: 'Table 0', box: { x: 100, y: 100, w: 400, h: 30 }, columns: [], cells }] });
    return assignWords(s, page(line(word('الطرف', firstX + 150, firstX + 196, 105, 125)), line(word('المكسب', otherX + 140, otherX + 196, 105, 125))));
  }

  it('accepts the first column on the right and reports it on the left', () => {
    expect(checkTableOrder(table(300, 100), [['الطرف']])).toEqual([]);
    expect(checkTableOrder(table(100, 300), [['الطرف']]).map((p) => p.message)).toEqual([
      expect.stringMatching(/first column "الطرف" \(x 250–296\) is not right of "المكسب"/),
    ]);
  });
});

describe('chart labels', () => {
  const chart: ChartFrame = { slide: 1, name: 'Chart 1', box: { x: 50, y: 100, w: 850, h: 340 }, part: 'c', type: 'barChart', barDir: 'col', categories: ['2014', '2015', 'بانضمام سوريا'], values: [60, 66, 90], series: 1, valueAxis: true, labels: [] };

  it('finds a category wrapped on two lines', () => {
    const labels = chartLabels([word('بانضمام', 74, 110, 379, 395), word('سوريا', 79, 104, 403, 419), word('2014', 826, 856, 379, 395)]);
    expect(findCategory(labels, 'بانضمام سوريا')).toMatchObject({ xMin: 74, yMin: 379, yMax: 419 });
    expect(findCategory(labels, '2014')).toMatchObject({ xMin: 826 });
    expect(findCategory(labels, '2015')).toBeUndefined();
  });

  function column(rtl: boolean) {
    const x = (i: number) => (rtl ? 800 - 300 * i : 200 + 300 * i);
    const cats = [word('2014', x(0), x(0) + 30, 379, 395), word('2015', x(1), x(1) + 30, 379, 395), word('بانضمام', x(2), x(2) + 36, 379, 395), word('سوريا', x(2) + 4, x(2) + 30, 403, 419)];
    const axisX = rtl ? 880 : 60;
    const axis = [0, 50, 100].map((v, i) => word(String(v), axisX, axisX + 14, 360 - 100 * i, 374 - 100 * i));
    const s = slide([], { charts: [chart] });
    return assignWords(s, page(...[...cats, ...axis].map((w) => line(w))));
  }

  it('accepts a column chart read right to left and reports one read left to right', () => {
    expect(checkChart(column(true), chart, 'column')).toEqual([]);
    const ltr = checkChart(column(false), chart, 'column').map((p) => p.message);
    expect(ltr).toEqual([
      expect.stringMatching(/"2015" is drawn right of "2014"/),
      expect.stringMatching(/"بانضمام سوريا" is drawn right of "2015"/),
      expect.stringMatching(/the value axis \(x 60\) is not right of the plot/),
    ]);
  });

  describe('labelled bars without a value axis', () => {
    const bars: ChartFrame = { ...chart, barDir: 'bar', categories: ['دول أوروبية', 'منظمات'], values: [36, 5], valueAxis: false };
    /** Categories at x 800 on two rows; each value drawn at the x given, on its row. */
    function barRender(valueX: readonly (number | undefined)[], frame: ChartFrame = bars) {
      const cats = [word('أوروبية', 800, 840, 120, 136), word('دول', 845, 865, 120, 136), word('منظمات', 800, 850, 160, 176)];
      const values = valueX.flatMap((x, i) => (x === undefined ? [] : [word(String(bars.values[i]), x, x + 14, 120 + 40 * i, 136 + 40 * i)]));
      return assignWords(slide([], { charts: [frame] }), page(...[...cats, ...values].map((w) => line(w))));
    }

    it('accepts values growing leftwards, each on its row', () => {
      expect(checkChart(barRender([100, 700]), bars, 'bar')).toEqual([]);
    });

    it('with several series, checks only that the values are left of the categories', () => {
      const two = { ...bars, series: 2 };
      expect(checkChart(barRender([700, 100], two), two, 'bar')).toEqual([]);
      expect(checkChart(barRender([882, 100], two), two, 'bar').map((p) => p.message)).toEqual([expect.stringMatching(/not right of the plot/)]);
    });

    it('reports bars that grow rightwards, and a bar without its value', () => {
      expect(checkChart(barRender([700, 100]), bars, 'bar').map((p) => p.message)).toEqual([expect.stringMatching(/the bars should grow leftwards: 36 \("دول أوروبية", x 700\) ends right of 5/)]);
      expect(checkChart(barRender([100, undefined]), bars, 'bar').map((p) => p.message)).toEqual([expect.stringMatching(/no value drawn beside "منظمات"/)]);
    });
  });

  it('reports categories the chart does not draw', () => {
    const s = slide([], { charts: [chart] });
    const r = assignWords(s, page(line(word('2014', 826, 856, 379, 395))));
    expect(checkChart(r, chart, 'column').map((p) => p.message)).toEqual([expect.stringMatching(/not drawn: "2015", "بانضمام سوريا"/)]);
  });
});
