/**
 * Natural order for identifiers such as source ids: runs of digits compare by their value
 * (S2 before S10, S01 with S1), other text without regard to case, lower case first on a tie.
 * For ids of ASCII letters and digits this is the order of `Intl.Collator('en', { numeric: true })`
 * (a property test holds them together) where the collator tells two ids apart; where it does
 * not (S01 and S1), fewer zeros come first, so that only equal strings compare equal. It does
 * not load ICU's collation data, which costs a cold build 6 ms for the one sort that needs it.
 */
const RUN = /\d+|\D+/g;

export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.match(RUN) ?? [];
  const y = b.match(RUN) ?? [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const pDigits = p.charCodeAt(0) >= 48 && p.charCodeAt(0) <= 57;
    const qDigits = q.charCodeAt(0) >= 48 && q.charCodeAt(0) <= 57;
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
  // Equal but for case or leading zeros: lower case first, then fewer zeros.
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    const p = x[i]!;
    const q = y[i]!;
    if (p.toLowerCase() === q.toLowerCase()) return caseOrder(p, q);
  }
  for (let i = 0; i < x.length; i++) if (x[i]!.length !== y[i]!.length) return x[i]!.length < y[i]!.length ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Two runs of digits by value, whatever their leading zeros. */
function compareDigits(p: string, q: string): number {
  const a = p.replace(/^0+(?=\d)/, '');
  const b = q.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The same letters in other cases: lower case first, letter by letter. */
function caseOrder(p: string, q: string): number {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === q[i]) continue;
    return p[i] === p[i]!.toLowerCase() ? -1 : 1;
  }
  return 0;
}
