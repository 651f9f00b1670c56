/**
 * The fixed date of a build. It must not depend on the time zone of the
 * machine: a date-time without a zone designator is read as UTC (JavaScript
 * would read it as local time).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Zip (DOS) dates cover 1980-01-01 … 2107-12-31. */
const DOS_MIN = Date.UTC(1980, 0, 1);
const DOS_MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

export interface FixedDate {
  /** W3CDTF in UTC, whole seconds: '2024-03-01T09:30:00Z'. */
  w3c: string;
  /**
   * The same instant, for zip entry dates, brought within the years a zip can date (1980–2107):
   * an analysis of a 1979 article keeps its date in the document's properties, and its zip
   * entries say 1980-01-01.
   */
  date: Date;
}

/** The date-time fields are a real calendar date (Date.parse rolls 2024-02-30 over to March). */
function isCalendarDate(m: RegExpExecArray): boolean {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s
  );
}

/** Parse an ISO 8601 date or date-time (zone optional, UTC assumed); throws on anything else. */
export function parseFixedDate(text: string): FixedDate {
  const trimmed = text.trim();
  const m = ISO.exec(trimmed);
  if (!m || !isCalendarDate(m)) throw new RangeError(`fixedDate is not an ISO 8601 date: ${JSON.stringify(text)}`);
  const zoned = m[4] === undefined ? `${trimmed}T00:00:00Z` : m[7] === undefined ? `${trimmed}Z` : trimmed;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new RangeError(`fixedDate is not a valid date: ${JSON.stringify(text)}`);
  const seconds = Math.floor(ms / 1000) * 1000;
  const w3c = new Date(seconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { w3c, date: new Date(Math.min(DOS_MAX, Math.max(DOS_MIN, seconds))) };
}
