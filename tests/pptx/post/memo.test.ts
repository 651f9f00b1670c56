// A rebuild keeps the parts that did not change (PackageMemo): the bytes must be the ones a build
// without it writes, whatever changed in between (a part's text, an option a rewrite reads).
import { describe, expect, it } from 'vitest';
import { PARALLEL_FROM, syncDeflater, type Deflater } from '../../../src/pptx/post/deflate.js';
import { finalizeParts, MemoShelf, packageMemo, type FinalizeOptions, type PackageMemo } from '../../../src/pptx/post/index.js';
import type { PartMap } from '../../../src/pptx/post/types.js';
import { readPackage } from '../../../src/pptx/post/zip.js';
import { compileAudience, prepareContent } from '../../../src/build.js';
import { shippedTemplates } from '../../hostile/harness.js';
import { contentWith, shippedContent } from '../../helpers/project.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { loadAudience } from '../../../src/audience/load.js';
import { renderMemo, renderPptx } from '../../../src/pptx/render.js';
import { xmlParts } from '../../fixtures/post/options.js';
import { fixtureOptions } from '../../fixtures/post/options.js';

/** finalizeParts on this thread, with the names of the parts it compressed (the others were kept). */
async function finalize(raw: PartMap, opts: FinalizeOptions, memo?: PackageMemo): Promise<{ bytes: Buffer; compressed: string[] }> {
  const compressed: string[] = [];
  const counting = (): Deflater => {
    const inner = syncDeflater();
    return { threads: 'main', add: (name, data) => (compressed.push(name), inner.add(name, data)), finish: () => inner.finish(), close: () => inner.close() };
  };
  const bytes = Buffer.from(await finalizeParts(raw, opts, { deflater: counting, ...(memo ? { memo } : {}) }));
  return { bytes, compressed };
}

const withPart = (raw: PartMap, name: string, edit: (xml: string) => string): PartMap => {
  const xml = new Map(raw.xml);
  xml.set(name, edit(xml.get(name)!));
  return { xml, bin: raw.bin };
};

