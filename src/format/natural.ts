/**
 * Natural order for identifiers made of ASCII letters and digits, such as source ids: runs of
 * digits compare by their value (S2 before S10; S01 and S1 are equal), letters without regard
 * to case, lower case first on a tie. This is the order of `Intl.Collator('en', { numeric: true })`
 * for such ids (a property test holds them together), without loading ICU's collation data,
 * which costs a cold build 6 ms. For other ids (punctuation, other scripts, other digits) use
 * the collator: `idCompare` chooses.
 */
const RUN = /\d+|\D+/g;
const PLAIN_ID = /^[A-Za-z0-9]*$/;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.match(RUN) ?? [];
  const y = b.match(RUN) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const pDigits = isDigit(p);
    const qDigits = isDigit(q);
    if (pDigits && qDigits) {
      const byValue = compareDigits(p, q);
      if (byValue !== 0) return byValue;
      continue;
    }
    if (pDigits !== qDigits) return pDigits ? -1 : 1; // digits before letters
    const pl = p.toLowerCase();
    const ql = q.toLowerCase();
    if (pl !== ql) return pl < ql ? -1 : 1;
  }
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  // The same but for case (or for leading zeros): lower case first, at the first difference.
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q || isDigit(p)) continue;
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) return p[k] === p[k]!.toLowerCase() ? -1 : 1;
  }
  return 0; // equal but for leading zeros, as the collator has it
}

/** The order of ids: naturalCompare when both are ASCII letters and digits, else ICU's. */
export function idCompare(ids: readonly string[]): (a: string, b: string) => number {
  return ids.every((id) => PLAIN_ID.test(id)) ? naturalCompare : new Intl.Collator('en', { numeric: true }).compare;
}

const isDigit = (run: string) => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

/** Two runs of digits by value, whatever their leading zeros. */
function compareDigits(p: string, q: string): number {
  const a = p.replace(/^0+(?=\d)/, '');
  const b = q.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
