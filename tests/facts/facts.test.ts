import { describe, expect, it } from 'vitest';
import { prepareContent } from '../../src/build.js';
import { parseContent } from '../../src/content/parse.js';
import { computeDataFigures, countedAt, datePrefix } from '../../src/facts/data.js';
import { resolveFacts } from '../../src/facts/resolve.js';
import { contentWith, replaceOnce, shippedContent } from '../helpers/project.js';

async function prepared(files?: Awaited<ReturnType<typeof shippedContent>>) {
  const { content } = parseContent(files ?? (await shippedContent()));
  if (!content) throw new Error('content did not parse');
  const data = computeDataFigures(content);
  const facts = resolveFacts(content, data.data);
  return { content, data, facts };
}

describe('a figure without a source', () => {
  it('is an error (MJZ144) at what it states, so no deck is made', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, '      value: 28\n      source: A1\n', '      value: 28\n'));
    const result = prepareContent(files);
    const d = result.diagnostics.filter((x) => x.code === 'MJZ144');
    expect(d.map((x) => [x.severity, x.message, x.location?.file])).toEqual([['error', 'The figure "ffis.locations" has no source', 'content/facts.yaml']]);
    const text = files.get('content/facts.yaml')!.text;
    expect(d[0]!.location?.start?.line).toBe(text.slice(0, text.indexOf('value: 28')).split('\n').length);
  });
});

describe('a group figure without content/data/groups.yaml', () => {
  it('names the missing file, not a list of every figure the data provides', async () => {
    const files = await shippedContent();
    files.delete('content/data/groups.yaml');
    const { content, data } = await prepared(files);
    const { diagnostics } = resolveFacts(content, data.data);
    expect(diagnostics.map((d) => d.message)).toContain('Fact "coalition.european_states" asks for the data figure "groups.europe", a group\'s count, and there is no content/data/groups.yaml to place the members in groups');
    expect(diagnostics.filter((d) => d.code === 'MJZ141').every((d) => d.hint === 'Put content/data/groups.yaml back (the rules that place each member in a group of the composition chart), or remove the facts that ask for groups.')).toBe(true);
  });
});

