import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Content } from '../content/parse.js';
import { isCalendarDate, type Dataset, type GroupingsFile, type Member } from '../content/schema.js';

/** One bar or slice of a chart computed from the data. */
export interface DataPoint {
  id: string;
  label: string;
  value: number;
}

export interface GrowthPoint {
  /** The year of a yearly count, or the date a member joined after the article. */
  year: number;
  members: number;
  source: string;
  /** For a member that joined after the article's date: its Arabic name. */
  joiner?: string;
}

/** Figures and series that follow from the dataset: computed, never typed twice. */
export interface DataFigures {
  figures: Record<string, number>;
  composition: { points: DataPoint[]; total: number; note: string };
  growth: GrowthPoint[];
  /** Source ids the figures rest on (members' and counts' sources). */
  sources: string[];
}

function matches(member: Member, rule: GroupingsFile['composition']['groups'][number]['match'][number]): boolean {
  if (rule.group && !rule.group.includes(member.group)) return false;
  if (rule.kind && !rule.kind.includes(member.kind)) return false;
  if (rule.iso2 && !(member.iso2 && rule.iso2.includes(member.iso2))) return false;
  if (rule.not_iso2 && member.iso2 && rule.not_iso2.includes(member.iso2)) return false;
  return true;
}

/**
 * The date a dataset date begins with (YYYY-MM-DD, YYYY-MM or YYYY, then anything: a range such
 * as 2018/2019, a note such as "2025-11 (early)"), when it is one of the calendar; undefined
 * otherwise (MJZ149 reports such a date, so every figure is read from a date it checked).
 */
export function datePrefix(value: string | number): string | undefined {
  const date = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[\s/(,;])/.exec(String(value).trim())?.[0];
  return date && (date.length === 4 || isCalendarDate(date)) ? date : undefined;
}

/** A member's identity: its ISO code, or its English name (organisations have no code). */
const memberKey = (m: Member) => (m.iso2 ? `iso2:${m.iso2}` : `en:${m.en}`);

/**
 * A member entered twice in the member list would be counted twice in every figure: an error.
 * One that is in the list and still under after_article (as when a joiner is moved into the list
 * and not removed below) is counted once, but the file then says two things: a warning.
 */
function listedTwice(content: Content, dataset: Dataset): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, number>();
  dataset.members.forEach((m, index) => {
    const at = first.get(memberKey(m));
    if (at === undefined) return void first.set(memberKey(m), index);
    diagnostics.push({
      code: 'MJZ146',
      severity: 'error',
      message: `"${m.en}" is listed twice among the members (entries ${at + 1} and ${index + 1}), so every figure would count it twice`,
      hint: 'Remove one of the two entries (merge their sources into the one kept).',
      location: content.locate('dataset', ['members', index]),
      source: content.sourceOf('dataset'),
    });
  });
  (dataset.after_article ?? []).forEach((m, index) => {
    if (!first.has(memberKey(m))) return;
    diagnostics.push({
      code: 'MJZ147',
      severity: 'warning',
      message: `"${m.en}" is both among the members and under after_article (counted once, as a member)`,
      hint: `Remove "${m.en}" from after_article now that it is in members.`,
      location: content.locate('dataset', ['after_article', index]),
      source: content.sourceOf('dataset'),
    });
  });
  return diagnostics;
}

/**
 * Dates of the dataset the build must read: the members' join dates and the dated counts.
 * Anything but a leading date would be read by its first four digits, or not at all:
 * '11/11/2025' as the year 2025, before an article of November 2025, so Syria would fall out of
 * the growth chart without a word. An error. A join date in the article's month or year that
 * stops short of the day cannot be placed before or after the article: a warning.
 */
function unreadableDates(content: Content, dataset: Dataset): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const asOf = content.article.date;
  // (located only for a diagnostic: locating reads the dataset with positions, which a clean build never needs)
  const unreadable = (what: string, text: string, path: PropertyKey[]): Diagnostic => ({
    code: 'MJZ149',
    severity: 'error',
    message: `${what}, ${JSON.stringify(text)}, is not a date the build can read`,
    hint: `Write it YYYY-MM-DD (e.g. '2025-11-11'), YYYY-MM or YYYY, in quotes; a range or a note may follow the date ('2018/2019').`,
    location: content.locate('dataset', path),
    source: content.sourceOf('dataset'),
  });
  dataset.counts_by_year.forEach((entry, index) => {
    if (!datePrefix(entry.date)) diagnostics.push(unreadable(`The date of count ${index + 1} (${entry.members} members)`, String(entry.date), ['counts_by_year', index, 'date']));
  });
  dataset.members.forEach((m, index) => {
    if (m.joined === null || m.joined === undefined) return;
    const text = String(m.joined).trim();
    const date = datePrefix(text);
    const location = () => content.locate('dataset', ['members', index, 'joined']);
    if (!date) {
      diagnostics.push(unreadable(`The join date of "${m.en}"`, text, ['members', index, 'joined']));
    } else if (date.length < 10 && asOf.startsWith(date)) {
      diagnostics.push({
        code: 'MJZ149',
        severity: 'warning',
        message: `"${m.en}" joined in ${date}, as was the article (${asOf}): the build cannot tell which came first, and counts it as before the article`,
        hint: `Give the day it joined, written YYYY-MM-DD, in quotes.`,
        location: location(),
        source: content.sourceOf('dataset'),
      });
    }
  });
  return diagnostics;
}

