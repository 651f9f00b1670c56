import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, diffManifests, formatDiff, listAudiences } from '../../src/index.js';
import { sourceItemText, type DeckSpec } from '../../src/spec/schema.js';
import { all, paragraphs, slideNames, unzipXml, validatePptx, type Parts } from '../helpers/pptx.js';
import { REPO, replaceOnce, showInNotes, tempProject } from '../helpers/project.js';

/** Every shipped audience's deck at the XML level: direction, alignment, language, fonts, tables, charts. */
const AUDIENCES = await listAudiences(REPO);
const ARABIC = /[\u0600-\u06FF]/;
const escapeXml = (t: string) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');

describe.each(AUDIENCES)('%s.pptx', (audience) => {
  let bytes: Uint8Array;
  let spec: DeckSpec;
  let parts: Parts;
  let font: string;

  beforeAll(async () => {
    const result = await buildDeck({ root: REPO, audience });
    expect(result.diagnostics).toEqual([]);
    bytes = result.bytes!;
    spec = result.spec!;
    font = result.context!.theme.fonts.body;
    parts = await unzipXml(bytes);
  });

  it('has one slide per spec slide, with notes on every content slide', () => {
    const slides = slideNames(parts);
    expect(slides.length).toBe(spec.slides.length);
    spec.slides.forEach((s, i) => {
      if (s.kind === 'title') return;
      const rels = parts.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!;
      expect(rels, `slide ${i + 1} has notes`).toMatch(/notesSlide/);
    });
  });

  it('makes every Arabic paragraph right-to-left and right-aligned (or centred on purpose)', () => {
    let checked = 0;
    for (const name of slideNames(parts)) {
      for (const p of paragraphs(parts.get(name)!)) {
        if (!ARABIC.test(p.text)) continue;
        checked++;
        expect(p.pPr, `${name}: ${p.text}`).toMatch(/rtl="1"/);
        expect(p.pPr, `${name}: ${p.text}`).toMatch(/algn="(r|ctr)"/);
      }
    }
    expect(checked).toBeGreaterThan(3 * spec.slides.length);
  });

  it('tags every run Arabic (English source titles English), in a font with Arabic and Latin glyphs named in the complex-script slot', () => {
    for (const name of slideNames(parts)) {
      const xml = parts.get(name)!;
      for (const paragraph of all(xml, /<a:p>([\s\S]*?)<\/a:p>/g)) {
        const text = all(paragraph, /<a:t>([^<]*)<\/a:t>/g).join('');
        const english = text.startsWith('\u200E') && !ARABIC.test(text) && /[A-Za-z]/.test(text); // an English source title, with its link
        for (const run of all(paragraph, /<a:r>([\s\S]*?)<\/a:r>/g)) {
          expect(run, name).toMatch(english ? /<a:rPr(?=[^>]*lang="en-US")(?=[^>]*noProof="1")/ : /<a:rPr[^>]*lang="ar-SA"/);
          expect(run, name).toMatch(/<a:latin typeface="[^"]+"/);
          expect(run, name).toMatch(/<a:cs typeface="[^"]+"/);
          expect(/<a:latin typeface="([^"]+)"/.exec(run)![1]).toBe(/<a:cs typeface="([^"]+)"/.exec(run)![1]);
        }
      }
    }
  });

  it('puts a callout after the bullets in the shape order (what a screen reader reads first): right to left', () => {
    spec.slides.forEach((s, i) => {
      if (s.kind !== 'bullets' || !s.callout) return;
      const xml = parts.get(`ppt/slides/slide${i + 1}.xml`)!;
      const first = s.bullets[0]!;
      const bullet = xml.indexOf(escapeXml(typeof first === 'string' ? first : first.text).slice(0, 20));
      const callout = xml.indexOf(`<a:t>${escapeXml(s.callout.value)}</a:t>`);
      expect(bullet, `slide ${i + 1}`).toBeGreaterThan(0);
      expect(callout, `slide ${i + 1}`).toBeGreaterThan(bullet);
    });
  });

  it('marks every textless shape on a slide decorative, so no shape lacks its alternative text', () => {
    let marked = 0;
    for (const name of slideNames(parts)) {
      for (const shape of all(parts.get(name)!, /<p:sp>([\s\S]*?)<\/p:sp>/g)) {
        if (/<a:t>|<p:ph\b/.test(shape)) continue;
        expect(shape, name).toMatch(/<p:cNvPr\b[^>]*>(?:(?!<\/p:cNvPr>)[\s\S])*<adec:decorative [^>]*val="1"/);
        marked++;
      }
    }
    if (audience === 'briefing') expect(marked).toBeGreaterThan(0);
  });

  it('puts the bullets of a list on the right: bulleted paragraphs are RTL', () => {
    const i = spec.slides.findIndex((s) => s.kind === 'bullets');
    if (i < 0) return;
    const bulleted = paragraphs(parts.get(`ppt/slides/slide${i + 1}.xml`)!).filter((p) => /<a:pPr[^>]*marL=/.test(p.pPr));
    expect(bulleted.length).toBeGreaterThanOrEqual(2);
    for (const p of bulleted) expect(p.pPr).toMatch(/rtl="1"/);
    expect(parts.get(`ppt/slides/slide${i + 1}.xml`)).toMatch(/<a:buChar /);
  });

  it('puts each slide title in the title placeholder', () => {
    spec.slides.forEach((s, i) => {
      const xml = parts.get(`ppt/slides/slide${i + 1}.xml`)!;
      const title = all(xml, /<p:sp>([\s\S]*?)<\/p:sp>/g).find((sp) => /<p:ph\b[^>]*type="title"/.test(sp));
      expect(title, `slide ${i + 1}`).toBeDefined();
      expect(all(title!, /<a:t>([\s\S]*?)<\/a:t>/g).join('')).toBe(s.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    });
  });

  it('draws tables right to left: the first column of the spec is the last grid column', () => {
    const i = spec.slides.findIndex((s) => s.kind === 'table');
    if (i < 0) return;
    const table = spec.slides[i] as Extract<DeckSpec['slides'][number], { kind: 'table' }>;
    const xml = parts.get(`ppt/slides/slide${i + 1}.xml`)!;
    const rows = all(xml, /<a:tr\b[^>]*>([\s\S]*?)<\/a:tr>/g);
    const header = all(rows[0]!, /<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g).map((tc) => all(tc, /<a:t>([\s\S]*?)<\/a:t>/g).join(''));
    expect(header).toEqual([...table.columns].reverse());
    expect(xml).toContain('<a:tbl><a:tblPr firstRow="1"/>'); // the headings are the header row
    // its alternative text names the columns in reading order
    expect(xml).toContain(`descr="جدول بأعمدة: ${table.columns.map(escapeXml).join('، ')}"`);
    for (const tc of all(xml, /<a:tc\b[^>]*>([\s\S]*?)<\/a:tc>/g)) {
      expect(tc).toMatch(/<a:pPr[^>]*rtl="1"/);
      expect(tc).toMatch(/lang="ar-SA"/);
    }
  });

  it('feeds the charts from the spec, as native charts that read right to left', () => {
    const charts = [...parts.keys()].filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    const specCharts = spec.slides.filter((s) => s.kind === 'chart').map((s) => (s as Extract<typeof s, { kind: 'chart' }>).chart);
    expect(charts.length).toBe(specCharts.length);
    charts.forEach((name, i) => {
      const xml = parts.get(name)!;
      const chart = specCharts[i]!;
      const values = all(xml.slice(xml.indexOf('<c:val>')), /<c:pt idx="\d+"><c:v>([^<]*)<\/c:v>/g).map(Number);
      expect(values).toEqual(chart.series[0]!.values);
      const cats = all(xml.slice(xml.indexOf('<c:cat>'), xml.indexOf('</c:cat>')), /<c:v>([^<]*)<\/c:v>/g);
      expect(cats).toEqual(chart.categories);
      if (chart.type !== 'pie' && chart.type !== 'doughnut') expect(xml).toMatch(/<c:catAx>[\s\S]*<c:orientation val="maxMin"\/>/);
      if (chart.type === 'bar') expect(xml).toMatch(/<c:valAx>[\s\S]*<c:orientation val="maxMin"\/>/);
      if (chart.type === 'bar' && chart.showValues) {
        // labelled bars: no scale (it would sit above them) and no gridlines
        const valAx = xml.slice(xml.indexOf('<c:valAx>'), xml.indexOf('</c:valAx>'));
        expect(valAx).toContain('<c:delete val="1"/>');
        expect(valAx).not.toContain('<c:majorGridlines>');
        expect(xml).toContain('<c:showVal val="1"/>');
      }
      expect(xml).toMatch(/<c:lang val="ar-SA"\/>/);
      for (const pPr of all(xml, /(<a:pPr\b[^>]*>)/g)) expect(pPr).toMatch(/rtl="1"/);
      expect(all(xml, /<a:latin typeface="([^"]+)"/g).every((f) => f === font)).toBe(true);
      expect(xml).toContain(`<a:cs typeface="${font}"`);
      // every chart says what it shows, with its figures, to a screen reader
      expect(chart.alt).toMatch(/[0-9٠-٩]/);
    });
  });

  it("embeds each chart's data as a workbook whose every relationship and content type has its part, with sheets right to left", async () => {
    const workbooks = await Promise.all([...(await JSZip.loadAsync(bytes)).file(/^ppt\/embeddings\/.*\.xlsx$/)].map(async (f) => unzipXml(await f.async('uint8array'))));
    expect(workbooks.length).toBe(spec.slides.filter((s) => s.kind === 'chart').length);
    for (const wb of workbooks) {
      // pptxgenjs's stray table (ref="A1:B10'", listed by no sheet) is gone: Keynote drops a chart with it
      expect([...wb.keys()].filter((n) => n.startsWith('xl/tables/'))).toEqual([]);
      for (const [name, xml] of wb) {
        if (!name.endsWith('.rels')) continue;
        const base = name.replace(/_rels\/[^/]*\.rels$/, '');
        for (const target of all(xml, /Target="([^"]+)"/g)) expect(wb.has(path.posix.normalize(base + target)), `${name} → ${target}`).toBe(true);
      }
      for (const part of all(wb.get('[Content_Types].xml')!, /PartName="\/([^"]+)"/g)) expect(wb.has(part), part).toBe(true);
      expect(wb.get('xl/worksheets/sheet1.xml')).toContain('rightToLeft="1"');
    }
  });

  it('makes the notes right-to-left, one paragraph per line, tagged Arabic', () => {
    const notes = [...parts.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBe(spec.slides.filter((s) => s.notes).length);
    for (const name of notes) {
      const arabic = paragraphs(parts.get(name)!).filter((p) => ARABIC.test(p.text));
      expect(arabic.length, name).toBeGreaterThan(0);
      for (const p of arabic) {
        expect(p.pPr).toMatch(/rtl="1"/);
        expect(p.runs.every((r) => /lang="ar-SA"/.test(r))).toBe(true);
      }
    }
  });

  it('names the Arabic font in the theme’s complex-script slots', () => {
    const theme = parts.get('ppt/theme/theme1.xml')!;
    expect(all(theme, /<a:cs typeface="([^"]*)"/g).every((f) => f.length > 0)).toBe(true);
    expect(theme).toMatch(new RegExp(`<a:font script="Arab" typeface="${font}"/>`));
  });

  it('groups slides into sections by part of the argument', () => {
    const sections = all(parts.get('ppt/presentation.xml')!, /<p14:section name="([^"]+)"/g);
    expect(sections).toEqual([...new Set(spec.slides.map((s) => s.section))]);
  });

  it("prints notes pages upright on 7.5 × 10 in, and its master ticks the slide number PowerPoint's Header and Footer dialog shows where the layouts number the slides", () => {
    expect(parts.get('ppt/presentation.xml')).toContain('<p:notesSz cx="6858000" cy="9144000"/>');
    const numbered = [...parts].some(([name, xml]) => name.startsWith('ppt/slideLayouts/') && xml.includes('type="sldNum"'));
    expect(parts.get('ppt/slideMasters/slideMaster1.xml')).toContain(`<p:hf sldNum="${numbered ? 1 : 0}"`);
  });

  it('passes the package validator', () => {
    const { code, output } = validatePptx(bytes, `${audience}.pptx`);
    expect(output).toMatch(/0 errors|valid/i);
    expect(code, output).toBe(0);
  });

  it('is byte-identical when built twice in one process', async () => {
    const again = await buildDeck({ root: REPO, audience });
    const hash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(hash(again.bytes!)).toBe(hash(bytes));
  });
});

describe('the briefing deck', () => {
  it('has at least 12 slides: composition adding up to the member count, growth ending with Syria', async () => {
    const result = await buildDeck({ root: REPO, audience: 'briefing' });
    const spec = result.spec!;
    expect(spec.slides.length).toBeGreaterThanOrEqual(12);
    const charts = spec.slides.filter((s) => s.kind === 'chart').map((s) => (s as Extract<typeof s, { kind: 'chart' }>).chart);
    expect(charts[0]!.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(89);
    expect(charts[1]!.categories.at(-1)).toBe('بانضمام سوريا');
    expect(charts[1]!.series[0]!.values.at(-1)).toBe(90);
    const parts = await unzipXml(result.bytes!);
    expect(parts.get('ppt/charts/chart2.xml')).toMatch(/<c:dPt>\s*<c:idx val="12"\/>[\s\S]*?<a:srgbClr val="B03A2E"\/>/);
    expect(parts.get('ppt/charts/chart1.xml')).toMatch(/<c:barDir val="bar"\/>/);
    expect(new Set(spec.slides.map((s) => s.section)).size).toBeGreaterThanOrEqual(9);
    // the dataset's sources, described in English, are tagged English (PowerPoint's spelling)
    const sourcesPage = spec.slides.findIndex((s) => s.kind === 'sources' && s.items.some((item) => /^S\d+/.test(sourceItemText(item))));
    const sourcesXml = parts.get(`ppt/slides/slide${sourcesPage + 1}.xml`)!;
    expect(sourcesXml).toMatch(/<a:rPr[^>]*lang="en-US"[^>]*>[\s\S]*?<a:t>\u200E<\/a:t>/);
    // the per-audience checks of bullets, tables and charts run on this deck at least
    expect(new Set(spec.slides.map((s) => s.kind))).toEqual(new Set(['title', 'agenda', 'bullets', 'chart', 'stats', 'table', 'sources']));
  });
});

describe('the look a deck records', () => {
  it('draws the marking in the audience’s digits, as every other text of its slides', async () => {
    const root = await tempProject();
    try {
      const theme = path.join(root, 'templates/leadership/theme.yaml');
      const text = await readFile(theme, 'utf8');
      await writeFile(theme, text.replace(/^marking: .*$/m, 'marking: "للاستخدام الرسمي — نسخة 2"'));
      const built = await buildDeck({ root, audience: 'leadership' });
      const layouts = [...(await unzipXml(built.bytes!))].filter(([name]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map(([, xml]) => xml).join('');
      expect(layouts).toContain('نسخة ٢');
      expect(layouts).not.toContain('نسخة 2');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('says the digits changed, once, when an audience turns to other digits: no part named for its figures', async () => {
    const root = await tempProject();
    try {
      const before = await buildDeck({ root, audience: 'leadership' });
      const theme = path.join(root, 'templates/leadership/theme.yaml');
      await writeFile(theme, replaceOnce(await readFile(theme, 'utf8'), 'digits: arabic-indic', 'digits: western'));
      const after = await buildDeck({ root, audience: 'leadership' });
      const lines = formatDiff(diffManifests(before.manifest!, after.manifest!)).replace(/[\u2068\u2069]/g, '').split('\n');
      expect(lines[0]).toBe('the look changed: its digits (arabic-indic → western)');
      // every slide listed says only that its figures are in the new digits: no title, part or fact line
      const said = lines.slice(1).filter((line) => !line.startsWith('~ slide'));
      expect(said.length).toBeGreaterThan(0);
      expect(new Set(said)).toEqual(new Set(['    its figures, in the new digits']));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('changes with the footer every content slide shows, so diff says every slide changed', async () => {
    const root = await tempProject();
    try {
      const before = await buildDeck({ root, audience: 'briefing' });
      const deck = path.join(root, 'templates/briefing/deck.hbs');
      await writeFile(deck, replaceOnce(await readFile(deck, 'utf8'), 'footer: "المصدر: ', 'footer: "مصدر الإحاطة: '));
      const after = await buildDeck({ root, audience: 'briefing' });
      const d = diffManifests(before.manifest!, after.manifest!);
      expect(d.look).toBe(true);
      expect(formatDiff(d).split('\n')[0]).toBe('the look changed: its footer');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("the file's properties", () => {
  it('name the author and company a template gives (escaped for the XML), and claim no company otherwise', async () => {
    const shipped = await unzipXml((await buildDeck({ root: REPO, audience: 'briefing' })).bytes!);
    expect(shipped.get('docProps/app.xml')).toContain('<Company></Company>');
    expect(shipped.get('docProps/core.xml')).toContain('<dc:creator>mujaz</dc:creator>');
    const root = await tempProject();
    try {
      const deck = path.join(root, 'templates/briefing/deck.hbs');
      await writeFile(deck, replaceOnce(await readFile(deck, 'utf8'), 'deck:\n', 'deck:\n  author: "إدارة التحليل"\n  company: "وزارة الخارجية <الإحاطات> & الأبحاث"\n'));
      const result = await buildDeck({ root, audience: 'briefing' });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const parts = await unzipXml(result.bytes!);
      expect(parts.get('docProps/app.xml')).toContain('<Company>وزارة الخارجية &lt;الإحاطات&gt; &amp; الأبحاث</Company>');
      expect(parts.get('docProps/core.xml')).toContain('<dc:creator>إدارة التحليل</dc:creator>');
      expect(validatePptx(result.bytes!).code).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("the file's contents, as Properties > Contents lists them", () => {
  it("are the theme's fonts and the slides' titles, in order, not pptxgenjs's Arial, Calibri and 'Slide 1'", async () => {
    const result = await buildDeck({ root: REPO, audience: 'leadership' });
    const app = (await unzipXml(result.bytes!)).get('docProps/app.xml')!;
    const titles = result.spec!.slides.map((s) => s.title);
    expect(titles.some((t) => /[٠-٩]/.test(t))).toBe(true); // as the slides show them: in Arabic-Indic digits
    const pairs = [...app.matchAll(/<vt:variant><vt:lpstr>([^<]*)<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>(\d+)<\/vt:i4>/g)].map((m) => [m[1], Number(m[2])]);
    expect(pairs).toEqual([['Fonts Used', 1], ['Theme', 1], ['Slide Titles', titles.length]]);
    const listed = [.../<TitlesOfParts><vt:vector size="(\d+)" baseType="lpstr">([\s\S]*?)<\/vt:vector>/.exec(app)![2]!.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    expect(listed).toEqual(['Amiri', 'Office Theme', ...titles]);
    expect(app).toContain(`<vt:vector size="${listed.length}" baseType="lpstr">`);
    expect(app).not.toMatch(/Calibri|Slide 1</);
  });
});

describe('a horizontal bar chart', () => {
  const scaleOf = (xml: string) => xml.slice(xml.indexOf('<c:valAx>'), xml.indexOf('</c:valAx>'));

  it('keeps its value scale and gridlines when its bars carry no values', async () => {
    const root = await tempProject();
    try {
      const file = path.join(root, 'templates/_shared/partials/composition-chart.hbs');
      await writeFile(file, replaceOnce(await readFile(file, 'utf8'), '      type: bar\n', '      type: bar\n      showValues: false\n'));
      const result = await buildDeck({ root, audience: 'briefing' });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const xml = (await unzipXml(result.bytes!)).get('ppt/charts/chart1.xml')!;
      expect(xml).toMatch(/<c:barDir val="bar"\/>/);
      expect(scaleOf(xml)).toContain('<c:delete val="0"/>');
      expect(scaleOf(xml)).toContain('<c:majorGridlines>');
      expect(xml).not.toContain('<c:showVal val="1"/>');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('chart values with decimals', () => {
  it('labels them as written (97.5, not 98), in both digits; whole values keep whole labels', async () => {
    const root = await tempProject();
    try {
      const file = path.join(root, 'templates/_shared/partials/composition-chart.hbs');
      const decimals = replaceOnce(await readFile(file, 'utf8'), '          values: {{json @root.data.composition.values}}', '          values: [{{#each @root.data.composition.values}}{{#if @index}}, {{/if}}{{json this}}.5{{/each}}]');
      await writeFile(file, decimals);
      for (const [audience, code] of [['briefing', '#,##0.0'], ['leadership', '[$-2000401]#,##0.0']] as const) {
        if (audience === 'leadership') {
          const deck = path.join(root, 'templates/leadership/deck.hbs');
          await writeFile(deck, replaceOnce(await readFile(deck, 'utf8'), '{{> sources-brief}}', '{{> composition-chart}}\n{{> sources-brief}}'));
        }
        const result = await buildDeck({ root, audience });
        expect(result.diagnostics.filter((d) => d.severity === 'error'), audience).toEqual([]);
        const parts = await unzipXml(result.bytes!);
        const xml = [...parts].find(([name, text]) => /^ppt\/charts\/chart\d+\.xml$/.test(name) && text.includes('<c:v>36.5</c:v>'))?.[1] ?? '';
        expect(xml, audience).toContain(`<c:dLbls><c:numFmt formatCode="${code}" sourceLinked="0"/>`);
        // the other charts, of whole values, keep whole labels
        const growth = [...parts].find(([name, text]) => /^ppt\/charts\/chart\d+\.xml$/.test(name) && !text.includes('36.5'))?.[1] ?? '';
        if (growth) expect(growth).not.toMatch(/formatCode="[^"]*0\.0/);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('chart label formats', () => {
  it('one decimal at least once a value has one, and a second only where a value has it', async () => {
    const { chartOptions } = await import('../../src/pptx/slides/chart.js');
    const theme = { digits: 'western', fonts: { body: 'Amiri', heading: 'Amiri' }, sizes: { small: 12 }, colors: { text: '111111', muted: '666666', chart: ['111111'], highlight: 'AA0000', primary: '111111' } };
    const chart = (values: number[]) => ({ type: 'column', categories: values.map(String), series: [{ name: 's', values }], showValues: true, showLegend: false, highlightLast: false, alt: 'x' });
    const options = (values: number[], digits = 'western') => chartOptions(chart(values) as never, { theme: { ...theme, digits } } as never);
    expect(options([97.5, 80, 12.25, 0.1]).dataLabelFormatCode).toBe('#,##0.0#');
    expect(options([97.5, 80]).dataLabelFormatCode).toBe('#,##0.0');
    expect(options([97, 80]).dataLabelFormatCode).toBeUndefined(); // pptxgenjs's own #,##0
    expect(options([1.5, 2], 'arabic-indic').dataLabelFormatCode).toBe('[$-2000401]#,##0.0');
  });
});

/** The runs of a part that link somewhere: their properties, text, tooltip and the target of their relationship. */
function linkRuns(xml: string, rels: string) {
  return [...xml.matchAll(/<a:r><a:rPr([^>]*)>(?:(?!<\/a:rPr>)[\s\S])*?<a:hlinkClick r:id="(rId\d+)"[^>]*?tooltip="([^"]*)"[\s\S]*?<\/a:rPr><a:t>([^<]*)<\/a:t><\/a:r>/g)].map((m) => ({
    props: m[1]!,
    tooltip: m[3]!,
    text: m[4]!,
    target: new RegExp(`<Relationship Id="${m[2]}" Type="[^"]*/hyperlink" Target="([^"]*)" TargetMode="External"/>`).exec(rels)?.[1],
  }));
}

describe('links on the sources slides', () => {
  it('end each of the dataset\'s English entries with "link", an English word before the entry\'s closing left-to-right mark', async () => {
    const result = await buildDeck({ root: REPO, audience: 'briefing' });
    const parts = await unzipXml(result.bytes!);
    const pages = result.spec!.slides.flatMap((s, i) => (s.kind === 'sources' && s.columns === 2 ? [{ items: s.items, n: i + 1 }] : []));
    expect(pages).toHaveLength(2);
    for (const { items, n } of pages) {
      const xml = parts.get(`ppt/slides/slide${n}.xml`)!;
      const links = linkRuns(xml, parts.get(`ppt/slides/_rels/slide${n}.xml.rels`)!);
      const linked = items.filter((item) => typeof item !== 'string' && item.url) as { text: string; url: string }[];
      expect(linked.length).toBeGreaterThan(5);
      expect(links.map((l) => l.text)).toEqual(linked.map(() => 'link'));
      expect(links.map((l) => l.tooltip)).toEqual(linked.map((item) => item.url.replace(/&/g, '&amp;')));
      expect(links.every((l) => /lang="en-US"/.test(l.props) && /noProof="1"/.test(l.props)), 'English entries stay English').toBe(true);
      // the mark is a run of its own after the link: in LibreOffice a link is a field, neutral to the bidi rules
      expect(xml.match(/<a:t>link<\/a:t><\/a:r><a:r><a:rPr[^>]*>(?:(?!<\/a:rPr>)[\s\S])*?<\/a:rPr><a:t>\u200E<\/a:t><\/a:r>/g)).toHaveLength(links.length);
    }
    const all = pages.flatMap(({ n }) => linkRuns(parts.get(`ppt/slides/slide${n}.xml`)!, parts.get(`ppt/slides/_rels/slide${n}.xml.rels`)!));
    expect(all[0]?.target).toBe('https://www.sbs.com.au/news/article/which-countries-have-joined-the-iraq-mission-and-what-are-they-doing/m4xp3jffa');
    // an Arabic path goes out percent-encoded, as PowerPoint expects; the tooltip shows it as written
    const yemen = all.find((l) => l.tooltip.startsWith('https://aa.com.tr/'))!;
    expect(yemen.target).toMatch(/^https:\/\/aa\.com\.tr\/ar\/live\/%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9-/);
    expect(yemen.tooltip).toMatch(/^https:\/\/aa\.com\.tr\/ar\/live\/الخارجية-/);
  });

  it('end an Arabic entry with «رابط», tagged Arabic; an entry without an address links nowhere', async () => {
    const root = await tempProject();
    try {
      const file = path.join(root, 'content/sources.yaml');
      await writeFile(file, replaceOnce(await readFile(file, 'utf8'), '    file: article.txt\n', '    file: article.txt\n    url: "https://example.org/مقال?a=1&b=2"\n'));
      const result = await buildDeck({ root, audience: 'media' });
      const n = result.spec!.slides.findIndex((s) => s.kind === 'sources') + 1;
      const parts = await unzipXml(result.bytes!);
      const links = linkRuns(parts.get(`ppt/slides/slide${n}.xml`)!, parts.get(`ppt/slides/_rels/slide${n}.xml.rels`)!);
      expect(links).toEqual([{ props: expect.stringContaining('lang="ar-SA"'), text: 'رابط', tooltip: 'https://example.org/مقال?a=1&amp;b=2', target: 'https://example.org/%D9%85%D9%82%D8%A7%D9%84?a=1&amp;b=2' }]);
      const valid = validatePptx(result.bytes!);
      expect(valid.code, valid.output).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('go on to a second slide past 10 sources (sources-brief and sources alike), so that a long list keeps a size one can read, the two evenly filled', async () => {
    const root = await tempProject();
    try {
      const ids = Array.from({ length: 11 }, (_, i) => `R${i + 11}`);
      const sources = path.join(root, 'content/sources.yaml');
      await writeFile(sources, `${await readFile(sources, 'utf8')}${ids.map((id) => `  - id: ${id}\n    kind: report\n    title: "تقرير ${id}"\n    url: "https://example.org/${id}"\n`).join('')}`);
      const facts = path.join(root, 'content/facts.yaml');
      await writeFile(facts, `${await readFile(facts, 'utf8')}${ids.map((id, i) => `  test.${id.toLowerCase()}: { label: "اختبار", stated: { value: ${i + 1}, source: ${id} } }\n`).join('')}`);
      // (a deck lists the sources of the facts it shows)
      await showInNotes(root, ids.map((id) => `test.${id.toLowerCase()}`));
      for (const audience of ['media', 'briefing']) {
        const result = await buildDeck({ root, audience });
        const lists = result.spec!.slides.flatMap((s) => (s.kind === 'sources' && s.section === 'المصادر' && s.columns === 1 ? [s] : []));
        expect(lists.map((s) => [s.title, s.items.length]), audience).toEqual([
          ['المصادر', 7],
          ['المصادر (تتمة)', 6], // A1, D1 and the 11 reports, as evenly as can be
        ]);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
