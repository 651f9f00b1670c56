import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../src/spec/parse.js';

const origin = { template: 'templates/t/deck.hbs', audience: 't' };
const deck = (slide: string) => `deck:\n  title: "t"\n  date: "2025-11-03"\nslides:\n${slide}`;

describe('deck spec rules beyond types', () => {
  it('accepts a table whose rows fill its columns', () => {
    const { spec, diagnostics } = parseSpec(deck('  - kind: table\n    title: "ج"\n    columns: ["أ", "ب"]\n    rows: [["1", "2"]]\n    widths: [1, 2]\n'), origin);
    expect(diagnostics).toEqual([]);
    expect(spec?.slides[0]?.kind).toBe('table');
  });

  it('refuses a row with too few or too many cells, at the row', () => {
    const { diagnostics } = parseSpec(deck('  - kind: table\n    title: "ج"\n    columns: ["أ", "ب"]\n    rows:\n      - ["1", "2", "3"]\n      - ["4"]\n'), origin);
    expect(diagnostics.map((d) => [d.message, d.hint, d.location?.start?.line])).toEqual([
      ['On slide 1, row 1 has 3 cells for 2 columns', 'Remove the 1 cell past the last column, or add a column for it under columns:.', 9],
      ['On slide 1, row 2 has 1 cell for 2 columns', 'Give the row a cell for every column, in the columns\' order (1 missing; an empty one is "").', 10],
    ]);
  });

  it('refuses widths that do not match the columns', () => {
    const { diagnostics } = parseSpec(deck('  - kind: table\n    title: "ج"\n    columns: ["أ", "ب"]\n    rows: [["1", "2"]]\n    widths: [1]\n'), origin);
    expect(diagnostics[0]?.message).toBe('On slide 1, the table has 1 width for 2 columns');
    expect(diagnostics[0]?.hint).toMatch(/^Give one width for each column/);
  });

  it('refuses a chart series without one value per category', () => {
    const { diagnostics } = parseSpec(
      deck('  - kind: chart\n    title: "ر"\n    chart:\n      type: bar\n      alt: "x 1"\n      categories: ["أ", "ب", "ج"]\n      series:\n        - name: "س"\n          values: [1]\n'),
      origin,
    );
    expect(diagnostics[0]?.message).toBe('On slide 1, series "س" has 1 value for 3 categories: a chart needs one value per category');
    expect(diagnostics[0]?.hint).toBe('Give the series a value for every category, in the same order (2 missing); or drop the categories that have none.');
  });
});

describe('a list longer than its slide holds, or empty', () => {
  const items = (n: number, item = '"ن"') => `[${Array.from({ length: n }, () => item).join(', ')}]`;
  const one = (slide: string) => {
    const { diagnostics } = parseSpec(deck(slide), origin);
    expect(diagnostics).toHaveLength(1);
    return [diagnostics[0]!.message, diagnostics[0]!.hint];
  };

  it('says how many there are, on which slide, and how many it holds, in the words of the slide, with how to split them', () => {
    expect(one(`  - kind: bullets\n    title: "ب"\n    bullets: ${items(13)}\n`)).toEqual([
      '13 bullets on slide 1: a slide holds at most 8',
      'Split them over two slides (two bullets slides; for a part of the outline, make it two parts, or show its first points with {{> part-points (part "…") first=4}}), or condense them.',
    ]);
    expect(one(`  - kind: stats\n    title: "ب"\n    stats: ${items(5, '{ value: "1", label: "ل" }')}\n`)[0]).toBe('5 stats on slide 1: a stats slide holds at most 4');
    expect(one(`  - kind: chart\n    title: "ب"\n    bullets: ${items(6)}\n    chart: { type: bar, categories: ["أ"], series: [{ name: "س", values: [1] }], alt: "x" }\n`)[0]).toBe('6 bullets on slide 1: a chart slide, beside its chart, holds at most 5');
    expect(one(`  - kind: table\n    title: "ب"\n    columns: ${items(7)}\n    rows: [${items(7)}]\n`)[0]).toBe('7 columns on slide 1: a table holds at most 6');
    expect(one(`  - kind: agenda\n    title: "ب"\n    items: []\n`)).toEqual(['No agenda items on slide 1: an agenda slide needs at least one', 'List the parts the deck goes through under items:, or remove the agenda slide.']);
    const empty = parseSpec(deck(`  - kind: chart\n    title: "ب"\n    chart: { type: bar, categories: [], series: [], alt: "x" }\n`), origin).diagnostics;
    expect(empty.map((d) => d.message)).toEqual(['No categories on slide 1: a chart needs at least one', 'No series on slide 1: a chart needs at least one']);
  });

  it('never says "Too big" or "expected array", nor gives the hint for a wrong type', () => {
    for (const slide of [`  - kind: bullets\n    title: "ب"\n    bullets: ${items(9)}\n`, `  - kind: table\n    title: "ب"\n    columns: ["أ"]\n    rows: ${items(11, '["خ"]')}\n`, `  - kind: sources\n    title: "ب"\n    items: []\n`]) {
      const [message, hint] = one(slide);
      expect(message).not.toMatch(/Too (big|small)|expected array|items;/);
      expect(hint).not.toMatch(/expected type/);
    }
  });
});

