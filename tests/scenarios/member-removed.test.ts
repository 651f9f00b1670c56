import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, listAudiences, type DeckResult } from '../../src/index.js';
import { tempProject } from '../helpers/project.js';

/**
 * "A member removed" (the README's example: Togo taken out of the member list): the coalition is
 * 88 in the data, where the article says 89, and Syria would be the 89th. The decks follow the
 * data, warn that it no longer gives the article's figures (MJZ140, MJZ148), and the shipped
 * templates claim none of the new figures for the article: no «كما يتوقع المقال» beside 89, no
 * «بحسب المقال» over a list that prints it without saying the figures are the current data's.
 */
let root: string;
const built = new Map<string, DeckResult>();

beforeAll(async () => {
  root = await tempProject();
  const data = path.join(root, 'content/data/coalition-members.yaml');
  const text = await readFile(data, 'utf8');
  const togo = /^- en: Togo\n(?: .*\n)*/m.exec(text);
  expect(togo?.[0]).toContain('iso2: TG');
  await writeFile(data, text.replace(togo![0], ''));
  for (const a of await listAudiences(root)) built.set(a, await buildDeck({ root, audience: a }));
}, 120_000);

afterAll(() => rm(root, { recursive: true, force: true }));

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(strings) : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('a member removed from the data', () => {
  it('builds every deck, warning only that the data no longer gives the article’s figures (no MJZ175 from the shipped templates)', () => {
    expect(built.size).toBeGreaterThanOrEqual(5);
    for (const [a, r] of built) {
      expect(r.bytes, a).toBeDefined();
      expect([...new Set(r.diagnostics.map((d) => d.code))].filter((c) => c !== 'MJZ140' && c !== 'MJZ148'), a).toEqual([]);
    }
  });

  it('says the growth chart’s last column and the summaries’ figures are the current data’s, not the article’s', () => {
    const briefing = built.get('briefing')!.spec!;
    const growth = briefing.slides.find((s) => s.kind === 'chart' && s.chart.type === 'column');
    expect(growth?.kind === 'chart' && growth.chart.note).toContain('العمود الأخير سوريا العضو رقم 89 وفق البيانات الحالية');
    for (const [a, r] of built) expect(strings(r.spec!.slides).join('\n'), a).not.toContain('كما يتوقع المقال');
    const summary = built.get('leadership')!.spec!.slides.find((s) => s.kind === 'bullets' && s.notes?.startsWith('الخلاصة بحسب المقال:'));
    expect(summary?.notes).toMatch(/^الخلاصة بحسب المقال:\n\(والأرقام وفق البيانات الحالية\)\n/);
    // (before the change, the same notes do not say it: the figures were the article's)
    expect(strings(built.get('media')!.spec!.slides).join('\n')).toContain('والأعداد وفق البيانات الحالية');
  });
});

describe('the unidentified members all named', () => {
  it('says nothing of «غير محدد» once none is left: no bar, no «0 members whose names are unknown»', async () => {
    const dir = await tempProject();
    try {
      const data = path.join(dir, 'content/data/coalition-members.yaml');
      const text = await readFile(data, 'utf8');
      // (four members named in the slots' place, each with a source of the dataset's)
      const named = ['AA', 'AB', 'AC', 'AD'].map((iso, i) => `- en: Member ${i + 1}\n  ar: عضو ${i + 1}\n  iso2: ${iso}\n  kind: state\n  group: africa\n  joined: '2023-01-01'\n  sources:\n  - S25\n  confidence: high\n`).join('');
      const slots = text.slice(text.indexOf('unidentified_members:\n- slot'), text.indexOf('after_article:\n'));
      await writeFile(data, text.replace(slots, `${named}unidentified_members: []\n`).replace('  unidentified_members: 4\n', '  unidentified_members: 0\n'));
      const r = await buildDeck({ root: dir, audience: 'briefing' });
      expect(r.spec, r.diagnostics.map((d) => d.message).join('\n')).toBeDefined();
      const composition = r.spec!.slides.find((s) => s.kind === 'chart' && s.chart.type === 'bar')!;
      expect(composition.kind === 'chart' && composition.chart.categories).not.toContain('غير محدد');
      expect(strings(composition).join('\n')).not.toMatch(/غير محدد|لم تُعرف أسماء/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