describe('data figures', () => {
  it('counts the members from the member list, the unknowns kept apart', async () => {
    const { data } = await prepared();
    expect(data.diagnostics).toEqual([]);
    expect(data.data?.figures).toMatchObject({ 'members.identified': 85, 'members.unidentified': 4, 'members.total': 89, 'members.next': 90 });
  });

  it('groups the members as the article does, adding up to 89', async () => {
    const { data } = await prepared();
    const points = Object.fromEntries(data.data!.composition.points.map((p) => [p.id, p.value]));
    expect(points).toEqual({ europe: 36, arab: 11, 'turkey-cyprus': 2, africa: 17, asia: 8, americas: 3, oceania: 3, organizations: 5, unidentified: 4 });
    expect(data.data!.composition.total).toBe(89);
  });

  it('takes the last count of each year up to the article date', async () => {
    const { data } = await prepared();
    const growth = data.data!.growth.map((g) => [g.year, g.members]);
    expect(growth[0]).toEqual([2014, 60]);
    expect(growth.at(-1)).toEqual([2025, 89]); // Syria's 90 (11 Nov) comes after the article (3 Nov)
    expect(growth.map(([year]) => year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    // 2022: the Marrakech count (84, May 2022), not the 85 first seen in a source of June 2023
    // ('2022 (H2) / 2023-06-02'): a count stands at the date by which it is known
    expect(data.data!.growth.find((g) => g.year === 2022)).toEqual({ year: 2022, members: 84, source: 'S24' });
    expect(data.data!.growth.find((g) => g.year === 2023)).toEqual({ year: 2023, members: 86, source: 'S26' });
  });

  it('places a count dated by a range at the range’s end, and the later of a year’s counts last', async () => {
    expect(countedAt('2022 (H2) / 2023-06-02')).toBe('2023-06-02');
    expect(countedAt('2016-04 / 2016-08')).toBe('2016-08');
    expect(countedAt('2018/2019')).toBe('2019');
    expect(countedAt('2025-11 (early)')).toBe('2025-11');
    expect(countedAt('2016-04 / summer')).toBe('2016-04'); // an end that is no date: the start
    expect(countedAt('unknown')).toBeUndefined();
    // a count listed before an earlier one of its year does not hide it
    const DATASET = 'content/data/coalition-members.yaml';
    const swapped = await contentWith(DATASET, (t) => {
      const a = "- date: '2022-05-11'\n  members: 84\n  note: Marrakech ministerial\n  source: S24\n";
      const b = '- date: 2022 (H2) / 2023-06-02\n  members: 85\n  note: + unidentified 85th member\n  source: S25\n';
      return replaceOnce(t, a + b, b.replace('2022 (H2) / 2023-06-02', "'2022-12-20'") + a);
    });
    const { data } = await prepared(swapped);
    expect(data.data!.growth.find((g) => g.year === 2022)).toEqual({ year: 2022, members: 85, source: 'S25' });
  });

  it('lists the sources of a member that joined after the article among the dataset’s', async () => {
    const { data } = await prepared();
    expect(data.data!.sources).toContain('S29'); // Syria's place, member.SY.number
  });

  it('reads the first date in a dataset date', () => {
    expect(datePrefix('2025-11 (early)')).toBe('2025-11');
    expect(datePrefix('2022 (H2) / 2023-06-02')).toBe('2022');
    expect(datePrefix('unknown')).toBeUndefined();
  });

  it('reports a member that falls in no group', async () => {
    const files = await contentWith('content/data/groups.yaml', (t) => replaceOnce(t, '        - { group: [oceania] }', '        - { group: [oceanía] }'));
    const { data } = await prepared(files);
    expect(data.diagnostics.map((d) => d.message)).toEqual(['Member "Australia" matches no group of the composition', 'Member "New Zealand" matches no group of the composition', 'Member "Fiji" matches no group of the composition']);
    expect(data.diagnostics[0]?.location?.file).toBe('content/data/coalition-members.yaml');
    expect(data.diagnostics[0]?.hint).toMatch(/^Adjust the match rules in content\/data\/groups\.yaml/);
  });

  it('names a member’s mistyped group at its group: line, with the group meant, not as a gap in groups.yaml', async () => {
    const DATASET = 'content/data/coalition-members.yaml';
    const files = await contentWith(DATASET, (t) => {
      const togo = t.indexOf('- en: Togo');
      return t.slice(0, togo) + replaceOnce(t.slice(togo), 'group: africa', 'group: afrika');
    });
    const { data } = await prepared(files);
    const text = files.get(DATASET)!.text;
    expect(data.diagnostics.map((d) => [d.code, d.severity, d.message, d.location?.start?.line, d.location?.start?.column])).toEqual([
      ['MJZ142', 'error', 'Unknown group "afrika" for the member "Togo"; did you mean "africa"?', text.slice(0, text.indexOf('group: afrika')).split('\n').length, 10],
    ]);
    expect(data.diagnostics[0]!.hint).toMatch(/^Write one of the groups the dataset declares under meta\.group_values \(europe, arab, middle-east-other, asia, africa, americas, oceania, organization\)/);
    // a value far from every group: the groups are named instead
    const far = await contentWith(DATASET, (t) => replaceOnce(t, 'group: oceania', 'group: pacific'));
    expect((await prepared(far)).data.diagnostics.map((d) => d.message)).toEqual(['Unknown group "pacific" for the member "Australia": the dataset\'s groups are europe, arab, middle-east-other, asia, africa, americas, oceania, organization']);
    // a mistyped group that groups.yaml places anyway by the member's code is still reported
    const placed = await contentWith(DATASET, (t) => replaceOnce(t, 'group: europe\n  subregion: EU (article', 'group: europa\n  subregion: EU (article'));
    expect((await prepared(placed)).data.diagnostics.map((d) => d.message)).toEqual(['Unknown group "europa" for the member "Cyprus"; did you mean "europe"?']);
    // a dataset that declares no groups has none checked: a member outside the rules is a gap in them
    const undeclared = await contentWith(DATASET, (t) => replaceOnce(t.replace(/\n {2}group_values:(\n {2}- \S+)+/, ''), 'group: oceania', 'group: pacific'));
    expect((await prepared(undeclared)).data.diagnostics.map((d) => d.message)).toEqual(['Member "Australia" matches no group of the composition']);
  });

  it('warns at the count when the growth chart’s last bar disagrees with the member list at the article’s date', async () => {
    const DATASET = 'content/data/coalition-members.yaml';
    const withoutTogo = await contentWith(DATASET, (t) => {
      const togo = t.indexOf('- en: Togo');
      return t.slice(0, togo) + t.slice(t.indexOf('\n- en:', togo) + 1);
    });
    const { data, content } = await prepared(withoutTogo);
    const d = data.diagnostics.filter((x) => x.code === 'MJZ140');
    expect(d.map((x) => [x.severity, x.message])).toEqual([
      [
        'warning',
        "The growth chart's last yearly bar (before any member that joined after the article) is this count, 89 members (2025-11 (early), source S28), but the member list gives 88 by the article's date (2025-11-03: 84 identified + 4 unidentified), which the deck's member count follows",
      ],
    ]);
    expect(d[0]!.hint).toMatch(/^The list is one member short of this count\. If S28 does say 89, correct the list: add the missing member to members/);
    const text = withoutTogo.get(DATASET)!.text;
    const at = text.indexOf('  members: 89\n  note: + two unidentified members');
    expect(d[0]!.location).toMatchObject({ file: DATASET, start: { line: text.slice(0, at).split('\n').length, column: 12 } });
    expect(content.sourceOf('dataset')).toBe(text);
    expect(data.data!.growth.at(-1)).toEqual({ year: 2025, members: 89, source: 'S28' }); // what the chart shows, unchanged

    // a member the list dates between the count and the article: the list outgrew the count, and the hint names it
    const withSyria = (joined: string) =>
      contentWith(DATASET, (t) => {
        const start = t.indexOf('after_article:\n');
        const syria = t.slice(start + 'after_article:\n'.length, t.indexOf('counts_by_year:')).replace('joined: 2025-11\n', `joined: ${joined}\n`);
        const moved = t.slice(0, start) + t.slice(t.indexOf('counts_by_year:'));
        return replaceOnce(moved, 'unidentified_members:\n', `${syria}unidentified_members:\n`);
      });
    const before = (await prepared(await withSyria("'2025-11-02'"))).data.diagnostics.filter((x) => x.code === 'MJZ140');
    expect(before.map((x) => x.message)).toEqual([expect.stringMatching(/this count, 89 members .* gives 90 by the article's date \(2025-11-03: 86 identified \+ 4 unidentified\)/)]);
    expect(before[0]!.hint).toMatch(/^The list holds one member more than this count; dated after it: Syria \(2025-11-02\)\. .*add that count, with its source, to counts_by_year/);
    // joined after the article, as the README has it: Syria extends the chart by itself, nothing to say
    expect((await prepared(await withSyria("'2025-11-11'"))).data.diagnostics).toEqual([]);
    // a member entered twice is reported as such (MJZ146), not again as a list that outgrew its count
    const twice = await contentWith(DATASET, (t) => {
      const start = t.indexOf('- en: Australia');
      return replaceOnce(t, 'unidentified_members:\n', `${t.slice(start, t.indexOf('\n- en:', start) + 1)}unidentified_members:\n`);
    });
    expect((await prepared(twice)).data.diagnostics.map((x) => x.code)).toEqual(['MJZ146']);
    // the shipped list and counts agree: 85 identified + 4 unidentified = 89, the count of early November 2025 (S28)
    expect((await prepared()).data.diagnostics).toEqual([]);
  });
});

describe('facts', () => {
  it('derives the figures from the data, and Syria’s number from the count', async () => {
    const { facts } = await prepared();
    expect(facts.diagnostics).toEqual([]);
    expect(facts.facts['coalition.members']).toMatchObject({ value: 89, origin: 'data', sources: ['D1'] });
    expect(facts.facts['syria.member_number']).toMatchObject({ value: 90, origin: 'data' });
    expect(facts.facts['coalition.european_states']?.value).toBe(36);
    expect(facts.facts['ffis.projects']).toMatchObject({ value: 1100, origin: 'stated', sources: ['A1'], qualifier: 'أكثر من' });
  });

  it('warns, naming both places, when the stated figure and the data disagree', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'value: 36', 'value: 37'));
    const { facts } = await prepared(files);
    const d = facts.diagnostics.find((x) => x.code === 'MJZ140');
    expect(d?.severity).toBe('warning');
    expect(d?.message).toContain('A1 states 37, the data gives 36');
    expect(d?.message).toContain('content/data/coalition-members.yaml');
    expect(d?.location?.file).toBe('content/facts.yaml');
    // the deck shows the data's figure
    expect(facts.facts['coalition.european_states']?.value).toBe(36);
  });

  it('follows the data when a member is added', async () => {
    const syria = `- en: Syria\n  ar: سوريا\n  iso2: SY\n  kind: state\n  group: arab\n  subregion: Mashriq\n  joined: '2025-11-11'\n  sources:\n  - S29\n  confidence: high\n`;
    const files = await contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(t, 'unidentified_members:\n', `${syria}unidentified_members:\n`));
    const { facts, data } = await prepared(files);
    expect(facts.facts['coalition.members']?.value).toBe(90);
    expect(facts.facts['coalition.arab_states']?.value).toBe(12);
    expect(facts.diagnostics.some((d) => d.code === 'MJZ140' && d.message.includes('states 89, the data gives 90'))).toBe(true);
    // Syria is still under after_article too: counted once, and the build says so, at that entry
    const both = data.diagnostics.filter((d) => d.code === 'MJZ147');
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ severity: 'warning', location: { file: 'content/data/coalition-members.yaml' } });
    expect(both[0]!.location!.start!.line).toBeGreaterThan(files.get('content/data/coalition-members.yaml')!.text.split('\nafter_article:')[0]!.split('\n').length);
  });

  it('names the points whose basis says the old figure, until the new figure’s source is recorded in the fact', async () => {
    const syria = `- en: Syria\n  ar: سوريا\n  iso2: SY\n  kind: state\n  group: arab\n  subregion: Mashriq\n  joined: '2025-11-11'\n  sources:\n  - S29\n  confidence: high\n`;
    const joined = await contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(t, 'unidentified_members:\n', `${syria}unidentified_members:\n`));
    const codes = async (files: typeof joined) => prepareContent(files).diagnostics.map((d) => d.code);
    expect(await codes(joined)).toContain('MJZ148');
    // as the hint says: record what states 90 members and Syria's place now (S29); the Arab
    // states' 12 has no source but the data, so its stated is removed
    const recorded = new Map(joined);
    const facts = recorded.get('content/facts.yaml')!;
    let text = replaceOnce(facts.text, '      value: 89\n      source: A1\n      quote: "ويضمّ في عضويته اليوم 89 عضواً"', '      value: 90\n      source: S29');
    text = replaceOnce(text, '    stated:\n      value: 11\n      source: A1\n      quote: "و11 دولة عربية"\n', '');
    text = replaceOnce(text, '      value: 90\n      source: A1\n      quote: "وبذلك ستكون سوريا العضو رقم 90 في التحالف"', '      value: 90\n      source: S29');
    recorded.set('content/facts.yaml', { ...facts, text });
    const after = await codes(recorded);
    expect(after).not.toContain('MJZ148');
    expect(after).not.toContain('MJZ140');
  });

  it('refuses a join date it cannot read, and warns when one cannot be placed before or after the article', async () => {
    const syria = (joined: string) => `- en: Syria\n  ar: سوريا\n  iso2: SY\n  kind: state\n  group: arab\n  subregion: Mashriq\n  joined: ${joined}\n  sources:\n  - S29\n  confidence: high\n`;
    const withSyria = (joined: string) => contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(t, 'unidentified_members:\n', `${syria(joined)}unidentified_members:\n`));
    // '11/11/2025' was read as the year 2025, before the article: Syria fell out of the growth chart
    for (const joined of ["'11/11/2025'", "'Nov 2025'", "'2014-13-45'", 'banana']) {
      const files = await withSyria(joined);
      const d = (await prepared(files)).data.diagnostics.filter((x) => x.code === 'MJZ149');
      expect(d, joined).toHaveLength(1);
      expect(d[0], joined).toMatchObject({ severity: 'error', location: { file: 'content/data/coalition-members.yaml' } });
      expect(d[0]!.message, joined).toMatch(/^The join date of "Syria", ".*", is not a date the build can read$/);
      const text = files.get('content/data/coalition-members.yaml')!.text;
      expect(text.split('\n')[d[0]!.location!.start!.line - 1], joined).toContain(`joined: ${joined}`);
    }
    for (const joined of ["'2025-11'", "'2025'"]) {
      const d = (await prepared(await withSyria(joined))).data.diagnostics.filter((x) => x.code === 'MJZ149');
      expect(d.map((x) => x.severity), joined).toEqual(['warning']);
      expect(d[0]!.message, joined).toMatch(/the build cannot tell which came first/);
    }
    // a dated count of the growth chart is read the same way
    const counts = await contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(t, "- date: '2024-09-30'", "- date: '30/09/2024'"));
    const count = (await prepared(counts)).data.diagnostics.filter((x) => x.code === 'MJZ149');
    expect(count.map((d) => d.message)).toEqual(['The date of count 22 (87 members), "30/09/2024", is not a date the build can read']);
    expect(counts.get('content/data/coalition-members.yaml')!.text.split('\n')[count[0]!.location!.start!.line - 1]).toContain("30/09/2024");
    for (const joined of ["'2025-11-11'", "'2018/2019'", "'2024-09 (early)'", '2014']) {
      expect((await prepared(await withSyria(joined))).data.diagnostics.filter((x) => x.code === 'MJZ149'), joined).toEqual([]);
    }
  });

  it('refuses a member entered twice, which every figure would count twice', async () => {
    const files = await contentWith('content/data/coalition-members.yaml', (t) => {
      const start = t.indexOf('- en: Australia');
      const entry = t.slice(start, t.indexOf('\n- en:', start) + 1);
      return replaceOnce(t, 'unidentified_members:\n', `${entry}unidentified_members:\n`);
    });
    const { data } = await prepared(files);
    const d = data.diagnostics.filter((x) => x.code === 'MJZ146');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', location: { file: 'content/data/coalition-members.yaml' } });
    expect(d[0]!.message).toMatch(/^"Australia" is listed twice among the members \(entries \d+ and 86\)/);
    // the shipped data has neither
    expect((await prepared()).data.diagnostics).toEqual([]);
    // members without a code are told apart by name: two empty codes are not one member
    const uncoded = await contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(replaceOnce(t, 'iso2: AU', "iso2: ''"), 'iso2: NZ', "iso2: ''"));
    expect((await prepared(uncoded)).data.diagnostics.filter((x) => x.code === 'MJZ146')).toEqual([]);
  });
});