describe('a sources slide entry with a web address', () => {
  const sources = (items: string) => deck(`  - kind: sources\n    title: "م"\n    items:\n${items}`);

  it('is a text, or a mapping of its text and url', () => {
    const { spec, diagnostics } = parseSpec(sources('      - "A1: المقال"\n      - text: "S01 — SBS News"\n        url: "https://www.sbs.com.au/news/a?b=1&c=2"\n      - text: "R1: تقرير"\n'), origin);
    expect(diagnostics).toEqual([]);
    expect(spec?.slides[0]).toMatchObject({ items: ['A1: المقال', { text: 'S01 — SBS News', url: 'https://www.sbs.com.au/news/a?b=1&c=2' }, { text: 'R1: تقرير' }] });
  });

  it('refuses an address that is not a whole http or https web address, at the url, saying how to write it', () => {
    for (const url of ['javascript:alert(1)', 'www.example.org', 'file:///etc/passwd', 'ftp://example.org/x', 'https:/example.org', 'http:example.org', 'https:\\\\example.org', '']) {
      const { diagnostics } = parseSpec(sources(`      - text: "S01"\n        url: "${url}"\n`), origin);
      expect(diagnostics.map((d) => [d.code, d.message, d.hint, d.location?.start?.line]), url).toEqual([
        ['MJZ111', 'slides[0].items[0].url in the deck spec (slide 1): must be a whole web address, starting with https:// or http://', 'Write it as the browser shows it, e.g. "https://www.example.org/page".', 9],
      ]);
    }
  });

  it('names an invisible character or a space in an address, which a link would carry', () => {
    const rlm = parseSpec(sources('      - text: "S01"\n        url: "https://example.org/page\u200F"\n'), origin).diagnostics;
    expect(rlm.map((d) => [d.message, d.hint])).toEqual([
      [
        'slides[0].items[0].url in the deck spec (slide 1): the address holds an invisible character, RIGHT-TO-LEFT MARK (U+200F), after "s://example.org/page"',
        "Delete it (it comes with text copied from an Arabic page): retype the address, or copy it from the browser's address bar.",
      ],
    ]);
    expect(parseSpec(sources('      - text: "S01"\n        url: "\u200Fhttps://example.org"\n'), origin).diagnostics[0]?.message).toMatch(/RIGHT-TO-LEFT MARK \(U\+200F\), at its start$/);
    expect(parseSpec(sources('      - text: "S01"\n        url: "https://example.org/a page"\n'), origin).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/the address holds a space$/)]);
    expect(parseSpec(sources('      - text: "S01"\n        url: "https://example.org/\u202Bpage"\n'), origin).diagnostics[0]?.message).toMatch(/RIGHT-TO-LEFT EMBEDDING \(U\+202B\), after "https:\/\/example\.org\/"$/);
    expect(parseSpec(sources('      - text: "S01"\n        url: "https://example.org:99999/"\n'), origin).diagnostics[0]?.message).toMatch(/is not a web address a browser can open \(check its host name and port\)$/);
    // spaces around it are no part of it
    expect(parseSpec(sources('      - text: "S01"\n        url: " https://example.org/a "\n'), origin).diagnostics).toEqual([]);
  });

  it('names a misspelt key of the mapping, not "expected string"', () => {
    const { diagnostics } = parseSpec(sources('      - text: "S01"\n        ur: "https://example.org"\n'), origin);
    expect(diagnostics.map((d) => [d.code, d.hint, d.location?.start?.line])).toEqual([['MJZ110', 'Did you mean "url"?', 9]]);
  });

  it('names a misspelt key of a bullet mapping too', () => {
    const { diagnostics } = parseSpec(deck('  - kind: bullets\n    title: "ت"\n    bullets:\n      - txt: "نقطة"\n        level: 1\n'), origin);
    expect(diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ['MJZ110', 'Did you mean "text"?'],
    ]);
  });

  it('says a template that wrote nothing (or only comments) wrote no spec, at the template, not at "(output):1:1"', () => {
    for (const [text, but] of [['', ''], ['# a comment\n\n', ' but for comments']] as const) {
      const { spec, diagnostics } = parseSpec(text, origin);
      expect(spec).toBeUndefined();
      expect(diagnostics).toEqual([
        expect.objectContaining({ code: 'MJZ170', message: `templates/t/deck.hbs wrote no deck spec: what it produced is empty${but}`, location: { file: 'templates/t/deck.hbs', start: { line: 1, column: 1 } }, audience: 't' }),
      ]);
    }
  });

  it('refuses a pie or doughnut of several series: all but the first would be dropped without a word', () => {
    for (const type of ['pie', 'doughnut']) {
      const { spec, diagnostics } = parseSpec(deck(`  - kind: chart\n    title: "ج"\n    chart:\n      type: ${type}\n      alt: "رسم"\n      categories: ["أ", "ب"]\n      series:\n        - { name: "س1", values: [1, 2] }\n        - { name: "س2", values: [3, 4] }\n`), origin);
      expect(spec).toBeUndefined();
      expect(diagnostics.map((d) => [d.code, d.message, d.location?.start?.line])).toEqual([['MJZ111', `On slide 1, a ${type} chart shows one series, and this one is given 2: the series after the first would not be drawn`, 13]]);
    }
  });
});
