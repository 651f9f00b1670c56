import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/index.js';
import { replaceOnce, tempProject } from '../helpers/project.js';

/** The ids a deck's sources slides list. */
const listed = (spec: { slides: { kind: string; items?: (string | { text: string })[] }[] }) =>
  spec.slides.flatMap((s) => (s.kind === 'sources' ? s.items! : [])).map((item) => /^([A-Z]+\d+)/.exec(typeof item === 'string' ? item : item.text)?.[1]);

describe('sources slides list the sources of the facts the deck shows', () => {
  it("a fact's own source is listed by the decks that show the fact, not by the others", async () => {
    const root = await tempProject();
    const facts = path.join(root, 'content/facts.yaml');
    // ffis.projects is stated by a report of its own; the briefing shows it, the leadership deck does not
    await writeFile(facts, replaceOnce(await readFile(facts, 'utf8'), '      value: 1100\n      source: A1', '      value: 1100\n      source: U1'));
    const sources = path.join(root, 'content/sources.yaml');
    await writeFile(sources, `${await readFile(sources, 'utf8')}  - id: U1\n    kind: report\n    title: "تقرير برنامج الأمم المتحدة الإنمائي"\n`);
    const briefing = await buildDeck({ root, audience: 'briefing' });
    const leadership = await buildDeck({ root, audience: 'leadership' });
    expect(briefing.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(briefing.usedFacts).toContain('ffis.projects');
    expect(leadership.usedFacts).not.toContain('ffis.projects');
    expect(listed(briefing.spec!)).toContain('U1');
    expect(listed(leadership.spec!)).not.toContain('U1');
    // the article and the dataset stay listed
    expect(listed(leadership.spec!)).toEqual(expect.arrayContaining(['A1', 'D1']));
    expect(leadership.bytes).toBeDefined();
  });
});
