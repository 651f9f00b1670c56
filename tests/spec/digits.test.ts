import { describe, expect, it } from 'vitest';
import { specInDigits } from '../../src/spec/digits.js';
import { DeckSpecSchema, type DeckSpec } from '../../src/spec/schema.js';
import { replace, run } from '../hostile/harness.js';

const spec: DeckSpec = DeckSpecSchema.parse({
  deck: { title: 'الموازنة 2024', footer: 'المصدر: التقرير | 2025', date: '2025-11-03' },
  slides: [
    { kind: 'title', title: 'المياه في 2024', date: '3 أيار 2025' },
    { kind: 'bullets', title: 'ت', bullets: ['الفاقد ٤٨% عام 2024', { text: 'مجموعة G20 منذ 1999', level: 1 }], callout: { value: '12%', label: 'نسبة' }, notes: 'عام 2024' },
    { kind: 'chart', title: 'ن', chart: { type: 'column', categories: ['2019', '2020'], series: [{ name: 'السلسلة 1', values: [1, 2] }], alt: 'رسم 2019', colors: ['102030'], note: 'ISO 3166' } },
    { kind: 'table', title: 'ج', columns: ['العام', 'COVID-19'], rows: [['2019', '1,100']] },
    { kind: 'sources', title: 'م', items: ['S04 — CRS report R44135, Aug 24 2016 version', 'A1: المقال، 2025', { text: 'R2: تقرير 2024', url: 'https://example.org/2024/report?page=2' }] },
  ],
});

describe('the spec in the audience’s digits (specInDigits)', () => {
  it('writes every text a slide shows in Arabic-Indic digits, by the rule for Latin tokens', () => {
    const out = specInDigits(spec, 'arabic-indic');
    expect(out.deck).toEqual({ title: 'الموازنة ٢٠٢٤', footer: 'المصدر: التقرير | ٢٠٢٥', date: '2025-11-03' });
    const [title, bullets, chart, table, sources] = out.slides;
    expect(title).toMatchObject({ title: 'المياه في ٢٠٢٤', date: '٣ أيار ٢٠٢٥' });
    expect(bullets).toMatchObject({ bullets: ['الفاقد ٤٨٪ عام ٢٠٢٤', { text: 'مجموعة G20 منذ ١٩٩٩', level: 1 }], callout: { value: '١٢٪', label: 'نسبة' }, notes: 'عام ٢٠٢٤' });
    expect(chart).toMatchObject({ chart: { categories: ['٢٠١٩', '٢٠٢٠'], series: [{ name: 'السلسلة ١', values: [1, 2] }], alt: 'رسم ٢٠١٩', colors: ['102030'], note: 'ISO 3166' } });
    expect(table).toMatchObject({ columns: ['العام', 'COVID-19'], rows: [['٢٠١٩', '١٬١٠٠']] });
    // a web address is no text: its digits stay
    expect(sources).toMatchObject({ items: ['S04 — CRS report R44135, Aug 24 2016 version', 'A1: المقال، ٢٠٢٥', { text: 'R2: تقرير ٢٠٢٤', url: 'https://example.org/2024/report?page=2' }] });
  });

  it('returns a western audience’s spec as it is', () => {
    expect(specInDigits(spec, 'western')).toBe(spec);
  });
});

