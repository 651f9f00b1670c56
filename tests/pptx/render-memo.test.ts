/**
 * A rebuild draws again only the slides that changed (RenderMemo, src/pptx/render.ts): the
 * slides it keeps must be the parts a full drawing gives, whatever changed in between (a slide's
 * text, the slides' order or number, the theme, the room a logo leaves, a sources list's size).
 * Each drawing is finalized with the same options and compared, byte for byte, with a drawing
 * that keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { compileAudience, prepareContent } from '../../src/build.js';
import { loadAudience } from '../../src/audience/load.js';
import type { Logo } from '../../src/audience/logo.js';
import type { Theme } from '../../src/audience/theme.js';
import { renderMemo, renderPptx, type RenderMemo } from '../../src/pptx/render.js';
import { finalizeParts } from '../../src/pptx/post/index.js';
import type { DeckSpec } from '../../src/spec/schema.js';
import { shippedTemplates } from '../hostile/harness.js';
import { shippedContent } from '../helpers/project.js';
import { fixtureOptions } from '../fixtures/post/options.js';

const AUDIENCES = ['briefing', 'economy', 'leadership', 'media', 'security'];

async function shipped(audience: string): Promise<{ spec: DeckSpec; theme: Theme; logo?: Logo }> {
  const templates = await shippedTemplates();
  const built = await compileAudience(prepareContent(await shippedContent()), templates, audience, { render: false });
  const loaded = loadAudience(audience, templates).audience!;
  if (!built.spec) throw new Error(built.diagnostics.map((d) => d.message).join('\n'));
  return { spec: built.spec, theme: loaded.theme, ...(loaded.logo ? { logo: loaded.logo } : {}) };
}

/** The deck's bytes from a drawing with `memo` (or none), finalized alike. */
async function bytes(spec: DeckSpec, theme: Theme, logo: Logo | undefined, memo?: RenderMemo): Promise<Buffer> {
  return Buffer.from(await finalizeParts(await renderPptx(spec, theme, logo, memo), fixtureOptions()));
}

/** A copy of the spec with `edit` applied to it. */
const edited = (spec: DeckSpec, edit: (copy: DeckSpec) => void): DeckSpec => {
  const copy = structuredClone(spec);
  edit(copy);
  return copy;
};

describe('a rebuild with the slides of the last drawing', () => {
  it.each(AUDIENCES)('draws %s as a full drawing does, through edits, keeping the slides that did not change', async (audience) => {
    const { spec, theme, logo } = await shipped(audience);
    const memo = renderMemo();
    const first = await bytes(spec, theme, logo, memo);
    expect(first.equals(await bytes(spec, theme, logo))).toBe(true);
    const keptBefore = new Map(memo.slides);
    expect(keptBefore.size, 'slides other than the title slide and charts are kept').toBeGreaterThan(0);

    // the same spec again: every kept slide is used as it was
    expect((await bytes(spec, theme, logo, memo)).equals(first)).toBe(true);
    for (const [index, slide] of keptBefore) expect(memo.slides.get(index), `slide ${index + 1}`).toBe(slide);

    const bulletsAt = spec.slides.findIndex((s) => s.kind === 'bullets');
    const variants: [string, DeckSpec, Theme, Logo | undefined][] = [
      ['a slide’s title changed', edited(spec, (s) => (s.slides[bulletsAt]!.title += ' 90')), theme, logo],
      ['two slides swapped', edited(spec, (s) => s.slides.splice(1, 2, s.slides[2]!, s.slides[1]!)), theme, logo],
      ['a slide taken out', edited(spec, (s) => s.slides.splice(1, 1)), theme, logo],
      ['notes changed', edited(spec, (s) => (s.slides[bulletsAt]!.notes = 'ملاحظة أخرى')), theme, logo],
      ['the theme’s colours', spec, { ...theme, colors: { ...theme.colors, text: '000000' } }, logo],
      ['the theme’s digits', spec, { ...theme, digits: theme.digits === 'western' ? 'arabic-indic' : 'western' }, logo],
      ['the type sizes', spec, { ...theme, sizes: { ...theme.sizes, body: theme.sizes.body - 2 } }, logo],
      ['back as it was', spec, theme, logo],
    ];
    for (const [what, variant, variantTheme, variantLogo] of variants) {
      const rebuilt = await bytes(variant, variantTheme, variantLogo, memo);
      expect(rebuilt.equals(await bytes(variant, variantTheme, variantLogo)), what).toBe(true);
    }
    expect((await bytes(spec, theme, logo, memo)).equals(first)).toBe(true);
  });

  it('redraws a slide whose title has the room a logo on the other slides leaves, when that logo comes or goes', async () => {
    const { spec, theme, logo } = await shipped('briefing');
    const memo = renderMemo();
    await bytes(spec, theme, logo, memo);
    const box = { w: 1.2, h: 0.6 };
    const withLogo: Logo = { ...(logo ?? { data: 'image/png;base64,iVBORw0KGgo=', w: 1.5, h: 0.5, alt: 'شعار' }), onContent: { ...box } } as Logo;
    const variants: [string, Logo | undefined][] = [
      ['a logo on the content slides', withLogo],
      ['a wider one', { ...withLogo, onContent: { ...box, w: 1.6 } } as Logo],
      ['none', logo],
    ];
    for (const [what, variantLogo] of variants) {
      expect((await bytes(spec, theme, variantLogo, memo)).equals(await bytes(spec, theme, variantLogo)), what).toBe(true);
    }
  });

  it('redraws the pages of a list of sources when their shared type size changes', async () => {
    const { spec, theme, logo } = await shipped('briefing');
    // (the briefing lists its sources on pages of two columns: the pages of one list share one size)
    const pages = spec.slides.flatMap((s, i) => (s.kind === 'sources' && s.columns === 2 ? [i] : []));
    expect(pages.length).toBeGreaterThan(1);
    const [firstPage, lastPage] = [pages[0]!, pages.at(-1)!];
    const memo = renderMemo();
    await bytes(spec, theme, logo, memo);
    // a longer last page: the whole list is set smaller, the first page's spec unchanged
    const longer = edited(spec, (s) => {
      const slide = s.slides[lastPage] as Extract<DeckSpec['slides'][number], { kind: 'sources' }>;
      slide.items = [...slide.items, ...slide.items.slice(0, 8)];
    });
    const firstPageXml = async (deck: DeckSpec) => (await renderPptx(deck, theme, logo)).xml.get(`ppt/slides/slide${firstPage + 1}.xml`);
    expect(await firstPageXml(longer), 'the first page is set in another size').not.toBe(await firstPageXml(spec));
    expect((await bytes(longer, theme, logo, memo)).equals(await bytes(longer, theme, logo))).toBe(true);
  });

  it('keeps nothing of a deck of more slides than it holds', async () => {
    const { spec, theme, logo } = await shipped('economy');
    const many = edited(spec, (s) => {
      const bullets = s.slides.find((slide) => slide.kind === 'bullets')!;
      while (s.slides.length <= 250) s.slides.push(structuredClone(bullets));
    });
    const memo = renderMemo();
    await renderPptx(many, theme, logo, memo);
    expect(memo.slides.size).toBe(0);
  });
});
