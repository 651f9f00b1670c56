import type { Pptx, PptxSlide } from './types.js';
import { presentationParts } from './parts.js';
import type { PartMap } from './post/types.js';
import { escapeText } from './post/xml.js';
import type { Logo } from '../audience/logo.js';
import type { Theme } from '../audience/theme.js';
import type { DeckSpec, Slide } from '../spec/schema.js';
import { CONTENT_MASTER, TITLE_MASTER, addSlideNumber, defineMasters } from './master.js';
import { renderAgenda, renderBullets } from './slides/bullets.js';
import { renderChart } from './slides/chart.js';
import type { RenderContext } from './slides/common.js';
import { renderSources, sourcesSize } from './slides/sources.js';
import { renderStats } from './slides/stats.js';
import { renderTable } from './slides/table.js';
import { renderTitle } from './slides/title.js';

type Renderer<K extends Slide['kind']> = (slide: PptxSlide, spec: Extract<Slide, { kind: K }>, ctx: RenderContext) => void;

/** One renderer per slide kind. */
const RENDERERS: { [K in Slide['kind']]: Renderer<K> } = {
  title: renderTitle,
  agenda: renderAgenda,
  bullets: renderBullets,
  chart: renderChart,
  stats: renderStats,
  table: renderTable,
  sources: renderSources,
};

let pptxModule: Promise<{ default: unknown }> | undefined;
/** pptxgenjs is heavy: loaded on the first render only. */
function loadPptxGenJS() {
  pptxModule ??= import('pptxgenjs');
  return pptxModule;
}

/**
 * What a rebuild keeps of the last one's drawing: each slide's part and its relationships, as
 * pptxgenjs wrote them, by position, with what they were drawn from (slideKey). Kept by the
 * caller, one per deck; the parts are the same with or without it.
 */
export interface RenderMemo {
  slides: Map<number, { key: string; xml: string; rels: string }>;
}

export const renderMemo = (): RenderMemo => ({ slides: new Map() });

/** About how many bytes a memo holds (text counted at two bytes a character). */
export function renderMemoBytes(memo: RenderMemo): number {
  let bytes = 0;
  for (const slide of memo.slides.values()) bytes += 2 * (slide.xml.length + slide.rels.length);
  return bytes;
}

/** Decks of more slides are not kept (the memory it would hold between builds; see PackageMemo). */
export const RENDER_MEMO_SLIDES = 250;

/**
 * What a slide's part is drawn from, besides its place, or undefined for a slide that is always
 * drawn: the title slide (its logo is a picture of its own) and a chart (numbered parts beside
 * the slide, and a workbook). Everything a renderer reads: the slide's spec, the theme, the room
 * a logo leaves its title, and a sources slide's type size (shared with the other pages of its
 * list). Its place (its number, the names of its part and notes) is where it is kept: a slide
 * is compared only with the one drawn at the same place last time.
 */
function slideKey(slide: Slide, look: string, sourcesSize: number | undefined): string | undefined {
  if (slide.kind === 'title' || slide.kind === 'chart') return undefined;
  // (JSON holds no raw NUL: the parts cannot run into one another)
  return `${JSON.stringify(slide)}\0${look}\0${sourcesSize ?? ''}`;
}

/** What every slide of a deck is drawn from besides its own spec: the theme and the room a logo leaves its title (written once per drawing, not once per slide). */
function lookKey(theme: Theme, logo: Logo | undefined): string {
  return JSON.stringify([theme, logo?.onContent ? { w: logo.onContent.w, h: logo.onContent.h } : null]);
}

/**
 * Stage 5: the deck spec drawn with pptxgenjs. Returns the raw parts (not zipped); the post-processing
 * stage makes it right-to-left throughout, valid and deterministic.
 *
 * With `memo` (a rebuild in one process: watch), a slide drawn from the same spec, theme and
 * place as last time is not drawn again: pptxgenjs gets an empty slide in its place (the same
 * layout, section and notes) and its part and relationships are the ones kept. A slide's part
 * depends on nothing else (pptxgenjs numbers its shapes and relationships within the slide), so
 * the parts are the ones a full drawing gives; tests/pptx/render-memo.test.ts compares them.
 */
