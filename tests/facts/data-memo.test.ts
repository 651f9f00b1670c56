/**
 * The data figures (members counted, groups, growth) are computed again only when what they
 * read changes: the dataset, the groupings or the article's date. A save of the outline or the
 * facts reuses them (src/build.ts, dataFiguresOf).
 */
import { describe, expect, it } from 'vitest';
import { prepareContent } from '../../src/build.js';
import { computeDataFigures } from '../../src/facts/data.js';
import { shippedContent } from '../helpers/project.js';

describe('data figures between rebuilds', () => {
  it('are reused after an edit of the outline, and computed again after one of the dataset or the article date', async () => {
    const files = await shippedContent();
    const edit = (name: string, from: string, to: string) => {
      const next = new Map(files);
      const file = next.get(name)!;
      expect(file.text).toContain(from);
      next.set(name, { ...file, text: file.text.replace(from, to) });
      return next;
    };
    const first = prepareContent(files);
    expect(first.diagnostics).toEqual([]);
    const outline = prepareContent(edit('content/article.yaml', 'ماذا يعني؟', 'ماذا يعني ذلك؟'));
    expect(outline.content).not.toBe(first.content);
    expect(outline.data).toBe(first.data);

    // each of what they read, changed alone after a build of the shipped content
    const cases: [string, string, string][] = [
      ['content/data/coalition-members.yaml', '- slot: 85th member', '- slot: 85th  member'],
      ['content/data/groups.yaml', 'composition:', 'composition:  '],
      ['content/article.yaml', 'date: "2025-11-03"', 'date: "2020-01-01"'],
    ];
    for (const [name, from, to] of cases) {
      const base = prepareContent(files);
      const changed = prepareContent(edit(name, from, to));
      expect(changed.data, name).not.toBe(base.data);
      expect(changed.data, name).toEqual(computeDataFigures(changed.content!).data);
    }
    expect(prepareContent(edit('content/article.yaml', 'date: "2025-11-03"', 'date: "2020-01-01"')).data!.growth.length).toBeLessThan(first.data!.growth.length);
  });
});
