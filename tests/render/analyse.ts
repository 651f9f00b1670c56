/** A deck through LibreOffice and every check, in one call. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeckSpec } from '../../src/index.js';
import type { Page } from './bbox.js';
import {
  assignWords,
  checkAlignment,
  checkChart,
  checkCoverage,
  checkOverflow,
  checkOverlap,
  checkPage,
  checkTableOrder,
  type Check,
  type Problem,
  type SlideRender,
} from './checks.js';
import { readDeckGeometry, type SlideGeometry } from './deck-geometry.js';
import { toPdf, wordBoxes } from './tools.js';

export interface Rendered {
  slides: SlideGeometry[];
  pages: Page[];
  renders: SlideRender[];
  problems: Problem[];
}

/** Writes `bytes` to `<dir>/<name>.pptx`, converts it, and runs every check against `spec`. */
export async function renderAndCheck(bytes: Uint8Array, spec: DeckSpec, dir: string, name: string): Promise<Rendered> {
  const file = path.join(dir, `${name}.pptx`);
  await writeFile(file, bytes);
  const [slides, pages] = await Promise.all([readDeckGeometry(bytes), toPdf(file, dir).then(wordBoxes)]);
  const problems: Problem[] = [];
  if (pages.length !== slides.length || slides.length !== spec.slides.length) {
    problems.push({ check: 'pages', slide: 0, message: `${spec.slides.length} slides in the spec, ${slides.length} in the .pptx, ${pages.length} pages in the PDF` });
  }
  const renders = slides.flatMap((slide) => {
    const page = pages[slide.number - 1];
    return page ? [assignWords(slide, page)] : [];
  });
  for (const r of renders) {
    problems.push(...checkPage(r), ...checkOverflow(r), ...checkOverlap(r), ...checkCoverage(r), ...checkAlignment(r));
    const slideSpec = spec.slides[r.slide.number - 1];
    if (slideSpec?.kind === 'table') {
      problems.push(...checkTableOrder(r, [[slideSpec.columns[0] ?? '', ...slideSpec.rows.map((row) => row[0] ?? '')]]));
    }
    if (slideSpec?.kind === 'chart') {
      const chart = r.slide.charts[0];
      if (chart) problems.push(...checkChart(r, chart, slideSpec.chart.type));
      else problems.push({ check: 'chart', slide: r.slide.number, message: `slide ${r.slide.number}: the spec has a chart, the slide has none` });
    }
  }
  return { slides, pages, renders, problems };
}

/** The messages of one kind of problem (and, optionally, one slide). */
export function messages(rendered: Rendered, checks: Check | readonly Check[], slide?: number): string[] {
  const wanted = typeof checks === 'string' ? [checks] : checks;
  return rendered.problems.filter((p) => wanted.includes(p.check) && (slide === undefined || p.slide === slide)).map((p) => p.message);
}

/** The slides that have a problem of this kind (only those not already in `baseline`, if given). */
export function slidesWith(rendered: Rendered, check: Check, baseline?: Rendered): number[] {
  const known = new Set(baseline?.problems.map((p) => p.message));
  const found = rendered.problems.filter((p) => p.check === check && !known.has(p.message));
  return [...new Set(found.map((p) => p.slide))].sort((a, b) => a - b);
}