export async function renderPptx(spec: DeckSpec, theme: Theme, logo?: Logo, memo?: RenderMemo): Promise<PartMap> {
  const mod = await loadPptxGenJS();
  // Under NodeNext the bundled types make the default export look non-constructible.
  const Ctor = mod.default as new () => Pptx;
  const pptx = new Ctor();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = spec.deck.title;
  if (spec.deck.subject) pptx.subject = spec.deck.subject;
  pptx.author = spec.deck.author ?? 'mujaz';
  // (pptxgenjs writes the company into docProps/app.xml as it is: escaped here)
  pptx.company = escapeText(spec.deck.company ?? '');
  pptx.rtlMode = true;
  pptx.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  defineMasters(pptx, theme, spec.deck.footer, logo);

  // The pages of one list of sources (one section, as many columns) share one type size: the
  // largest at which every page fits, so the list does not change size from page to page.
  const listOf = (s: Extract<Slide, { kind: 'sources' }>) => `${s.section ?? ''}\0${s.columns}`;
  const sourceSizes = new Map<string, number>();
  for (const s of spec.slides) if (s.kind === 'sources') sourceSizes.set(listOf(s), Math.min(sourceSizes.get(listOf(s)) ?? Infinity, sourcesSize(s, theme)));
  const ctx: RenderContext = { pptx, theme, sourcesSizeOf: (s) => sourceSizes.get(listOf(s))!, ...(logo ? { logo } : {}) };
  const keeping = memo !== undefined && spec.slides.length <= RENDER_MEMO_SLIDES;
  const kept = new Map<number, { key: string; xml: string; rels: string }>(); // drawn last time, not now
  const drawn = new Map<number, string>(); // drawn now, to keep
  let look: string | undefined;
  let section: string | undefined;
  for (const [index, slideSpec] of spec.slides.entries()) {
    const sectionTitle = slideSpec.section ?? section ?? spec.deck.title;
    if (sectionTitle !== section) {
      pptx.addSection({ title: sectionTitle });
      section = sectionTitle;
    }
    const slide = pptx.addSlide({ masterName: slideSpec.kind === 'title' ? TITLE_MASTER : CONTENT_MASTER, sectionTitle });
    const key = keeping ? slideKey(slideSpec, (look ??= lookKey(theme, logo)), slideSpec.kind === 'sources' ? ctx.sourcesSizeOf!(slideSpec) : undefined) : undefined;
    const was = key === undefined ? undefined : memo!.slides.get(index);
    if (was && was.key === key) {
      kept.set(index, was);
    } else {
      (RENDERERS[slideSpec.kind] as Renderer<typeof slideSpec.kind>)(slide, slideSpec as never, ctx);
      if (slideSpec.kind !== 'title') addSlideNumber(slide, index + 1, theme);
      if (key !== undefined) drawn.set(index, key);
    }
    if (slideSpec.notes) slide.addNotes(slideSpec.notes);
  }
  const parts = await presentationParts(pptx as unknown as Parameters<typeof presentationParts>[0]);
  if (memo) {
    const slidePart = (index: number) => `ppt/slides/slide${index + 1}.xml`;
    const relsPart = (index: number) => `ppt/slides/_rels/slide${index + 1}.xml.rels`;
    for (const [index, { xml, rels }] of kept) {
      parts.xml.set(slidePart(index), xml);
      parts.xml.set(relsPart(index), rels);
    }
    const slides = new Map(kept);
    for (const [index, key] of drawn) {
      const xml = parts.xml.get(slidePart(index));
      const rels = parts.xml.get(relsPart(index));
      if (xml !== undefined && rels !== undefined) slides.set(index, { key, xml, rels });
    }
    memo.slides = keeping ? slides : new Map();
  }
  return parts;
}
