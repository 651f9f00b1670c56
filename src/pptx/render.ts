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
 * Stage 5: the deck spec drawn with pptxgenjs. Returns the raw parts (not zipped); the post-processing
 * stage makes it right-to-left throughout, valid and deterministic.
 */
export async function renderPptx(spec: DeckSpec, theme: Theme, logo?: Logo): Promise<PartMap> {
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
  let section: string | undefined;
  for (const [index, slideSpec] of spec.slides.entries()) {
    const sectionTitle = slideSpec.section ?? section ?? spec.deck.title;
    if (sectionTitle !== section) {
      pptx.addSection({ title: sectionTitle });
      section = sectionTitle;
    }
    const slide = pptx.addSlide({ masterName: slideSpec.kind === 'title' ? TITLE_MASTER : CONTENT_MASTER, sectionTitle });
    (RENDERERS[slideSpec.kind] as Renderer<typeof slideSpec.kind>)(slide, slideSpec as never, ctx);
    if (slideSpec.kind !== 'title') addSlideNumber(slide, index + 1, theme);
    if (slideSpec.notes) slide.addNotes(slideSpec.notes);
  }
  return presentationParts(pptx as unknown as Parameters<typeof presentationParts>[0]);
}
