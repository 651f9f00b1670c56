import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCompare, naturalCompare } from '../../src/format/natural.js';

const collator = new Intl.Collator('en', { numeric: true });
const plainId = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', 'z', 'Z', '0', '1', '2', '9', 's', 'S'), maxLength: 6 });

describe('naturalCompare', () => {
  it('orders source ids by number', () => {
    expect(['S10', 'S2', 'S01', 'W1', 'S1a', 'A'].sort(naturalCompare)).toEqual(['A', 'S01', 'S1a', 'S2', 'S10', 'W1']);
  });

  it('orders ids of ASCII letters and digits exactly as Intl.Collator("en", { numeric: true })', () => {
    fc.assert(
      fc.property(plainId, plainId, (a, b) => {
        expect([a, b, Math.sign(naturalCompare(a, b))]).toEqual([a, b, Math.sign(collator.compare(a, b))]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is an order: antisymmetric and transitive', () => {
    fc.assert(
      fc.property(plainId, plainId, plainId, (a, b, c) => {
        expect(Math.sign(naturalCompare(a, b)) + Math.sign(naturalCompare(b, a))).toBe(0);
        if (naturalCompare(a, b) <= 0 && naturalCompare(b, c) <= 0) expect(naturalCompare(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('idCompare', () => {
  it('uses the natural compare for plain ids, and the collator as soon as one id is not plain', () => {
    expect(idCompare(['S1', 'S10'])).toBe(naturalCompare);
    for (const ids of [['S-1', 'S1'], ['م١٠', 'م٢'], ['é1', 'f1'], ['S 10', 'S2']]) {
      const compare = idCompare(ids);
      expect(compare).not.toBe(naturalCompare);
      expect([...ids].sort(compare)).toEqual([...ids].sort(collator.compare));
    }
  });
});