describe('a rebuild with the parts of the last one', () => {
  it('compresses again only what changed, and writes the bytes a build without it writes', async () => {
    const raw = await readPackage(await makeDeck());
    const memo = packageMemo();
    const first = await finalize(raw, fixtureOptions(), memo);
    expect(first.compressed.length).toBe(raw.xml.size + raw.bin.size);

    const again = await finalize(raw, fixtureOptions(), memo);
    expect(again.compressed).toEqual([]);
    expect(again.bytes.equals(first.bytes)).toBe(true);

    const slide = [...raw.xml.keys()].find((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))!;
    const edited = withPart(raw, slide, (xml) => xml.replace(/<a:t>([^<]*)<\/a:t>/, '<a:t>$1 90</a:t>'));
    const changed = await finalize(edited, fixtureOptions(), memo);
    expect(changed.compressed).toEqual([slide]);
    expect(changed.bytes.equals((await finalize(edited, fixtureOptions())).bytes)).toBe(true);
    expect(changed.bytes.equals(first.bytes)).toBe(false);

    // and back: the part as it was is compressed again (one build's parts are kept, not every one's)
    const back = await finalize(raw, fixtureOptions(), memo);
    expect(back.compressed).toEqual([slide]);
    expect(back.bytes.equals(first.bytes)).toBe(true);
  });

  it.each<[string, Partial<FinalizeOptions>, RegExp]>([
    ['the language', { lang: 'ar-EG' }, /^ppt\/(slides|notesSlides|notesMasters|handoutMasters|slideLayouts|slideMasters|charts)\/|^ppt\/presentation\.xml$/],
    ['the direction', { rtl: false }, /^ppt\//],
    ['the fonts', { fonts: { major: { latin: 'Arial', cs: 'Arial' }, minor: { latin: 'Arial', cs: 'Arial' } } }, /^ppt\/theme\/|^docProps\/app\.xml$/],
    ['the date', { fixedDate: '2025-11-03T00:00:00Z' }, /^docProps\/core\.xml$|\.xlsx$/],
    ['the title', { title: 'عنوان آخر' }, /^docProps\/core\.xml$/],
    ['the slide titles', { slideTitles: ['أ', 'ب'] }, /^docProps\/app\.xml$/],
    ['the Latin runs’ language', { latinLang: 'en-GB' }, /^ppt\/slides\//],
  ])('rewrites again the parts that read %s, as a build without it would', async (_what, change, reads) => {
    const raw = await readPackage(await makeDeck());
    const memo = packageMemo();
    await finalize(raw, fixtureOptions({ latinLang: 'en-US', slideTitles: ['س', 'ص'] }), memo);
    const opts = fixtureOptions({ latinLang: 'en-US', slideTitles: ['س', 'ص'], ...change });
    const rebuilt = await finalize(raw, opts, memo);
    expect(rebuilt.bytes.equals((await finalize(raw, opts)).bytes)).toBe(true);
    expect(rebuilt.compressed.length).toBeGreaterThan(0);
    // every part compressed again is one the change is read in
    expect(rebuilt.compressed.filter((name) => !reads.test(name))).toEqual([]);
  });

  it('keeps every part of a deck drawn again from the same spec: its charts’ workbooks and its presentation too', async () => {
    // (pptxgenjs dates the deck and each workbook with the wall-clock time and gives each section
    // a random id: unless made stable before the comparison, those parts were fixed again on
    // every rebuild)
    const built = await compileAudience(prepareContent(await shippedContent()), await shippedTemplates(), 'briefing', { render: false });
    const spec = built.spec!;
    expect(spec.slides.filter((s) => s.kind === 'chart').length).toBeGreaterThan(0);
    const { audience } = loadAudience('briefing', await shippedTemplates());
    const memo = packageMemo();
    const drawing = renderMemo();
    const first = await finalize(await renderPptx(spec, audience!.theme, audience!.logo, drawing), fixtureOptions(), memo);
    expect(first.compressed).toContain('ppt/presentation.xml');
    expect(first.compressed.filter((name) => name.endsWith('.xlsx')).length).toBeGreaterThan(0);
    // (drawn a second or more later: pptxgenjs dates the deck's core.xml with the time, to the second)
    const later = withPart(await renderPptx(spec, audience!.theme, audience!.logo, drawing), 'docProps/core.xml', (xml) => {
      const dated = xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$12031-05-06T07:08:09Z');
      expect(dated).not.toBe(xml);
      return dated;
    });
    const again = await finalize(later, fixtureOptions(), memo);
    expect(again.compressed).toEqual([]);
    expect(again.bytes.equals(first.bytes)).toBe(true);
  });

  it('keeps nothing of a package too large to hold in memory between builds', async () => {
    const raw = await readPackage(await makeDeck());
    const big: PartMap = { xml: new Map(raw.xml), bin: raw.bin };
    big.xml.set('ppt/filler.xml', `<x>${'ب'.repeat(PARALLEL_FROM)}</x>`);
    const memo = packageMemo();
    await finalize(big, fixtureOptions(), memo);
    expect(memo.parts.size).toBe(0);
    expect((await finalize(big, fixtureOptions(), memo)).compressed.length).toBe(big.xml.size + big.bin.size);
  });
});

describe('rebuilding a deck in one process (as watch does)', () => {
  it('draws a changed figure, and the deck as it was once the figure is put back', async () => {
    const templates = await shippedTemplates();
    const build = async (content: Awaited<ReturnType<typeof shippedContent>>) => {
      const result = await compileAudience(prepareContent(content), templates, 'briefing');
      if (!result.bytes) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
      return Buffer.from(result.bytes);
    };
    const before = await build(await shippedContent());
    const moved = await build(await contentWith('content/facts.yaml', (t) => t.replace('value: 28\n', 'value: 29\n').replace('في 28 موقعاً', 'في 29 موقعاً')));
    const after = await build(await shippedContent());
    expect(after.equals(before)).toBe(true);
    const was = await xmlParts(before);
    const changed = [...(await xmlParts(moved))].filter(([name, xml]) => was.get(name) !== xml).map(([name]) => name);
    // the slide and the notes that show the figure, and the manifest that lists it
    expect(changed.some((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))).toBe(true);
    expect(changed.some((name) => /^ppt\/notesSlides\//.test(name))).toBe(true);
    expect(changed).toContain('docProps/custom.xml');
    expect(changed.every((name) => /^ppt\/(slides|notesSlides)\/|^docProps\/custom\.xml$/.test(name))).toBe(true);
  });
});

describe('the memos a process keeps', () => {
  it('keeps the decks built last while they hold no more than the budget, and always the one asked for', async () => {
    const raw = await readPackage(await makeDeck());
    const one = packageMemo();
    await finalize(raw, fixtureOptions(), one);
    const size = [...one.parts.values()].reduce((n, p) => n + (typeof p.input === 'string' ? 2 * p.input.length : p.input.byteLength) + p.out.body.byteLength, 0);
    const shelf = new MemoShelf(2.5 * size);
    for (const name of ['a', 'b', 'c']) await finalize(raw, fixtureOptions(), shelf.for(name));
    // (the budget is kept each time a memo is asked for: the build that fills it may go over until the next)
    expect(shelf.names()).toEqual(['c', 'b', 'a']);
    // used again, a deck's memo is as its last build left it: nothing to compress; the oldest is let go
    expect((await finalize(raw, fixtureOptions(), shelf.for('b'))).compressed).toEqual([]);
    expect(shelf.names()).toEqual(['b', 'c']);
    expect((await finalize(raw, fixtureOptions(), shelf.for('a'))).compressed.length).toBe(raw.xml.size + raw.bin.size);
    shelf.for('c');
    expect(shelf.names()).toEqual(['c', 'a']);
    const tight = new MemoShelf(1);
    await finalize(raw, fixtureOptions(), tight.for('a'));
    expect(tight.for('b') && tight.names()).toEqual(['b']);
  });
});
