import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFactUses, markFact } from '../../src/facts/markers.js';
import { diffManifests, formatDiff as formatWithIsolates, isEmpty } from '../../src/manifest/diff.js';

/** The report without the isolates around its Arabic text (one test below holds them). */
const formatDiff = (d: Parameters<typeof formatWithIsolates>[0]) => formatWithIsolates(d).replace(/[\u2068\u2069]/g, '');
import { checkManifest, makeManifest, type Manifest, type ManifestSlide } from '../../src/manifest/manifest.js';
import type { ResolvedFact } from '../../src/facts/resolve.js';
import type { DeckSpec } from '../../src/spec/schema.js';
import { specInDigits } from '../../src/spec/digits.js';

const fact = (key: string, value: number): ResolvedFact => ({ key, label: key, type: 'number', value, origin: 'stated', sources: ['A1'], location: { file: 'content/facts.yaml' } });

function spec(members: number): DeckSpec {
  return {
    deck: { title: 'd', date: '2025-11-03' },
    slides: [
      { kind: 'title', title: 'عنوان', section: 'أ' },
      { kind: 'bullets', title: `الأعضاء ${members}`, section: 'ب', bullets: [`يضم ${members} عضواً`] },
      { kind: 'bullets', title: 'ثابت', section: 'ب', bullets: ['نص'] },
    ],
  } as DeckSpec;
}

describe('fact markers', () => {
  it('records the slide and element of every printed fact, and leaves no marker behind', () => {
    const raw = { deck: { title: 't' }, slides: [{ title: 'x' }, { title: markFact('a.b', '89'), bullets: ['x', `قبل ${markFact('c', '1,100')} بعد`] }] };
    const { spec: clean, uses } = extractFactUses(raw);
    expect(uses).toEqual([
      { key: 'a.b', slide: 1, element: 'title' },
      { key: 'c', slide: 1, element: 'bullets[1]' },
    ]);
    expect(JSON.stringify(clean)).not.toMatch(/[\uE000\uE001]/);
    expect(clean.slides[1]!.bullets![1]).toBe('قبل 1,100 بعد');
  });

  it('reads any spec as a walk that copies the path at every node does, a key named __proto__ kept as a key', () => {
    // (the walk before it kept one path for the whole spec)
    const reference = (spec: unknown) => {
      const uses: { key: string; slide: number; element: string }[] = [];
      const pathText = (path: readonly (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('');
      const walk = (value: unknown, path: (string | number)[]): unknown => {
        if (typeof value === 'string') {
          const clean = extractFactUses({ v: value }); // (a text alone: its value and its keys)
          const slide = path[0] === 'slides' && typeof path[1] === 'number' ? path[1] : -1;
          for (const u of clean.uses) uses.push({ key: u.key, slide, element: pathText(path.slice(slide >= 0 ? 2 : 0)) || 'deck' });
          return clean.spec.v;
        }
        if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
        if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
        return value;
      };
      return { spec: walk(spec, []), uses };
    };
    const text = fc.oneof(fc.constantFrom('نص', '', '__proto__'), fc.tuple(fc.constantFrom('a.b', 'c', 'd_1'), fc.constantFrom('89', '1,100', 'نص')).map(([k, v]) => `قبل ${markFact(k, v)} بعد`));
    const key = fc.constantFrom('slides', 'title', 'bullets', 'rows', '__proto__', 'notes');
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.constant(null), fc.array(tie('tree'), { maxLength: 3 }), fc.dictionary(key, tie('tree'), { maxKeys: 3 })),
    }));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 3 }), tree, (slides, deck) => {
        const spec = JSON.parse(JSON.stringify({ deck, slides })); // (a key named __proto__ as JSON.parse makes it: a key)
        const got = extractFactUses(spec);
        const want = reference(spec);
        expect(got.uses).toEqual(want.uses);
        expect(JSON.stringify(got.spec)).toBe(JSON.stringify(want.spec));
        expect(Object.getPrototypeOf(got.spec)).toBe(Object.prototype);
      }),
    );
  });
});

