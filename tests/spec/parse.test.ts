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