export function computeDataFigures(content: Content): { data?: DataFigures; diagnostics: Diagnostic[] } {
  const dataset: Dataset | undefined = content.dataset;
  if (!dataset) return { diagnostics: [] };
  const diagnostics: Diagnostic[] = [...listedTwice(content, dataset), ...unreadableDates(content, dataset)];
  const identified = dataset.members.length;
  const unidentified = dataset.unidentified_members.length;
  const total = identified + unidentified;
  const figures: Record<string, number> = {
    'members.identified': identified,
    'members.unidentified': unidentified,
    'members.total': total,
    'members.next': total + 1,
  };
  // member.<ISO2>.number: a member's place in the order of joining; for a state not (yet) in
  // the list, the number it would get. Members without a join date count as earlier.
  // (each member's date read once: this runs for every member against every other)
  const dates = new Map<Member, string>();
  const joinedAt = (m: Member) => {
    let date = dates.get(m);
    if (date === undefined) dates.set(m, (date = m.joined === null || m.joined === undefined ? '' : (datePrefix(m.joined) ?? '')));
    return date;
  };
  const memberDates = dataset.members.map(joinedAt);
  for (const m of [...dataset.members, ...(dataset.after_article ?? [])]) {
    if (!m.iso2) continue;
    const listed = dataset.members.find((x) => x.iso2 === m.iso2);
    const at = listed && joinedAt(listed);
    figures[`member.${m.iso2}.number`] = at !== undefined ? total - memberDates.filter((d) => d > at).length : total + 1;
  }

  const points: DataPoint[] = [];
  const groupings = content.groupings;
  if (groupings) {
    const groups = groupings.composition.groups;
    const counts = new Map(groups.map((g) => [g.id, 0]));
    dataset.members.forEach((member, index) => {
      const hits = groups.filter((g) => g.match.some((rule) => matches(member, rule)));
      if (hits.length === 1) {
        counts.set(hits[0]!.id, counts.get(hits[0]!.id)! + 1);
        return;
      }
      diagnostics.push({
        code: 'MJZ142',
        severity: 'error',
        message:
          hits.length === 0
            ? `Member "${member.en}" matches no group of the composition`
            : `Member "${member.en}" matches several groups: ${hits.map((h) => h.id).join(', ')}`,
        hint: 'Adjust the match rules in content/data/groups.yaml so that every member falls in exactly one group.',
        location: content.locate('dataset', ['members', index]),
        source: content.sourceOf('dataset'),
      });
    });
    for (const g of groups) {
      figures[`groups.${g.id}`] = counts.get(g.id)!;
      points.push({ id: g.id, label: g.label, value: counts.get(g.id)! });
    }
    if (unidentified > 0) points.push({ id: 'unidentified', label: groupings.composition.unidentified_label, value: unidentified });
  }

  // Growth: the last count of each year, up to the article's date.
  const asOf = content.article.date;
  const byYear = new Map<number, GrowthPoint>();
  for (const entry of dataset.counts_by_year) {
    const prefix = datePrefix(entry.date);
    if (!prefix || prefix > asOf) continue;
    const year = Number(prefix.slice(0, 4));
    byYear.set(year, { year, members: entry.members, source: entry.source });
  }
  const growth = [...byYear.values()].sort((a, b) => a.year - b.year);
  // Members that joined after the article's date extend the series, one point each.
  let running = growth[growth.length - 1]?.members ?? 0;
  const joiners = dataset.members.filter((m) => joinedAt(m) > asOf).sort((a, b) => (joinedAt(a) < joinedAt(b) ? -1 : 1));
  for (const m of joiners) {
    running += 1;
    growth.push({ year: Number(joinedAt(m).slice(0, 4)), members: running, source: m.sources[0]!, joiner: m.ar });
  }

  const sources = new Set<string>();
  for (const m of dataset.members) m.sources.forEach((s) => sources.add(s));
  for (const g of growth) sources.add(g.source);
  return {
    data: {
      figures,
      composition: { points, total: points.reduce((sum, p) => sum + p.value, 0), note: groupings?.composition.note ?? '' },
      growth,
      sources: [...sources].sort(),
    },
    diagnostics,
  };
}