describe('manifest and diff', () => {
  const uses = [{ key: 'members', slide: 1, element: 'title' }, { key: 'members', slide: 1, element: 'bullets[0]' }];
  const m89 = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) });
  const m90 = makeManifest('briefing', spec(90), uses, { members: fact('members', 90) });

  it('fingerprints each slide and lists the facts it shows', () => {
    expect(m89.slides.map((s) => s.id)).toEqual(['أ/title/1', 'ب/bullets/1', 'ب/bullets/2']);
    expect(m89.slides[1]!.facts).toEqual({ members: { value: 89, elements: ['title', 'bullets[0]'] } });
    expect(m89.slides[0]!.fingerprint).toBe(m90.slides[0]!.fingerprint);
    expect(m89.slides[1]!.fingerprint).not.toBe(m90.slides[1]!.fingerprint);
  });

  it('records the wording with each fact in the place of its figure, and leaves the spec as it was, nested texts too', () => {
    const deck = {
      deck: { title: 'd', date: '2025-11-03' },
      slides: [
        { kind: 'bullets', title: 'الأعضاء 89', bullets: ['نص', 'يضم 89 عضواً من 89'], notes: 'ثابت' },
        { kind: 'table', title: 'جدول', columns: ['أ', 'ب'], rows: [['س', '89'], ['ص', '7']] },
      ],
    } as DeckSpec;
    const before = structuredClone(deck);
    const nested = [
      { key: 'members', slide: 0, element: 'title' },
      { key: 'members', slide: 0, element: 'bullets[1]' },
      { key: 'members', slide: 1, element: 'rows[0][1]' },
    ];
    const m = makeManifest('briefing', deck, nested, { members: fact('members', 89) });
    expect(deck).toEqual(before);
    // (the wording of a slide is that of the same slide with the keys typed in place of the figures)
    const typed = makeManifest('briefing', { ...deck, slides: [{ ...deck.slides[0]!, bullets: ['نص', 'يضم {members} عضواً من 89'] }, { ...deck.slides[1]!, rows: [['س', '{members}'], ['ص', '7']] }] } as DeckSpec, [], {});
    expect(m.slides.map((s) => s.wording)).toEqual(typed.slides.map((s) => s.wording));
    expect(m.slides[0]!.wording).not.toEqual(makeManifest('briefing', deck, [], {}).slides[0]!.wording);
  });

  it('finds no difference between identical builds', () => {
    const d = diffManifests(m89, m89);
    expect(isEmpty(d)).toBe(true);
    expect(formatDiff(d)).toBe('no differences');
  });

  it('names the changed slide and the fact that moved', () => {
    const d = diffManifests(m89, m90);
    expect(d.changed.map((c) => c.after.n)).toEqual([2]);
    expect(d.changed[0]!.facts).toEqual([{ key: 'members', label: 'members', before: 89, after: 90 }]);
    expect(formatDiff(d)).toBe(['fact members (members): 89 → 90', '~ slide 2 bullets: الأعضاء 90', '    members (members): 89 → 90'].join('\n'));
  });

  it('says when the look of every slide changed (its theme or logo), which no slide’s spec holds', () => {
    const blue = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { colors: { primary: '17324D' } });
    const green = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { colors: { primary: '0B5D3B' } });
    expect(diffManifests(blue, green).look).toBe(true);
    expect(formatDiff(diffManifests(blue, green))).toBe('the look changed: its colours');
    expect(isEmpty(diffManifests(blue, blue))).toBe(true);
    expect(diffManifests(m89, green).look).toBe(false); // a manifest from before looks were kept: not said
    // a manifest from before its aspects were kept: the look as a whole
    const { looks: _aspects, ...older } = blue;
    expect(formatDiff(diffManifests(older, green))).toBe('the look of every slide changed: its theme (colours, fonts, sizes, digits), its logo or its footer');
  });

  it('says which aspects of the look changed, the digits and the marking with their values', () => {
    const look = (theme: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ theme: { digits: 'western', colors: { primary: '17324D' }, fonts: { body: 'Amiri' }, ...theme }, footer: 'المصدر: المقال | 3 تشرين الثاني/نوفمبر 2025', ...extra });
    const make = (l: unknown, deck = spec(89), digits: 'western' | 'arabic-indic' = 'western') => makeManifest('briefing', deck, uses, { members: fact('members', 89) }, l, digits);
    const marked = formatDiff(diffManifests(make(look({})), make(look({ marking: 'للاستخدام الرسمي', fonts: { body: 'Noto Naskh Arabic' } }, { logo: { data: 'ab12' } }))));
    expect(marked).toBe('the look changed: its fonts, its logo (added), its marking (none → للاستخدام الرسمي)');
    const logo = (data: string) => make(look({ marking: 'سري\n  للغاية' }, { logo: { data } }));
    expect(formatDiff(diffManifests(logo('ab12'), logo('cd34')))).toBe('the look changed: its logo');
    expect(formatDiff(diffManifests(logo('ab12'), make(look({}))))).toBe('the look changed: its logo (removed), its marking (سري للغاية → none)');
    // the audience's label is no look (a template that prints it shows it on a slide)
    expect(isEmpty(diffManifests(make(look({ label: 'قيادة' })), make(look({ label: 'القيادة' }))))).toBe(true);
    // a long footer, in Western digits like any text of the look: not said for a change of digits alone
    const long = `المصدر: ${'انضمام سوريا للتحالف الدولي '.repeat(10)}`;
    const footers = diffManifests(make(look({ digits: 'arabic-indic' }, { footer: `${long} ٢٠٢٥` }), spec(89), 'arabic-indic'), make(look({}, { footer: `${long} 2025` })));
    expect(footers.looks).toEqual([{ aspect: 'digits', before: 'arabic-indic', after: 'western' }]);
    // Arabic-Indic digits: every text with a figure in them, the footer's date too; said once, as the digits
    const indic = (deck: DeckSpec): DeckSpec => JSON.parse(JSON.stringify(deck).replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!));
    const arabic = makeManifest('briefing', indic(spec(89)), uses, { members: fact('members', 89) }, look({ digits: 'arabic-indic' }, { footer: 'المصدر: المقال | ٣ تشرين الثاني/نوفمبر ٢٠٢٥' }), 'arabic-indic');
    const western = make(look({}));
    expect(formatDiff(diffManifests(arabic, western)).split('\n')).toEqual([
      'the look changed: its digits (arabic-indic → western)',
      '~ slide 2 bullets: الأعضاء 89',
      '    its figures, in the new digits',
    ]);
  });

  it('names the parts reworded beside a change of the look that keeps the digits', () => {
    const look = (primary: string) => ({ theme: { digits: 'western', colors: { primary } } });
    const reworded = spec(89);
    (reworded.slides[2] as { bullets: string[] }).bullets = ['نص آخر'];
    const d = diffManifests(makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, look('17324D')), makeManifest('briefing', reworded, uses, { members: fact('members', 89) }, look('0B5D3B')));
    expect(formatDiff(d).split('\n')).toEqual(['the look changed: its colours', '~ slide 3 bullets: ثابت', '    changed: bullets']);
  });

  it('names a text retyped in other digits in a deck of Western digits (its slide shows other glyphs), not in one of Arabic-Indic digits', () => {
    const with2015 = (bullet: string) => {
      const deck = spec(89);
      (deck.slides[2] as { bullets: string[] }).bullets = [bullet];
      return deck;
    };
    const western = (deck: DeckSpec) => makeManifest('briefing', deck, uses, { members: fact('members', 89) }, { theme: { digits: 'western' } });
    expect(formatDiff(diffManifests(western(with2015('منذ 2015')), western(with2015('منذ ٢٠١٥')))).split('\n')).toEqual(['~ slide 3 bullets: ثابت', '    changed: bullets']);
    // (a deck of Arabic-Indic digits shows both in them, as specInDigits writes its spec: the same text)
    const indic = (deck: DeckSpec) => makeManifest('briefing', specInDigits(deck, 'arabic-indic'), uses, { members: fact('members', 89) }, { theme: { digits: 'arabic-indic' } }, 'arabic-indic');
    expect(diffManifests(indic(with2015('منذ 2015')), indic(with2015('منذ ٢٠١٥'))).changed).toEqual([]);
  });

  it('names no parts between a deck of Arabic-Indic digits recorded before the look’s aspects were and one after (their wording is in other digits)', () => {
    const indic = (deck: DeckSpec) => makeManifest('briefing', deck, uses, { members: fact('members', 89) }, { theme: { digits: 'arabic-indic' } }, 'arabic-indic');
    const reworded = spec(89);
    (reworded.slides[2] as { bullets: string[] }).bullets = ['نص آخر'];
    const newer = indic(reworded);
    const { looks: _aspects, ...older } = indic(spec(89));
    // the older deck's wording as an older mujaz wrote it: in the deck's digits (a figure it shows)
    expect(formatDiff(diffManifests(older, newer)).split('\n')).toEqual(['~ slide 3 bullets: ثابت']);
    expect(diffManifests(older, newer).changed[0]!.parts).toBeUndefined();
    expect(formatDiff(diffManifests(indic(spec(89)), newer)).split('\n')).toEqual(['~ slide 3 bullets: ثابت', '    changed: bullets']);
    // a deck of Western digits records its wording alike before and after: its parts are named
    const western = (deck: DeckSpec) => makeManifest('briefing', deck, uses, { members: fact('members', 89) }, { theme: { digits: 'western' } });
    const { looks: _western, ...olderWestern } = western(spec(89));
    expect(formatDiff(diffManifests(olderWestern, western(reworded))).split('\n')).toEqual(['~ slide 3 bullets: ثابت', '    changed: bullets']);
    // and one of Arabic-Indic digits before, Western after: its look changed; no part named, as before
    expect(diffManifests(older, western(reworded)).changed[0]!.parts).toBeUndefined();
  });

  it('reads the look’s texts as the slides show them: in a deck of Arabic-Indic digits, however typed; in one of Western digits, as typed', () => {
    const make = (digits: 'western' | 'arabic-indic', marking: string) => makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { theme: { digits, marking } }, digits);
    expect(isEmpty(diffManifests(make('arabic-indic', 'سري — نسخة 2'), make('arabic-indic', 'سري — نسخة ٢')))).toBe(true);
    expect(formatDiff(diffManifests(make('western', 'سري — نسخة 2'), make('western', 'سري — نسخة ٢')))).toBe('the look changed: its marking (سري — نسخة 2 → سري — نسخة ٢)');
    // each value quoted in its deck's digits, as its slides show it
    expect(diffManifests(make('arabic-indic', 'نسخة 2'), make('western', 'نسخة 3')).looks).toEqual([
      { aspect: 'digits', before: 'arabic-indic', after: 'western' },
      { aspect: 'marking', before: 'نسخة ٢', after: 'نسخة 3' },
    ]);
    const footed = (digits: 'western' | 'arabic-indic', footer: string) => makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { theme: { digits }, footer }, digits);
    expect(diffManifests(footed('arabic-indic', 'تقرير 2025'), footed('arabic-indic', 'تقرير 2026')).looks).toEqual([{ aspect: 'footer', before: 'تقرير ٢٠٢٥', after: 'تقرير ٢٠٢٦' }]);
    // a blank marking draws nothing: none
    const none = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { theme: { digits: 'western' } });
    expect(isEmpty(diffManifests(none, make('western', '   ')))).toBe(true);
  });

  it('reads a percentage in the new digits as the same figure, and says so in --json', () => {
    const deck = (digits: 'western' | 'arabic-indic') => {
      const d = spec(89);
      (d.slides[2] as { bullets: string[] }).bullets = [digits === 'western' ? 'بنسبة 48% و3.5' : 'بنسبة ٤٨٪ و٣٫٥'];
      d.slides[2]!.title = digits === 'western' ? 'ثابت 2025' : 'ثابت ٢٠٢٥';
      return makeManifest('briefing', d, uses, { members: fact('members', 89) }, { theme: { digits } }, digits);
    };
    const d = diffManifests(deck('arabic-indic'), deck('western'));
    const third = d.changed.find((c) => c.after.n === 3)!;
    expect(third.title).toBeUndefined();
    expect(third.inNewDigits).toBe(true);
    expect(formatDiff(d).split('\n').slice(-2)).toEqual(['~ slide 3 bullets: ثابت 2025', '    its figures, in the new digits']);
  });

  it('reads a hand-edited record of the look without taking its keys for an object’s own', () => {
    const m = (looks: Record<string, string>) => ({ ...m89, look: JSON.stringify(looks), looks });
    expect(formatDiff(diffManifests(m({ digits: 'western' }), m({ digits: 'western', constructor: 'x' })))).toBe('the look changed: its constructor (added)');
  });

  it('names a fact whose unit changed, with the unit', () => {
    const withUnit = (unit?: string) => makeManifest('briefing', spec(89), uses, { members: { ...fact('members', 89), ...(unit ? { unit } : {}) } });
    const d = diffManifests(withUnit(), withUnit('%'));
    expect(d.facts).toEqual([{ key: 'members', label: 'members', before: 89, after: '89%' }]);
    expect(formatDiff(d)).toContain('fact members (members): 89 → 89%');
  });

  it('isolates the Arabic text of its lines (U+2068 … U+2069), so that a terminal laying it out right to left keeps 89 → 90 in order', () => {
    const titled = (n: number, title: string) => makeManifest('briefing', { ...spec(n), slides: spec(n).slides.map((x, i) => (i === 1 ? { ...x, title } : x)) } as DeckSpec, uses, { members: fact('members', n) });
    const lines = formatWithIsolates(diffManifests(titled(89, 'الأعضاء'), titled(90, 'أعضاء التحالف'))).split('\n');
    expect(lines).toContain('~ slide 2 bullets: \u2068أعضاء التحالف\u2069');
    expect(lines).toContain('    title: \u2068الأعضاء\u2069 → \u2068أعضاء التحالف\u2069');
    expect(lines).toContain('    members (members): 89 → 90'); // (nothing right to left: as it was)
    for (const line of lines) expect(line.replace(/\u2068[^\u2069]*\u2069/g, ''), line).not.toMatch(/[\u0600-\u06FF]/);
  });

  it('reports added and removed slides', () => {
    const longer = spec(89);
    longer.slides.push({ kind: 'sources', title: 'المصادر', section: 'ج', items: ['A1'], columns: 1 } as DeckSpec['slides'][number]);
    const m = makeManifest('briefing', longer, uses, { members: fact('members', 89) });
    expect(diffManifests(m89, m).added.map((s) => s.title)).toEqual(['المصادر']);
    expect(diffManifests(m, m89).removed.map((s) => s.title)).toEqual(['المصادر']);
  });
});

