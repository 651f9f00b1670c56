import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naturalCompare } from '../../src/format/natural.js';

const collator = new Intl.Collator('en', { numeric: true });

describe('naturalCompare', () => {
  it('orders source ids by number', () => {
    expect(['S10', 'S2', 'S01', 'W1', 'S1a', 'A'].sort(naturalCompare)).toEqual(['A', 'S01', 'S1a', 'S2', 'S10', 'W1']);
  });

  it('orders ids of ASCII letters and digits as Intl.Collator("en", { numeric: true })', () => {
    const id = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', 'z', 'Z', '0', '1', '2', '9', 's', 'S'), maxLength: 6 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        const expected = Math.sign(collator.compare(a, b));
        if (expected !== 0) expect([a, b, Math.sign(naturalCompare(a, b))]).toEqual([a, b, expected]);
        expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is a total order: equal only for the same string', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => (naturalCompare(a, b) === 0) === (a === b)));
  });
});
