/**
 * finalizePackage on the fixture deck (pptxgenjs 4.0.1): the RTL, language,
 * font, notes, theme, chart and package facts, read back at the XML level.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import * as post from '../../../src/pptx/post/index.js';
import { finalizePackage } from '../../../src/pptx/post/index.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { fixtureOptions, part, xmlParts } from '../../fixtures/post/options.js';

const RLE = '\u202B';
const PDF = '\u202C';

let raw: Map<string, string>;
let parts: Map<string, string>;
let bytes: Uint8Array;

beforeAll(async () => {
  const deck = await makeDeck();
  raw = await xmlParts(deck);
  bytes = await finalizePackage(deck, fixtureOptions());
  parts = await xmlParts(bytes);
});

const named = (pattern: RegExp) => [...parts.keys()].filter((n) => pattern.test(n)).sort();
const slides = () => named(/^ppt\/slides\/slide\d+\.xml$/);
const notes = () => named(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
const charts = () => named(/^ppt\/charts\/chart\d+\.xml$/);
const textParts = () => [...slides(), ...notes(), ...named(/^ppt\/slide(Layout|Master)s\/[^/]+\.xml$/), ...charts()];
const paragraphs = (xml: string) => xml.match(/<a:p(?=[\s>/])[\s\S]*?<\/a:p>|<a:p\/>/g) ?? [];
const firstPPr = (p: string) => /^<a:p[^>]*>\s*(<a:pPr(?=[\s/>])[^>]*>)/.exec(p)?.[1];
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

describe('the module', () => {
  it('exports finalizePackage (bytes in), finalizeParts (parts in, with the memo a rebuild keeps) and the reader of the custom properties it writes', () => {
    expect(Object.keys(post).sort()).toEqual(['MemoShelf', 'finalizePackage', 'finalizeParts', 'packageMemo', 'readCustomProperties']);
  });
});

describe('right-to-left paragraphs', () => {
  it('every paragraph of slides, notes, layouts, master and charts starts with a:pPr rtl="1", right-aligned or centred', () => {
    let count = 0;
    for (const name of textParts()) {
      for (const p of paragraphs(part(parts, name))) {
        const pPr = firstPPr(p);
        expect(pPr, `${name}: ${p.slice(0, 120)}`).toBeDefined();
        expect(attr(pPr as string, 'rtl'), `${name}: ${pPr}`).toBe('1');
        expect(['r', 'ctr'], `${name}: ${pPr}`).toContain(attr(pPr as string, 'algn'));
        count++;
      }
    }
    expect(count).toBeGreaterThan(40);
  });

  it('one a:pPr per paragraph: the mixed Arabic + bold FFIS paragraph keeps its three runs', () => {
    const p = paragraphs(part(parts, 'ppt/slides/slide1.xml')).find((x) => x.includes('>FFIS<')) ?? '';
    expect(p.match(/<a:pPr(?=[\s>/])/g)).toHaveLength(1);
    expect(p.match(/<a:r>/g)).toHaveLength(3);
    expect(paragraphs(part(raw, 'ppt/slides/slide1.xml')).find((x) => x.includes('>FFIS<'))?.match(/<a:pPr(?=[\s>/])/g)).toHaveLength(3);
  });

  it('no left-to-right level style is left in masters, notes master and presentation defaults', () => {
    for (const name of ['ppt/slideMasters/slideMaster1.xml', 'ppt/notesMasters/notesMaster1.xml', 'ppt/presentation.xml']) {
      expect(part(parts, name), name).not.toMatch(/rtl="0"/);
    }
    const notesStyle = /<p:notesStyle>[\s\S]*<\/p:notesStyle>/.exec(part(parts, 'ppt/notesMasters/notesMaster1.xml'))?.[0] ?? '';
    expect(notesStyle.match(/<a:lvl\dpPr[^>]*algn="r"[^>]*rtl="1"/g)).toHaveLength(9);
    expect(part(parts, 'ppt/slideMasters/slideMaster1.xml')).toContain('<a:lvl1pPr algn="ctr" defTabSz="914400" rtl="1"');
  });

  it('the bulleted list keeps its hanging indent and bullets', () => {
    const list = paragraphs(part(parts, 'ppt/slides/slide1.xml')).filter((p) => p.includes('<a:buChar'));
    expect(list).toHaveLength(3);
    for (const p of list) expect(firstPPr(p)).toMatch(/marL="342900" indent="-342900"/);
  });
});

describe('language', () => {
  it('every run, end-of-paragraph and default run properties names the deck language', () => {
    for (const name of textParts()) {
      for (const tag of part(parts, name).match(/<a:(rPr|endParaRPr|defRPr)(?=[\s>/])[^>]*>/g) ?? []) {
        expect(attr(tag, 'lang'), `${name}: ${tag}`).toBe('ar-SA');
      }
    }
  });

  it('the slide-number field run is ar-SA on slides, layouts and master', () => {
    for (const name of [...slides(), 'ppt/slideMasters/slideMaster1.xml', 'ppt/slideLayouts/slideLayout2.xml']) {
      const field = /<a:fld[^>]*type="slidenum"[^>]*>[\s\S]*?<\/a:fld>/.exec(part(parts, name))?.[0] ?? '';
      expect(field, name).toMatch(/<a:rPr[^>]*lang="ar-SA"/);
    }
    expect(part(parts, 'ppt/slideMasters/slideMaster1.xml')).toContain('<a:t>‹#›</a:t>');
    expect(part(parts, 'ppt/slides/slide3.xml')).toMatch(/type="slidenum">[\s\S]*<a:t>3<\/a:t>/);
  });
});

describe('notes', () => {
  it('split into one right-to-left ar-SA paragraph per line', () => {
    const xml = part(parts, 'ppt/notesSlides/notesSlide1.xml');
    const body = /<p:ph type="body"[\s\S]*?<\/p:txBody>/.exec(xml)?.[0] ?? '';
    const ps = paragraphs(body);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatch(/^<a:p><a:pPr algn="r" rtl="1"\/><a:r><a:rPr lang="ar-SA"[^>]*\/><a:t>سطر أول<\/a:t><\/a:r><\/a:p>$/);
    expect(ps[1]).toMatch(/^<a:p><a:pPr algn="r" rtl="1"\/><a:r><a:rPr lang="ar-SA"[^>]*\/><a:t>سطر ثان<\/a:t><\/a:r><a:endParaRPr lang="ar-SA"/);
    expect(body).not.toMatch(/[\r\n]/);
  });
});

describe('theme and fonts', () => {
  const theme = () => part(parts, 'ppt/theme/theme1.xml');

  it('sets the major and minor latin and cs faces and the Arab script entries', () => {
    const major = /<a:majorFont>[\s\S]*<\/a:majorFont>/.exec(theme())?.[0] ?? '';
    const minor = /<a:minorFont>[\s\S]*<\/a:minorFont>/.exec(theme())?.[0] ?? '';
    expect(major).toContain('<a:latin typeface="Amiri"/>');
    expect(major).toContain('<a:cs typeface="Amiri Quran"/>');
    expect(major).toContain('<a:font script="Arab" typeface="Amiri Quran"/>');
    expect(minor).toContain('<a:latin typeface="Amiri"/>');
    expect(minor).toContain('<a:cs typeface="Noto Naskh Arabic"/>');
    expect(minor).toContain('<a:font script="Arab" typeface="Noto Naskh Arabic"/>');
  });

  it('leaves no charset hint on any a:ea or a:cs', () => {
    expect(raw.get('ppt/slides/slide1.xml')).toContain('charset="-120"');
    for (const [name, xml] of parts) expect(xml.match(/<a:(ea|cs)\b[^>]*charset=/g), name).toBeNull();
  });
});

describe('charts', () => {
  it('are numbered in slide order: bar, stacked column (slide 3), doughnut (slide 4)', () => {
    expect(charts()).toEqual(['ppt/charts/chart1.xml', 'ppt/charts/chart2.xml', 'ppt/charts/chart3.xml']);
    expect(part(parts, 'ppt/charts/chart1.xml')).toContain('<c:barDir val="bar"/>');
    expect(part(parts, 'ppt/charts/chart2.xml')).toMatch(/<c:barDir val="col"\/><c:grouping val="stacked"\/>/);
    expect(part(parts, 'ppt/charts/chart3.xml')).toContain('<c:doughnutChart>');
    expect(part(parts, 'ppt/slides/_rels/slide3.xml.rels')).toMatch(/rId1"[^>]*Target="\/ppt\/charts\/chart1.xml"[\s\S]*rId2"[^>]*Target="\/ppt\/charts\/chart2.xml"/);
    expect(part(parts, 'ppt/slides/_rels/slide4.xml.rels')).toContain('Target="/ppt/charts/chart3.xml"');
    for (const n of [1, 2, 3]) {
      expect(part(parts, `ppt/charts/_rels/chart${n}.xml.rels`)).toContain(`Target="../embeddings/Microsoft_Excel_Worksheet${n}.xlsx"`);
    }
  });

  it('names c:lang at its schema position', () => {
    for (const name of charts()) expect(part(parts, name)).toMatch(/<c:date1904 val="0"\/><c:lang val="ar-SA"\/><c:roundedCorners/);
  });

  it('gives every run properties element that names a:latin the same a:ea and a:cs, in order', () => {
    for (const name of charts()) {
      const props = part(parts, name).match(/<a:(rPr|defRPr)(?=[\s>])[^>]*>[\s\S]*?<\/a:\1>/g) ?? [];
      expect(props.length).toBeGreaterThan(3);
      for (const p of props) {
        const latin = /<a:latin typeface="([^"]*)"\/>/.exec(p)?.[1];
        if (latin === undefined) continue;
        expect(p, name).toMatch(new RegExp(`<a:latin typeface="${latin}"/>\\s*<a:ea typeface="${latin}"/>\\s*<a:cs\\s+typeface="${latin}"/>`));
      }
    }
  });

  it('wraps titles and series names in RLE…PDF, not categories', () => {
    const bar = part(parts, 'ppt/charts/chart1.xml');
    expect(bar).toContain(`<a:t>${RLE}الأعضاء حسب القارة (FFIS)${PDF}</a:t>`);
    expect(bar).toContain(`<c:v>${RLE}عدد الأعضاء (FFIS)${PDF}</c:v>`);
    expect(bar).toContain('<c:v>أوروبا</c:v>');
    const column = part(parts, 'ppt/charts/chart2.xml');
    expect(column).toContain(`<c:v>${RLE}عسكرية${PDF}</c:v>`);
    expect(column).toContain(`<c:v>${RLE}مدنية${PDF}</c:v>`);
    expect(part(parts, 'ppt/charts/chart3.xml')).toContain(`<a:t>${RLE}توزيع المساهمات${PDF}</a:t>`);
  });

  it('keeps the numbers and categories of every chart exactly as pptxgenjs wrote them', () => {
    const rawCharts = [...raw.entries()].filter(([n]) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map(([, x]) => x);
    for (const name of charts()) {
      const blocks = part(parts, name).match(/<c:(cat|val)>[\s\S]*?<\/c:\1>/g) ?? [];
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) expect(rawCharts.some((x) => x.includes(block)), `${name}: ${block.slice(0, 80)}`).toBe(true);
    }
  });

  it('has no chart group axis id without an axis (the third c:axId is gone)', () => {
    expect(raw.get('ppt/charts/chart2.xml')).toMatch(/(<c:axId val="\d+"\/>){3}<\/c:barChart>/);
    for (const name of charts()) {
      const xml = part(parts, name);
      const defined = new Set([...xml.matchAll(/<c:(?:catAx|valAx)>\s*<c:axId val="(\d+)"/g)].map((m) => m[1]));
      for (const group of xml.match(/<c:\w+Chart>[\s\S]*?<\/c:\w+Chart>/g) ?? []) {
        for (const m of group.matchAll(/<c:axId val="(\d+)"/g)) expect(defined.has(m[1]), `${name}: ${m[1]}`).toBe(true);
      }
    }
  });
});

describe('package validity', () => {
  it('declares content types only for parts that exist (no phantom slideMasterN.xml)', () => {
    const types = part(parts, '[Content_Types].xml');
    expect(raw.get('[Content_Types].xml')).toContain('/ppt/slideMasters/slideMaster2.xml');
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(parts.has(m[1] as string) || m[1]?.endsWith('.xlsx'), m[1]).toBe(true);
  });

  it('has unique shape ids in every slide, layout, master and notes part', () => {
    for (const name of named(/^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/)) {
      const ids = [...part(parts, name).matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it('orders p:presentation children as the schema does', () => {
    expect(part(parts, 'ppt/presentation.xml')).toMatch(/<\/p:sldMasterIdLst><p:notesMasterIdLst>[\s\S]*<\/p:notesMasterIdLst><p:sldIdLst>/);
  });
});

describe('determinism facts', () => {
  it('writes the fixed date and the title into docProps/core.xml', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-03-01T09:30:00Z</dcterms:modified>');
    expect(core).toContain('<dc:title>موجز: عرض تجريبي</dc:title>');
  });

  it('derives the section ids from the section order', () => {
    const ids = [...part(parts, 'ppt/presentation.xml').matchAll(/<p14:section name="([^"]*)" id="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    expect(ids).toEqual([
      ['المقدمة', '{5EC710AA-0000-4000-8000-000000000001}'],
      ['البيانات', '{5EC710AA-0000-4000-8000-000000000002}'],
    ]);
  });

  it('zips files only, [Content_Types].xml first then sorted, all with the fixed date, deflated', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    const rest = names.slice(1);
    expect(rest).toEqual([...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const file of Object.values(zip.files)) {
      expect(file.dir).toBe(false);
      expect(file.date.toISOString()).toBe('2024-03-01T09:30:00.000Z');
    }
    expect(bytes.length).toBeLessThan(60_000); // DEFLATE: pptxgenjs' STORE output is about twice as large
  });

  it('fixes the embedded workbooks: dates, right-to-left sheets, deterministic zip', async () => {
    const zip = await JSZip.loadAsync(bytes);
    for (const n of [1, 2, 3]) {
      const data = await zip.file(`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`)?.async('uint8array');
      expect(data).toBeDefined();
      const inner = await JSZip.loadAsync(data as Uint8Array);
      expect(await inner.file('docProps/core.xml')?.async('string')).toContain('>2024-03-01T09:30:00Z</dcterms:created>');
      expect(await inner.file('xl/worksheets/sheet1.xml')?.async('string')).toContain('rightToLeft="1"');
      expect(Object.values(inner.files).every((f) => !f.dir && f.date.toISOString() === '2024-03-01T09:30:00.000Z')).toBe(true);
      expect(Object.keys(inner.files)[0]).toBe('[Content_Types].xml');
    }
  });
});

describe('left-to-right decks', () => {
  it('with rtl:false, sets language and fonts but no direction and no bidi controls', async () => {
    const ltr = await xmlParts(await finalizePackage(await makeDeck(), fixtureOptions({ rtl: false, lang: 'en-GB' })));
    expect(part(ltr, 'ppt/notesSlides/notesSlide1.xml')).not.toContain('rtl="1"');
    expect(part(ltr, 'ppt/notesSlides/notesSlide1.xml')).toContain('<a:rPr lang="en-GB"');
    expect(part(ltr, 'ppt/charts/chart1.xml')).not.toContain(RLE);
    expect(part(ltr, 'ppt/charts/chart1.xml')).toContain('<c:lang val="en-GB"/>');
  });
});
