import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, diffManifests, formatDiff, listAudiences, type DeckResult } from '../../src/index.js';
import { REPO, replaceOnce, tempProject } from '../helpers/project.js';
import { validatePptx } from '../helpers/pptx.js';

/**
 * "Syria joins": one fact changes in one place (Syria moves into the dataset's members) and every deck
 * follows. The article's 89 becomes 90 everywhere, the growth chart gains Syria's point, the
 * diff names exactly the slides that changed, and a rebuild is byte-identical.
 */
const SYRIA = `- en: Syria
  ar: سوريا
  iso2: SY
  kind: state
  group: arab
  subregion: Mashriq
  joined: '2025-11-11'
  join_note: announced 10-11 Nov 2025 (90th partner)
  sources:
  - S29
  confidence: high
`;

let root: string;
const before = new Map<string, DeckResult>();
const after = new Map<string, DeckResult>();
let audiences: string[];

beforeAll(async () => {
  root = await tempProject();
  audiences = await listAudiences(root);
  for (const a of audiences) before.set(a, await buildDeck({ root, audience: a }));
  const data = path.join(root, 'content/data/coalition-members.yaml');
  // As the README says: Syria moves from after_article into the member list, with its day.
  const text = await readFile(data, 'utf8');
  const afterArticle = text.slice(text.indexOf('\nafter_article:\n') + 1, text.indexOf('\ncounts_by_year:') + 1);
  expect(afterArticle).toMatch(/^after_article:\n- en: Syria\n/);
  await writeFile(data, replaceOnce(replaceOnce(text, afterArticle, ''), 'unidentified_members:\n', `${SYRIA}unidentified_members:\n`));
  for (const a of audiences) after.set(a, await buildDeck({ root, audience: a }));
}, 120_000);

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('Syria joins', () => {
  it('builds every audience before and after, and warns that the article’s 89 is now 90', () => {
    expect(audiences.length).toBeGreaterThanOrEqual(1);
    for (const a of audiences) {
      expect(before.get(a)!.diagnostics, a).toEqual([]);
      expect(after.get(a)!.bytes, a).toBeDefined();
      expect(validatePptx(after.get(a)!.bytes!, `${a}.pptx`).code, a).toBe(0);
      const warnings = after.get(a)!.diagnostics.filter((d) => d.code === 'MJZ140').map((d) => d.message);
      expect(warnings.some((m) => m.includes('states 89, the data gives 90')), a).toBe(true);
      // the stated figures that now disagree with the data, the points whose basis still says
      // the article's figures, the texts that tell Syria's joining as to come (of these, those the
      // deck shows), and nothing else
      const codes = new Set(after.get(a)!.diagnostics.map((d) => d.code));
      expect(codes.has('MJZ140'), a).toBe(true);
      expect([...codes].filter((c) => !['MJZ140', 'MJZ148', 'MJZ176'].includes(c)), a).toEqual([]);
    }
  });

  it('names each point that prints a moved figure beside a basis that says the old one, at its reference', async () => {
    const article = (await readFile(path.join(root, 'content/article.yaml'), 'utf8')).split('\n');
    const drift = after.get('briefing')!.diagnostics.filter((d) => d.code === 'MJZ148');
    const at = drift.map((d) => {
      const { line, column } = d.location!.start!;
      return `${d.location!.file}:${article[line - 1]!.slice(column - 1).match(/^\[\[[a-z_.]+\]\]/)?.[0]}`;
    });
    // "the coalition today has [[coalition.members]] members, [[coalition.arab_states]] of them Arab",
    // resting on the article's "89 ... 11": both references named
    expect(at).toContain('content/article.yaml:[[coalition.members]]');
    expect(at).toContain('content/article.yaml:[[coalition.arab_states]]');
    // "Syria will be member [[syria.member_number]]": still 90, but told before Syria joined
    expect(at).toContain('content/article.yaml:[[syria.member_number]]');
    const told = drift.find((d) => d.message.includes('(syria.member_number)'))!;
    expect(told.message).toContain('as the article told it, before Syria joined: the data lists it as a member since 2025-11-11, after the article (2025-11-03)');
    // the speaker notes tell it too («وبذلك ستكون سوريا العضو رقم 90»): named, though notes have no basis
    const notes = drift.filter((d) => d.message.startsWith('These notes print "') && d.message.includes('(syria.member_number)'));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    for (const d of notes) expect(article[d.location!.start!.line - 1]).toMatch(/^\s+notes: ".*\[\[syria\.member_number\]\]/);
    for (const d of drift) expect(d.source).toBeDefined();
    const shared = drift.find((d) => d.message.includes('(coalition.members)'))!;
    expect(shared.message).toContain('as 90, from the data, but the sentence it rests on says 89');
  });

  it('names each text that tells Syria’s joining as still to come («تعتزم»), which prints no figure to follow the data (MJZ176)', async () => {
    const article = (await readFile(path.join(root, 'content/article.yaml'), 'utf8')).split('\n');
    const toCome = (r: DeckResult) => r.diagnostics.filter((d) => d.code === 'MJZ176');
    expect(toCome(before.get('briefing')!)).toEqual([]);
    const told = toCome(after.get('briefing')!).map((d) => [article[d.location!.start!.line - 1]!.trim().split(' ').slice(0, 4).join(' '), article[d.location!.start!.line - 1]!.slice(d.location!.start!.column - 1).split(/\s/)[0]]);
    expect(told).toEqual([
      ['heading: "سوريا تعتزم الانضمام', 'تعتزم'],
      ['- text: "تعتزم الحكومة', 'تعتزم'],
    ]);
    // the public summary's point is the media deck's: only it is told (a deck hears of the texts it shows)
    const media = toCome(after.get('media')!).map((d) => article[d.location!.start!.line - 1]!.trim().split(' ').slice(0, 4).join(' '));
    expect(media).toContain('- text: "تعتزم سوريا');
    for (const a of audiences.filter((x) => x !== 'media')) {
      expect(toCome(after.get(a)!).map((d) => d.location!.start!.line), a).not.toContain(media.length ? toCome(after.get('media')!).find((d) => article[d.location!.start!.line - 1]!.includes('- text: "تعتزم سوريا'))!.location!.start!.line : -1);
    }
    expect(toCome(after.get('briefing')!)[0]!.message).toBe("This text tells Syria's joining as still to come («تعتزم»), as the article did: the data lists Syria as a member since 2025-11-11, after the article (2025-11-03)");
  });

  it('tells a deck of the texts it shows only: the public summary, which only the media deck draws, is the media deck\'s', async () => {
    const article = (await readFile(path.join(root, 'content/article.yaml'), 'utf8')).split('\n');
    const summary = article.findIndex((line) => line.trim() === 'public-summary:') + 1;
    const next = article.findIndex((line, i) => i >= summary && /^  [a-z-]+:$/.test(line));
    const inSummary = (r: DeckResult) => r.diagnostics.filter((d) => ['MJZ148', 'MJZ176'].includes(d.code) && d.location!.start!.line > summary && (next === -1 || d.location!.start!.line <= next)).map((d) => d.code);
    // («ستكون سوريا العضو رقم 90 في التحالف», one of them, is also the start of a point the briefing shows: not the same text)
    expect(inSummary(after.get('media')!).sort()).toEqual(['MJZ148', 'MJZ176']);
    for (const a of audiences.filter((x) => x !== 'media')) expect(inSummary(after.get(a)!), a).toEqual([]);
  });

  it('stops saying the grouping matches the article once it no longer does', () => {
    const notes = (a: string) => after.get(a)!.spec!.slides.filter((s) => s.kind === 'chart' && s.chart.type === 'bar').map((s) => s.notes ?? '');
    const beforeNotes = before.get('briefing')!.spec!.slides.filter((s) => s.kind === 'chart' && s.chart.type === 'bar').map((s) => s.notes ?? '');
    expect(beforeNotes.join()).toContain('التصنيف يطابق أرقام المقال');
    expect(notes('briefing').join()).not.toContain('التصنيف يطابق أرقام المقال');
    expect(notes('briefing').join()).toContain('وفق البيانات الحالية: 36 دولة أوروبية و12 دولة عربية');
    // nor on the slides: the chart's own note, in every audience that draws it, and the media
    // deck's figure cards (12 Arab states is the data's count, not the article's 11)
    const shown = (a: string, which: typeof before) => strings(which.get(a)!.spec!.slides).join('\n');
    for (const a of ['briefing', 'media']) {
      expect(shown(a, before), a).toContain('ويطابق أرقام المقال');
      expect(shown(a, after), a).not.toContain('يطابق أرقام المقال');
      expect(shown(a, after), a).toContain('والأعداد وفق البيانات الحالية');
    }
    const cards = (which: typeof before) => which.get('media')!.spec!.slides.flatMap((s) => (s.kind === 'stats' ? s.stats : []));
    expect(cards(before).map((c) => `${c.value} ${c.label}`)).toEqual(expect.arrayContaining(['36 دول أوروبية بحسب المقال', '11 دول عربية بحسب المقال']));
    expect(cards(after).map((c) => `${c.value} ${c.label}`)).toEqual(expect.arrayContaining(['36 دول أوروبية بحسب المقال', '12 دول عربية وفق البيانات الحالية']));
  });

  it('warns (MJZ175) where a template types words that make the article the source of a figure the data has moved on from', async () => {
    // none in the shipped templates, which write such words under asInArticle
    for (const a of audiences) expect(after.get(a)!.diagnostics.filter((d) => d.code === 'MJZ175'), a).toEqual([]);
    // the media deck's cards as they were written before: «دول عربية بحسب المقال» beside 12
    const deck = path.join(root, 'templates/media/deck.hbs');
    const shipped = await readFile(deck, 'utf8');
    const typed = shipped.replace(/label: "(دول (?:أوروبية|عربية)) \{\{#if \(asInArticle "[a-z_.]+"\)\}\}بحسب المقال\{\{else\}\}وفق البيانات الحالية\{\{\/if\}\}"/g, 'label: "$1 بحسب المقال"');
    expect(typed).not.toBe(shipped);
    await writeFile(deck, typed);
    try {
      const media = await buildDeck({ root, audience: 'media' });
      const warned = media.diagnostics.filter((d) => d.code === 'MJZ175');
      expect(warned.map((d) => [d.location?.file, d.location?.start?.line, d.message])).toEqual([
        ['templates/media/deck.hbs', typed.split('\n').findIndex((line) => line.includes('"دول عربية بحسب المقال"')) + 1, "«دول عربية بحسب المقال» on slide 3 says its figure is the article's, but coalition.arab_states shows 12, where the article states 11 (as content/facts.yaml records it, under stated), in the spec this template produced"],
      ]);
      expect(warned[0]!.hint).toMatch(/^Write these words under \{\{#if \(asInArticle "coalition\.arab_states"\)\}\}…\{\{else\}\}وفق البيانات الحالية\{\{\/if\}\}/);
    } finally {
      await writeFile(deck, shipped);
    }
  });

  it('shows 90 members in every audience’s text, charts and tables, and 89 nowhere', () => {
    for (const a of audiences) {
      const spec = after.get(a)!.spec!;
      // (source titles are quoted as published, S28 says "89 partners"; the growth chart keeps
      // its history: 89 at the end of the counted 2025)
      const text = strings(spec.slides.filter((s) => s.kind !== 'sources' && !(s.kind === 'chart' && s.chart.type === 'column'))).join('\n');
      // (a deck whose only count of members is on its sources slide, as the economy deck's, is held
      // only to the line below: 89 nowhere else)
      const counted = before.get(a)!.uses!.some((u) => u.key === 'coalition.members' && spec.slides[u.slide]?.kind !== 'sources');
      if (counted) expect(text, a).toMatch(/(^|[^\d٠-٩])(90|٩٠)([^\d٠-٩]|$)/);
      expect(text, a).not.toMatch(/(^|[^\d٠-٩])(89|٨٩)([^\d٠-٩]|$)/);
      for (const slide of spec.slides) {
        if (slide.kind !== 'chart' || slide.chart.type !== 'bar') continue;
        expect(slide.chart.series[0]!.values.reduce((x, y) => x + y, 0), a).toBe(90);
      }
    }
  });

  it('gives the growth chart Syria’s point from the data', () => {
    const growth = (r: DeckResult) => r.context!.data.growth;
    const b = growth(before.get('briefing')!);
    const g = growth(after.get('briefing')!);
    expect(g.values).toEqual([...b.values, 90]);
    expect(g.categories.at(-1)).toBe('انضمام سوريا');
    const chart = after.get('briefing')!.spec!.slides.find((s) => s.kind === 'chart' && s.chart.type === 'column');
    expect(chart?.kind === 'chart' && chart.chart.categories.at(-1)).toBe('انضمام سوريا');
    expect(chart?.kind === 'chart' && chart.chart.series[0]!.values.at(-1)).toBe(90);
  });

  it('names exactly the slides that changed, and the facts that moved', () => {
    for (const a of audiences) {
      const b = before.get(a)!;
      const n = after.get(a)!;
      const diff = diffManifests(b.manifest!, n.manifest!);
      const actuallyChanged = n.spec!.slides.flatMap((s, i) => (JSON.stringify(s) === JSON.stringify(b.spec!.slides[i]) ? [] : [i + 1]));
      expect(diff.changed.map((c) => c.after.n), a).toEqual(actuallyChanged);
      expect(diff.added, a).toEqual([]);
      expect(diff.removed, a).toEqual([]);
      // the deck-level summary names the facts this deck shows
      if (b.manifest!.facts['coalition.members']) expect(diff.facts.find((f) => f.key === 'coalition.members'), a).toMatchObject({ before: 89, after: 90 });
      for (const f of diff.facts) expect(Object.hasOwn(n.manifest!.facts, f.key) || Object.hasOwn(b.manifest!.facts, f.key), `${a}: ${f.key}`).toBe(true);
      // every slide that showed the member count is reported with 89 → 90
      const showed = b.manifest!.slides.filter((s) => s.facts['coalition.members']).map((s) => s.n);
      const reported = diff.changed.filter((c) => c.facts.some((f) => f.key === 'coalition.members' && f.before === 89 && f.after === 90)).map((c) => c.after.n);
      expect(reported, a).toEqual(showed);
    }
  });

  it('names the chart points that moved, and prints the report the README shows', async () => {
    const diff = diffManifests(before.get('briefing')!.manifest!, after.get('briefing')!.manifest!);
    const chart = (n: number) => diff.changed.find((c) => c.after.n === n)?.chart;
    // the composition chart: the Arab bar, a data figure and no fact of its own
    expect(chart(4)).toEqual({ series: [], points: [{ category: 'دول عربية آسيوية ومصر', series: 'عدد الأعضاء', before: 11, after: 12 }], reordered: false });
    // the growth chart: Syria's column keeps its 90, under the label of a member that joined
    expect(chart(5)).toEqual({ series: [], points: [{ category: 'انضمام سوريا', was: 'بانضمام سوريا', series: 'عدد الأعضاء', before: 90, after: 90 }], reordered: false });
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const shown = /```\n\$ npx mujaz diff before\.pptx output\/briefing\.pptx\n([\s\S]*?)```/.exec(readme);
    expect(shown, 'README shows the report').not.toBeNull();
    // (the report isolates its Arabic text for terminals that lay it out right to left; the README shows the text)
    expect(formatDiff(diff).replace(/[\u2068\u2069]/g, '')).toBe(shown![1]!.trimEnd());
  });

  it('builds byte-identical decks again', async () => {
    for (const a of audiences) {
      const again = await buildDeck({ root, audience: a });
      expect(Buffer.from(again.bytes!).equals(Buffer.from(after.get(a)!.bytes!)), a).toBe(true);
    }
  });
});