describe('an Arabic-Indic deck end to end: the leadership deck', () => {
  // What the review met: digits typed in the outline beside a fact, a fact followed by %, and a
  // chart category typed as text; with Latin tokens that keep theirs.
  const edits = {
    'content/article.yaml': replace(
      'لتكون العضو رقم [[syria.member_number]] في التحالف الذي تشكّل بقيادة الولايات المتحدة"',
      'لتكون العضو رقم [[syria.member_number]] في التحالف الذي تشكّل بقيادة الولايات المتحدة، وعُرفت أسماء [[coalition.arab_states]]% من أعضائه عام 2024 وفق ISO 3166 والقرار UNSCR 2254 ومجموعة G20 (https://example.org/2024)"',
    ),
    'templates/_shared/partials/growth-chart.hbs': replace('        - "بانضمام سوريا"', '        - "2026"'),
  };

  it('prints the outline’s digits, the percent sign and a typed chart category as the facts are printed', async () => {
    const { result, errors } = await run(edits, 'leadership');
    expect(errors).toEqual([]);
    const slides = result.spec!.slides;
    const bottomLine = slides.find((s) => s.kind === 'bullets' && s.title === 'الخلاصة') as Extract<DeckSpec['slides'][number], { kind: 'bullets' }>;
    const expected = 'لتكون العضو رقم ٩٠ في التحالف الذي تشكّل بقيادة الولايات المتحدة، وعُرفت أسماء ١١٪ من أعضائه عام ٢٠٢٤ وفق ISO 3166 والقرار UNSCR 2254 ومجموعة G20 (https://example.org/2024)';
    expect(bottomLine.bullets[0]).toContain(expected);
    expect(bottomLine.notes).toContain(expected);
    const chart = slides.find((s) => s.kind === 'chart') as Extract<DeckSpec['slides'][number], { kind: 'chart' }>;
    expect(chart.chart.categories.at(-1)).toBe('٢٠٢٦');
    // the facts' uses are still counted where they land
    expect(result.usedFacts).toContain('coalition.arab_states');
    // deck metadata keeps its ISO date
    expect(result.spec!.deck.date).toBe('2025-11-03');
  });

  it('leaves a western audience’s digits as they are typed', async () => {
    const { result, errors } = await run(edits, 'briefing');
    expect(errors).toEqual([]);
    const chart = result.spec!.slides.find((s) => s.kind === 'chart' && s.chart.categories.includes('2026'));
    expect(chart).toBeDefined();
  });
});

describe('a resolution cited in a template (a diplomats deck): the leadership deck', () => {
  // The review's bullet: a Latin reference is typed as it is written, in Arabic text a resolution's
  // number goes through {{num … grouping=false}}; neither is a figure typed into the template.
  const edits = {
    'templates/leadership/deck.hbs': replace(
      '{{> sources-brief}}',
      [
        '  - kind: bullets',
        '    title: "القرارات"',
        '    bullets:',
        '      - "يستند التحالف إلى القرار UNSCR 2254 وإلى S/RES/2254 (2015)، وتضم مجموعة G20 وطائرات F-16"',
        '      - "القرار {{num 2254 grouping=false}}، لا {{num 2254}}"',
        '{{> sources-brief}}',
      ].join('\n'),
    ),
  };
  const resolutions = (r: Awaited<ReturnType<typeof run>>) => (r.result.spec!.slides.find((s) => s.title === 'القرارات') as Extract<DeckSpec['slides'][number], { kind: 'bullets' }>).bullets;

  it('keeps the Latin reference’s digits, writes the number in the audience’s digits, and reports neither (it builds with --strict)', async () => {
    const r = await run(edits, 'leadership');
    expect(r.errors).toEqual([]);
    expect(r.result.diagnostics.filter((d) => d.location?.file === 'templates/leadership/deck.hbs')).toEqual([]);
    expect(resolutions(r)).toEqual(['يستند التحالف إلى القرار UNSCR 2254 وإلى S/RES/2254 (2015)، وتضم مجموعة G20 وطائرات F-16', 'القرار ٢٢٥٤، لا ٢٬٢٥٤']);
  });

  it('writes them in Western digits for a western audience', async () => {
    const r = await run({ 'templates/leadership/theme.yaml': replace('digits: arabic-indic', 'digits: western'), ...edits }, 'leadership');
    expect(r.errors).toEqual([]);
    expect(resolutions(r)).toEqual(['يستند التحالف إلى القرار UNSCR 2254 وإلى S/RES/2254 (2015)، وتضم مجموعة G20 وطائرات F-16', 'القرار 2254، لا 2,254']);
  });
});
