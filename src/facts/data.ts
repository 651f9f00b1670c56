import { didYouMean, type Diagnostic } from '../diagnostics/diagnostic.js';
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

/**
 * The date by which a count is known: its date, or the end of the range a date gives after a
 * slash ('2016-04 / 2016-08', '2022 (H2) / 2023-06-02'). A count first seen in a source of June
 * 2023 is not a count published in 2022, though an undated page may be older: taking the range's
 * start would be a guess. Undefined when the date is not one of the calendar (datePrefix); a
 * range whose end is not a date is read from its start.
 */
export function countedAt(value: string | number): string | undefined {
  const start = datePrefix(value);
  if (!start) return undefined;
  const text = String(value).trim();
  const slash = text.lastIndexOf('/');
  const end = slash > 0 ? datePrefix(text.slice(slash + 1)) : undefined;
  return end && end > start ? end : start;
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

/**
 * A member's group must be one the dataset declares (meta.group_values): the rules of
 * content/data/groups.yaml place the members by it, so a mistyped one ("afrika") leaves the member
 * outside the grouping, or places it by its code alone. An error at the value, saying which group
 * was meant, instead of a gap in the rules of groups.yaml, which are not what is wrong. A dataset
 * that declares no groups has none checked.
 */
function unknownGroups(content: Content, dataset: Dataset): Map<Member, Diagnostic> {
  const declared = (dataset.meta as { group_values?: unknown }).group_values;
  const out = new Map<Member, Diagnostic>();
  if (!Array.isArray(declared) || !declared.every((g): g is string => typeof g === 'string')) return out;
  const known = new Set(declared);
  dataset.members.forEach((member, index) => {
    if (known.has(member.group)) return;
    const suggestion = didYouMean(member.group, declared);
    out.set(member, {
      code: 'MJZ142',
      severity: 'error',
      message: `Unknown group "${member.group}" for the member "${member.en}"${suggestion ? `; did you mean "${suggestion}"?` : `: the dataset's groups are ${declared.join(', ')}`}`,
      hint: `Write one of the groups the dataset declares under meta.group_values (${declared.join(', ')}): content/data/groups.yaml places the members by them. A group of its own is added to meta.group_values first, then given its rule in content/data/groups.yaml.`,
      location: content.locate('dataset', ['members', index, 'group']),
      source: content.sourceOf('dataset'),
    });
  });
  return out;
}

/**
 * The growth chart's last yearly bar is the latest count up to the article's date, a total a
 * source published; the title, the facts and the composition chart count the member list
 * (identified + unidentified). Members that joined after the article extend the chart by one each,
 * so the two must agree at the article's date: otherwise the deck says 88 members beside a bar of
 * 89. Earlier counts are not checked: the coalition counted its members differently over the
 * years (62 then 60 in 2014), and the list dates many members by a range only.
 *
 * A warning, as MJZ140 is for a stated figure the data disagrees with: both sides rest on
 * sources, the deck is drawn, and only the author can tell which is behind. The message says
 * which to correct for the way they disagree.
 */
function countAgainstList(content: Content, dataset: Dataset, index: number, joinedAt: (m: Member) => string): Diagnostic[] {
  const asOf = content.article.date;
  const count = dataset.counts_by_year[index]!;
  const identified = dataset.members.filter((m) => joinedAt(m) <= asOf);
  const unidentified = dataset.unidentified_members.length;
  const listed = identified.length + unidentified;
  if (listed === count.members) return [];
  const date = String(count.date);
  const gap = Math.abs(listed - count.members);
  const members = gap === 1 ? 'one member' : `${gap} members`;
  const counted = countedAt(count.date)!;
  const since = identified.filter((m) => joinedAt(m) > counted).map((m) => `${m.en} (${joinedAt(m)})`);
  const hint =
    listed < count.members
      ? `The list is ${members} short of this count. If ${count.source} does say ${count.members}, correct the list: add the missing member to members, with its source, or as a slot under unidentified_members when no source names it. If it does not, correct the count here.`
      : `The list holds ${members} more than this count${since.length ? `; dated after it: ${since.join(', ')}` : ''}. A member that joined after this count and before the article needs the later count that includes it: add that count, with its source, to counts_by_year. One that joined after the article (${asOf}) extends the chart by itself once its joined date says so. A member listed by mistake, or an unidentified slot that is now identified, is removed from the list.`;
  return [
    {
      code: 'MJZ140',
      severity: 'warning',
      message: `The growth chart's last yearly bar (before any member that joined after the article) is this count, ${count.members} members (${date}, source ${count.source}), but the member list gives ${listed} by the article's date (${asOf}: ${identified.length} identified + ${unidentified} unidentified), which the deck's member count follows`,
      hint,
      location: content.locate('dataset', ['counts_by_year', index, 'members']),
      source: content.sourceOf('dataset'),
    },
  ];
}

export function computeDataFigures(content: Content): { data?: DataFigures; diagnostics: Diagnostic[] } {
  const dataset: Dataset | undefined = content.dataset;
  if (!dataset) return { diagnostics: [] };
  const twice = listedTwice(content, dataset);
  const diagnostics: Diagnostic[] = [...twice, ...unreadableDates(content, dataset)];
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
    const mistyped = unknownGroups(content, dataset);
    diagnostics.push(...mistyped.values());
    dataset.members.forEach((member, index) => {
      const hits = groups.filter((g) => g.match.some((rule) => matches(member, rule)));
      if (hits.length === 1) {
        counts.set(hits[0]!.id, counts.get(hits[0]!.id)! + 1);
        return;
      }
      if (mistyped.has(member)) return; // (reported at its group: the value, not as a gap in the rules)
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

  // Growth: the last count of each year, up to the article's date, each at the date by which it
  // is known (countedAt: a range's end). Of two counts in a year the later wins, or the later in
  // the file when their dates are the same.
  const asOf = content.article.date;
  const byYear = new Map<number, GrowthPoint & { index: number; at: string }>();
  for (const [index, entry] of dataset.counts_by_year.entries()) {
    const at = countedAt(entry.date);
    if (!at || at > asOf) continue;
    const year = Number(at.slice(0, 4));
    const before = byYear.get(year);
    if (!before || at >= before.at) byYear.set(year, { year, members: entry.members, source: entry.source, index, at });
  }
  const counted = [...byYear.values()].sort((a, b) => a.year - b.year);
  const latest = counted[counted.length - 1];
  // (a member entered twice is reported as such, not again as a list that outgrew its count)
  if (latest && !twice.some((d) => d.severity === 'error')) diagnostics.push(...countAgainstList(content, dataset, latest.index, joinedAt));
  const growth: GrowthPoint[] = counted.map(({ year, members, source }) => ({ year, members, source }));
  // Members that joined after the article's date extend the series, one point each.
  let running = growth[growth.length - 1]?.members ?? 0;
  const joiners = dataset.members.filter((m) => joinedAt(m) > asOf).sort((a, b) => (joinedAt(a) < joinedAt(b) ? -1 : 1));
  for (const m of joiners) {
    running += 1;
    growth.push({ year: Number(joinedAt(m).slice(0, 4)), members: running, source: m.sources[0]!, joiner: m.ar });
  }

  const sources = new Set<string>();
  // (a member that joined after the article too: its place, member.<ISO2>.number, rests on its sources)
  for (const m of [...dataset.members, ...(dataset.after_article ?? [])]) m.sources.forEach((s) => sources.add(s));
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