describe('chart points in the manifest and the diff', () => {
  const YEARS = ['2014', '2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025'];
  const GROWTH = [60, 66, 68, 74, 75, 81, 83, 84, 85, 86, 87, 89];
  type ChartSpec = { type?: string; title?: string; categories?: string[]; series?: { name: string; values: number[] }[] };
  /** A deck with a bullets slide, the growth chart (one series) and a chart of two series. */
  function charts(growth: ChartSpec = {}, groups: ChartSpec = {}): DeckSpec {
    return {
      deck: { title: 'd', date: '2025-11-03' },
      slides: [
        { kind: 'bullets', title: 'ثابت', section: 'أ', bullets: ['نص'] },
        {
          kind: 'chart',
          title: growth.title ?? 'نمو التحالف',
          section: 'أ',
          chart: { type: growth.type ?? 'column', categories: growth.categories ?? [...YEARS, 'بانضمام سوريا'], series: growth.series ?? [{ name: 'عدد الأعضاء', values: [...GROWTH, 90] }], alt: 'رسم', showValues: true, highlightLast: true, showLegend: false },
        },
        {
          kind: 'chart',
          title: groups.title ?? 'الأعضاء بحسب المجموعة',
          section: 'أ',
          chart: {
            type: groups.type ?? 'stacked-column',
            categories: groups.categories ?? ['دول أوروبية', 'دول عربية', 'دول أفريقية'],
            series: groups.series ?? [{ name: 'دول', values: [36, 11, 17] }, { name: 'منظمات', values: [1, 1, 0] }],
            alt: 'رسم',
            showValues: true,
            highlightLast: false,
            showLegend: true,
          },
        },
      ],
    } as DeckSpec;
  }
  const build = (deck: DeckSpec, uses: { key: string; slide: number; element: string }[] = [], facts: Record<string, ResolvedFact> = {}) => makeManifest('briefing', deck, uses, facts);
  const report = (before: DeckSpec, after: DeckSpec) => formatDiff(diffManifests(build(before), build(after)));

  it('records each chart slide’s type, labels and values once, and nothing for other slides', () => {
    const m = build(charts());
    expect(m.slides[1]!.chart).toEqual({ type: 'column', categories: [...YEARS, 'بانضمام سوريا'], series: [{ name: 'عدد الأعضاء', values: [...GROWTH, 90] }] });
    expect(m.slides[0]).not.toHaveProperty('chart');
    // compact: the labels and values as lists, not an object per point
    expect(JSON.stringify(m.slides[1]!.chart)).toBe('{"type":"column","categories":["2014","2015","2016","2017","2018","2019","2020","2021","2022","2023","2024","2025","بانضمام سوريا"],"series":[{"name":"عدد الأعضاء","values":[60,66,68,74,75,81,83,84,85,86,87,89,90]}]}');
    expect(checkManifest(JSON.parse(JSON.stringify(m))).manifest).toEqual(m);
  });

  it('names a list edited beside a changed fact, not the element the fact changed; parts by what they are on each kind of slide', () => {
    const slide = (bullets: string[]): ManifestSlide => ({ n: 1, id: 's/bullets/1', kind: 'bullets', title: 't', fingerprint: bullets.join(), facts: {}, parts: {} });
    const manifest = (s: ManifestSlide) => ({ ...build(charts()), slides: [s] });
    const parts = (bullets: string[]) => Object.fromEntries([['bullets', bullets.map((b) => `${b}.`).join('')]]);
    const before = { ...slide(['a', 'b', 'c']), parts: parts(['aaaaaa', 'bbbbbb', 'cccccc']), facts: { members: { value: 89, elements: ['bullets[1]'] } } };
    // the fact's bullet alone changed: the fact's line says it
    const factOnly = { ...before, fingerprint: 'x', parts: parts(['aaaaaa', 'dddddd', 'cccccc']), facts: { members: { value: 90, elements: ['bullets[1]'] } } };
    expect(diffManifests(manifest(before), manifest(factOnly)).changed[0]!.parts).toEqual([]);
    // and two others swapped
    const swapped = { ...factOnly, parts: parts(['cccccc', 'dddddd', 'aaaaaa']) };
    expect(formatDiff(diffManifests(manifest(before), manifest(swapped))).split('\n').at(-1)).toBe('    also changed: bullets');
    // one bullet more
    expect(diffManifests(manifest(before), manifest({ ...factOnly, parts: parts(['aaaaaa', 'dddddd', 'cccccc', 'eeeeee']) })).changed[0]!.parts).toEqual(['bullets']);
    // names by kind: a table's columns are its headings, a sources slide's its number of columns
    const kinds = (kind: 'table' | 'sources') => {
      const o = { ...slide([]), kind, id: `s/${kind}/1`, parts: { columns: '11111111', widths: '1.2.', notes: 'aaaaaaaa' } };
      const s = { ...o, fingerprint: 'y', parts: { columns: '22222222', widths: '3.4.', notes: 'bbbbbbbb' } };
      return formatDiff(diffManifests(manifest(o), manifest(s))).split('\n').at(-1);
    };
    expect(kinds('table')).toBe('    changed: column headings, column widths, speaker notes');
    expect(kinds('sources')).toBe('    changed: number of columns, column widths, speaker notes');
  });

  it('names no parts when the look of every slide changed (digits, say), which its line says', () => {
    const o = { ...build(charts()), look: 'a' };
    const s = { ...build(charts()), look: 'b' };
    s.slides[1] = { ...s.slides[1]!, fingerprint: 'other', parts: { ...s.slides[1]!.parts, notes: 'changed0' } };
    expect(formatDiff(diffManifests(o, s)).split('\n')).toEqual(['the look of every slide changed: its theme (colours, fonts, sizes, digits), its logo or its footer', '~ slide 2 chart: نمو التحالف']);
  });

  it('names a changed point by its label, with its old and new value (the 2019 count, 81 → 82)', () => {
    const values = [...GROWTH, 90];
    values[5] = 82;
    const d = diffManifests(build(charts()), build(charts({ series: [{ name: 'عدد الأعضاء', values }] })));
    expect(d.changed.map((c) => c.after.n)).toEqual([2]);
    expect(d.changed[0]!.chart).toEqual({ series: [], points: [{ category: '2019', series: 'عدد الأعضاء', before: 81, after: 82 }], reordered: false });
    expect(formatDiff(d)).toBe(['~ slide 2 chart: نمو التحالف', '    point 2019: 81 → 82'].join('\n'));
  });

  it('says nothing of a chart whose points are the same when its slide changed elsewhere, but names what changed', () => {
    const deck = charts();
    const noted = charts();
    noted.slides[1]!.notes = 'ملاحظة';
    const d = diffManifests(build(deck), build(noted));
    expect(d.changed[0]).not.toHaveProperty('chart');
    expect(formatDiff(d)).toBe('~ slide 2 chart: نمو التحالف\n    changed: speaker notes');
    // the chart's own text or look, apart from its data
    const recoloured = charts();
    const chart = recoloured.slides[1]!.kind === 'chart' ? recoloured.slides[1]!.chart : undefined;
    chart!.colors = ['112233'];
    chart!.note = 'ملاحظة أخرى';
    expect(formatDiff(diffManifests(build(deck), build(recoloured)))).toBe("~ slide 2 chart: نمو التحالف\n    changed: chart look (colours, value labels, legend), chart's alternative text or note");
    // both are named when its data changed too: its text is compared without its figures
    const values = [...GROWTH, 90];
    values[0] = 61;
    chart!.series = [{ name: 'عدد الأعضاء', values }];
    expect(formatDiff(diffManifests(build(deck), build(recoloured))).split('\n').slice(1)).toEqual(['    point 2014: 60 → 61', "    also changed: chart look (colours, value labels, legend), chart's alternative text or note"]);
    // a text whose figures alone changed (they follow the data) is not
    const figures = charts();
    const grown = figures.slides[1]!.kind === 'chart' ? figures.slides[1]!.chart : undefined;
    grown!.alt = 'رسم: 2014: 61';
    grown!.series = [{ name: 'عدد الأعضاء', values }];
    const altered = charts();
    if (altered.slides[1]!.kind === 'chart') altered.slides[1]!.chart.alt = 'رسم: 2014: 60';
    expect(formatDiff(diffManifests(build(altered), build(figures))).split('\n').slice(1)).toEqual(['    point 2014: 60 → 61']);
    // decks written before the wording was recorded compare their parts as written: a part a
    // changed fact shows on is said by the fact's line only; other parts are also named
    const legacy = (m: Manifest): Manifest => ({ ...m, slides: m.slides.map(({ wording, ...slide }) => ({ ...slide, parts: wording })) });
    const withFact = legacy(build(deck));
    const moved = legacy(build(noted));
    withFact.slides[1]!.facts = { members: { value: 89, elements: ['notes'] } };
    moved.slides[1]!.facts = { members: { value: 90, elements: ['notes'] } };
    expect(diffManifests(withFact, moved).changed[0]!.parts).toEqual([]);
    moved.slides[1]!.parts = { ...moved.slides[1]!.parts, source: 'ffffffff' };
    expect(formatDiff(diffManifests(withFact, moved)).split('\n').at(-1)).toBe('    also changed: source line');
    // a manifest written before parts were recorded: nothing said of them
    const { parts: _p, ...older } = withFact.slides[1]!;
    expect(diffManifests({ ...withFact, slides: [withFact.slides[0]!, older, ...withFact.slides.slice(2)] }, moved).changed[0]).not.toHaveProperty('parts');
  });

  it('names a point added (a new category) or removed, and a label changed in place', () => {
    const joined = charts({ categories: [...YEARS, 'انضمام سوريا', 'انضمام العراق'], series: [{ name: 'عدد الأعضاء', values: [...GROWTH, 90, 91] }] });
    expect(report(charts(), joined)).toBe(['~ slide 2 chart: نمو التحالف', '    point بانضمام سوريا → انضمام سوريا: 90', '    point انضمام العراق: — → 91'].join('\n'));
    const d = diffManifests(build(charts()), build(joined));
    expect(d.changed[0]!.chart!.points).toEqual([
      { category: 'انضمام سوريا', was: 'بانضمام سوريا', series: 'عدد الأعضاء', before: 90, after: 90 },
      { category: 'انضمام العراق', series: 'عدد الأعضاء', after: 91 },
    ]);
    // a category taken away, where it stood
    const shorter = charts({ categories: YEARS.slice(1), series: [{ name: 'عدد الأعضاء', values: GROWTH.slice(1) }] });
    expect(report(charts(), shorter)).toBe(['~ slide 2 chart: نمو التحالف', '    point 2014: 60 → —', '    point بانضمام سوريا: 90 → —'].join('\n'));
    expect(report(shorter, charts())).toBe(['~ slide 2 chart: نمو التحالف', '    point 2014: — → 60', '    point بانضمام سوريا: — → 90'].join('\n'));
  });

  it('names the series of each point when the chart has several, a series renamed, added or removed, and a changed type', () => {
    const after = charts({}, { type: 'column', series: [{ name: 'الدول', values: [36, 12, 16] }, { name: 'منظمات', values: [1, 1, 0] }, { name: 'غير محدد', values: [0, 0, 4] }] });
    expect(report(charts(), after)).toBe(
      [
        '~ slide 3 chart: الأعضاء بحسب المجموعة',
        '    chart type: stacked-column → column',
        '    series: دول → الدول',
        '    series: — → غير محدد',
        '    point دول عربية in «الدول»: 11 → 12',
        '    point دول أفريقية in «الدول»: 17 → 16',
      ].join('\n'),
    );
    const fewer = charts({}, { series: [{ name: 'دول', values: [36, 11, 17] }] });
    expect(diffManifests(build(charts()), build(fewer)).changed[0]!.chart!.series).toEqual([{ before: 'منظمات' }]);
    expect(report(charts(), fewer)).toBe(['~ slide 3 chart: الأعضاء بحسب المجموعة', '    series: منظمات → —'].join('\n'));
  });

  it('lists every changed point when few change, and the first five of many, saying how many', () => {
    const shifted = (n: number) => charts({ series: [{ name: 'عدد الأعضاء', values: [...GROWTH.map((v, i) => (i < n ? v - 1 : v)), 90] }] });
    expect(report(charts(), shifted(8)).split('\n')).toHaveLength(1 + 8);
    expect(report(charts(), shifted(11))).toBe(
      [
        '~ slide 2 chart: نمو التحالف',
        '    11 of 13 chart points changed; the first 5:',
        '      point 2014: 60 → 59',
        '      point 2015: 66 → 65',
        '      point 2016: 68 → 67',
        '      point 2017: 74 → 73',
        '      point 2018: 75 → 74',
        '      and 6 more',
      ].join('\n'),
    );
    // the structured diff holds them all
    expect(diffManifests(build(charts()), build(shifted(11))).changed[0]!.chart!.points).toHaveLength(11);
  });

  it('reports a chart taken out of its section as removed, not the next chart as changed into it; a slide whose title a figure rewords is still the same slide', () => {
    const both = charts();
    const one = charts();
    one.slides.splice(1, 1); // the growth chart goes: the groups chart is now the section's first chart
    const d = diffManifests(build(both), build(one));
    expect(d.removed.map((x) => x.title)).toEqual(['نمو التحالف']);
    expect(d.added).toEqual([]);
    expect(d.changed).toEqual([]);
    // the other way: added, and the groups chart unchanged
    const back = diffManifests(build(one), build(both));
    expect([back.added.map((x) => x.title), back.removed, back.changed]).toEqual([['نمو التحالف'], [], []]);
    // retitled (a figure in its title): the same slide, changed
    const retitled = diffManifests(build(both), build(charts({ title: 'نمو التحالف إلى 90 عضواً' })));
    expect([retitled.added, retitled.removed, retitled.changed.map((c) => c.title)]).toEqual([[], [], [{ before: 'نمو التحالف', after: 'نمو التحالف إلى 90 عضواً' }]]);
  });

  it('matches the slides of a renamed section, and a slide moved to another section, saying their section changed', () => {
    const renamed = charts();
    for (const slide of renamed.slides) slide.section = 'ب';
    const d = diffManifests(build(charts()), build(renamed));
    expect([d.added, d.removed]).toEqual([[], []]);
    expect(d.changed.map((c) => [c.after.n, c.before.n, c.section])).toEqual([1, 2, 3].map((n) => [n, n, { before: 'أ', after: 'ب' }]));
    expect(formatDiff(d).split('\n').slice(0, 3)).toEqual(['~ slide 1 bullets: ثابت', '    section: أ → ب', '~ slide 2 chart: نمو التحالف']);
    // renamed, its chart retitled too: still the same slide (matched by kind, in order)
    const retitled = charts({ title: 'نمو عدد الأعضاء' });
    for (const slide of retitled.slides) slide.section = 'ب';
    expect(diffManifests(build(charts()), build(retitled)).changed.map((c) => c.title?.after ?? c.after.title)).toEqual(['ثابت', 'نمو عدد الأعضاء', 'الأعضاء بحسب المجموعة']);
    // one chart moved into a section of its own: that chart changed section, nothing added or removed
    const moved = charts();
    moved.slides[2]!.section = 'ج';
    const m = diffManifests(build(charts()), build(moved));
    expect([m.added, m.removed, m.changed.map((c) => [c.after.title, c.section])]).toEqual([[], [], [['الأعضاء بحسب المجموعة', { before: 'أ', after: 'ج' }]]]);
    // two sections gone and one new: which was renamed is not known; slides are matched by title
    const split = charts();
    split.slides[1]!.section = 'ب';
    split.slides[2]!.section = 'ب';
    const merged = charts({ title: 'آخر' });
    for (const slide of merged.slides) slide.section = 'س';
    const j = diffManifests(build(split), build(merged));
    expect([j.added.map((x) => x.title), j.removed.map((x) => x.title), j.changed.map((c) => c.after.title)]).toEqual([['آخر'], ['نمو التحالف'], ['ثابت', 'الأعضاء بحسب المجموعة']]);
  });

  it('reports slides put in another order (moved), not those shifted by a slide added or removed before them', () => {
    const deck = charts();
    const swapped = charts();
    swapped.slides.reverse();
    const d = diffManifests(build(deck), build(swapped));
    expect(isEmpty(d)).toBe(false);
    // the fewest that moved: two of the three (one keeps its place among them)
    expect(d.moved.map((m) => [m.before.n, m.after.n])).toEqual([[3, 1], [2, 2]]);
    expect([d.added, d.removed, d.changed]).toEqual([[], [], []]);
    expect(formatDiff(d).split('\n')).toEqual(['↕ slide 3 → 1 chart: الأعضاء بحسب المجموعة (moved)', '↕ slide 2 chart: نمو التحالف (moved)']);
    // one added at the front: the others shift, none moved
    const longer = charts();
    longer.slides.unshift({ kind: 'bullets', title: 'جديد', section: 'أ', bullets: ['نص'] } as DeckSpec['slides'][number]);
    const shifted = diffManifests(build(deck), build(longer));
    expect([shifted.moved, shifted.added.map((x) => x.title)]).toEqual([[], ['جديد']]);
    // moved and changed: one line, marked
    const both = charts({ title: 'نمو التحالف' });
    both.slides.reverse();
    (both.slides[1] as Extract<DeckSpec['slides'][number], { kind: 'chart' }>).chart.series[0]!.values[0] = 61;
    expect(formatDiff(diffManifests(build(deck), build(both))).split('\n').slice(0, 3)).toEqual(['↕ slide 3 → 1 chart: الأعضاء بحسب المجموعة (moved)', '~ slide 2 chart: نمو التحالف (moved)', '    point 2014: 60 → 61']);
  });

  it("names a part whose words changed beside a changed fact, not one whose facts alone changed, two facts printed alike each in its place", () => {
    const deck = (members: number, said = 'يضم') =>
      ({
        deck: { title: 'd', date: '2025-11-03' },
        slides: [{ kind: 'bullets', title: 'ثابت', section: 'أ', bullets: [`${said} ${members} عضواً، وسوريا العضو رقم 90`], notes: `العدد ${members}` }],
      }) as DeckSpec;
    const at = (element: string, key: string) => ({ key, slide: 0, element });
    const uses = [at('bullets[0]', 'members'), at('bullets[0]', 'syria'), at('notes', 'members')];
    const facts = (members: number) => ({ members: fact('members', members), syria: fact('syria', 90) });
    const m = (members: number, said?: string) => makeManifest('briefing', deck(members, said), uses, facts(members));
    // 89 → 90: the facts moved, the words did not (90 and 90 in one bullet, each its own fact's)
    expect(diffManifests(m(89), m(90)).changed[0]!.parts).toEqual([]);
    // reworded as well: named
    expect(formatDiff(diffManifests(m(89), m(90, 'أصبح يضم'))).split('\n').at(-1)).toBe('    also changed: bullets');
  });

  it('says the categories are in another order when only their order changed', () => {
    const reversed = charts({}, { categories: ['دول أفريقية', 'دول عربية', 'دول أوروبية'], series: [{ name: 'دول', values: [17, 11, 36] }, { name: 'منظمات', values: [0, 1, 1] }] });
    const d = diffManifests(build(charts()), build(reversed));
    expect(d.changed[0]!.chart).toMatchObject({ points: [], reordered: true });
    expect(formatDiff(d)).toBe(['~ slide 3 chart: الأعضاء بحسب المجموعة', '    chart categories: the same, in another order'].join('\n'));
  });

  it('says series kept in another order, and categories kept in another order when others changed too', () => {
    const swapped = charts({}, { series: [{ name: 'منظمات', values: [1, 1, 0] }, { name: 'دول', values: [36, 11, 17] }] });
    expect(report(charts(), swapped)).toBe(['~ slide 3 chart: الأعضاء بحسب المجموعة', '    chart series kept: in another order'].join('\n'));
    const moved = charts({}, { categories: ['دول أفريقية', 'دول عربية', 'دول آسيوية'], series: [{ name: 'دول', values: [17, 11, 8] }, { name: 'منظمات', values: [0, 1, 0] }] });
    expect(report(charts(), moved).split('\n')[1]).toBe('    chart categories kept: in another order');
  });

  it('says a changed title, unless a fact it prints moved (its line says so)', () => {
    expect(report(charts(), charts({ title: 'نمو عدد الأعضاء' }))).toBe(['~ slide 2 chart: نمو عدد الأعضاء', '    title: نمو التحالف → نمو عدد الأعضاء'].join('\n'));
    const titled = (n: number) => build(charts({ title: `نمو التحالف إلى ${n} عضواً` }), [{ key: 'members', slide: 1, element: 'title' }], { members: fact('members', n) });
    const d = diffManifests(titled(89), titled(90));
    expect(d.changed[0]!.title).toEqual({ before: 'نمو التحالف إلى 89 عضواً', after: 'نمو التحالف إلى 90 عضواً' });
    expect(formatDiff(d).split('\n').slice(1)).toEqual(['~ slide 2 chart: نمو التحالف إلى 90 عضواً', '    members (members): 89 → 90']);
    // reworded as well as its figure moved: the title line says so too
    const reworded = build(charts({ title: 'أعضاء التحالف حسب المنطقة (90)' }), [{ key: 'members', slide: 1, element: 'title' }], { members: fact('members', 90) });
    expect(formatDiff(diffManifests(titled(89), reworded)).split('\n').slice(1)).toEqual([
      '~ slide 2 chart: أعضاء التحالف حسب المنطقة (90)',
      '    title: نمو التحالف إلى 89 عضواً → أعضاء التحالف حسب المنطقة (90)',
      '    members (members): 89 → 90',
    ]);
  });

  it('names the fact a point shows', () => {
    const last = (n: number) =>
      build(charts({ series: [{ name: 'عدد الأعضاء', values: [...GROWTH, n] }] }), [{ key: 'syria.member_number', slide: 1, element: 'chart.series[0].values[12]' }], { 'syria.member_number': fact('syria.member_number', n) });
    const d = diffManifests(last(90), last(89));
    expect(d.changed[0]!.chart!.points).toEqual([{ category: 'بانضمام سوريا', series: 'عدد الأعضاء', before: 90, after: 89, fact: 'syria.member_number' }]);
    expect(formatDiff(d)).toContain('\n    point بانضمام سوريا (syria.member_number): 90 → 89');
  });

  it('reads a manifest written before charts were recorded, and says their points were not compared', () => {
    const values = [...GROWTH, 90];
    values[5] = 82;
    const now = build(charts({ series: [{ name: 'عدد الأعضاء', values }] }));
    // as an older mujaz wrote it: no chart data, read back through the schema
    const older = JSON.parse(JSON.stringify(build(charts()))) as Manifest;
    for (const slide of older.slides) delete slide.chart;
    const checked = checkManifest(older);
    expect(checked.problem).toBeUndefined();
    const d = diffManifests(checked.manifest!, now);
    expect(d.changed[0]!.chart).toEqual({ unrecorded: 'before', series: [], points: [], reordered: false });
    expect(formatDiff(d)).toBe(['~ slide 2 chart: نمو التحالف', "    chart points: not compared (the earlier deck's manifest does not record them: it was written by an older mujaz)"].join('\n'));
    expect(formatDiff(diffManifests(now, checked.manifest!))).toContain("(the later deck's manifest does not record them");
    expect(formatDiff(diffManifests(checked.manifest!, checked.manifest!))).toBe('no differences');
    // the title and the facts are said as before
    const retitled = build(charts({ title: 'نمو عدد الأعضاء' }));
    expect(formatDiff(diffManifests(checked.manifest!, retitled)).split('\n')[1]).toBe('    title: نمو التحالف → نمو عدد الأعضاء');
  });

  it('never fails on a hand-edited chart whose series are shorter or longer than its labels', () => {
    const a = build(charts());
    const b = JSON.parse(JSON.stringify(a)) as Manifest;
    b.slides[1]!.fingerprint = 'changed';
    b.slides[1]!.chart!.series[0]!.values = [60, 66];
    b.slides[2]!.fingerprint = 'changed';
    b.slides[2]!.chart!.series[1]!.values.push(5, 6);
    const d = diffManifests(a, checkManifest(b).manifest!);
    expect(d.changed[0]!.chart!.points[0]).toEqual({ category: '2016', series: 'عدد الأعضاء', before: 68 });
    expect(formatDiff(d)).toContain('11 of 13 chart points changed');
    expect(d.changed[1]).not.toHaveProperty('chart');
  });
});
