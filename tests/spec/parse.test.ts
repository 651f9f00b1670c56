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
    expect(diagnostics.map((d) => [d.message, d.location?.start?.line])).toEqual([
      [expect.stringContaining('row 1 has 3 cells for 2 columns'), 9],
      [expect.stringContaining('row 2 has 1 cells for 2 columns'), 10],
    ]);
  });

  it('refuses widths that do not match the columns', () => {
    const { diagnostics } = parseSpec(deck('  - kind: table\n    title: "ج"\n    columns: ["أ", "ب"]\n    rows: [["1", "2"]]\n    widths: [1]\n'), origin);
    expect(diagnostics[0]?.message).toContain('1 widths for 2 columns');
  });

  it('refuses a chart series without one value per category', () => {
    const { diagnostics } = parseSpec(
      deck('  - kind: chart\n    title: "ر"\n    chart:\n      type: bar\n      alt: "x 1"\n      categories: ["أ", "ب", "ج"]\n      series:\n        - name: "س"\n          values: [1]\n'),
      origin,
    );
    expect(diagnostics[0]?.message).toContain('series "س" has 1 values for 3 categories');
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
});
