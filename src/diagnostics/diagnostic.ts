/**
 * Diagnostics are data: every problem a build finds is one of these, collected and
 * reported together. Only the CLI turns them into text and exit codes.
 */
/**
 * The trailing comment the expand stage puts on a template line, naming its file and line
 * (#@3:12), so that a problem in the generated spec is reported where it was written
 * (expand/origins.ts). It is no part of what the template wrote.
 */
export const ORIGIN_TAG = /\s#@(\d+):(\d+)$/;

/** A character as messages name it: U+200F, U+E00E. */
export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export type Severity = 'error' | 'warning';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Location {
  file: string; // path as given to the build (relative to the root when possible)
  start?: Position;
  end?: Position;
}

export interface Diagnostic {
  code: string; // permanent code from the catalog, e.g. MJZ101
  severity: Severity;
  message: string; // what happened
  hint?: string; // how to fix it
  location?: Location;
  /** The source text of `location.file`, for the code frame. */
  source?: string;
  /** The path of the value inside its file (keys and indices), for schema problems. */
  path?: PropertyKey[];
  /** Where the value came from in a template expansion: the audience name. */
  audience?: string;
  /** Other paths the message or hint names, in full (a front end may name them from elsewhere, as it does location.file). */
  related?: string[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** The closest candidate by edit distance, for "did you mean ...?". */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(input.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * The id an unknown one was meant to be, among short ids that differ by a character (S01 to S32):
 * the same but for case or leading zeros (s2 or S2 for S02), then two neighbouring characters
 * swapped (S62 for S26), then the one id closest by edit distance. None when several are as
 * close: S99 is one keystroke from S09, S19 and S29, and naming one of them would be a guess.
 */
export function didYouMeanId(input: string, ids: readonly string[]): string | undefined {
  const only = (found: readonly string[]) => (new Set(found).size === 1 ? found[0] : undefined);
  const plain = (id: string) => id.toLowerCase().replace(/\d+/g, (run) => run.replace(/^0+(?=\d)/, ''));
  const same = only(ids.filter((id) => plain(id) === plain(input)));
  if (same !== undefined) return same;
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < input.length; i++) {
    if (input[i] !== input[i + 1]) swapped.add(plain(input.slice(0, i) + input[i + 1] + input[i] + input.slice(i + 2)));
  }
  const transposed = only(ids.filter((id) => swapped.has(plain(id))));
  if (transposed !== undefined) return transposed;
  const limit = Math.max(2, Math.floor(input.length / 3));
  const distances = ids.map((id) => editDistance(input.toLowerCase(), id.toLowerCase()));
  const best = Math.min(...distances);
  return best <= limit ? only(ids.filter((_, i) => distances[i] === best)) : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * One diagnostic per place: the same problem at the same file, line and column (a template line
 * that produced several slides) is reported once, saying how many times it occurred.
 */
export function collapseRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, { d: Diagnostic; count: number }>();
  const out: { d: Diagnostic; count: number }[] = [];
  for (const d of diagnostics) {
    const loc = d.location?.start;
    const key = loc ? `${d.code}|${d.location!.file}|${loc.line}|${loc.column}|${d.audience ?? ''}` : undefined;
    const entry = key ? seen.get(key) : undefined;
    if (entry) {
      entry.count++;
      continue;
    }
    const fresh = { d, count: 1 };
    if (key) seen.set(key, fresh);
    out.push(fresh);
  }
  return out.map(({ d, count }) => (count > 1 ? { ...d, message: `${d.message} (and ${count - 1} more time${count > 2 ? 's' : ''} from the same line)` } : d));
}

/**
 * Each problem once: a project-wide problem (a content error, an unused fact) found again while
 * checking each audience is kept the first time only.
 */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.severity, d.message, d.location, d.audience]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `object` with `key` defined as a location found on first read, then kept. Finding a location
 * may parse its file again (src/diagnostics/yaml-source.ts): a build that reports nothing
 * about a fact never pays for its place.
 */
export function lazyLocation<T extends object, K extends string, L extends Location | undefined>(object: T, key: K, find: () => L): T & Record<K, L> {
  let found: { value: L } | undefined;
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get: () => (found ??= { value: find() }).value,
  });
  return object as T & Record<K, L>;
}
