import { describe, expect, it } from 'vitest';
import { extractFactUses, markFact } from '../../src/facts/markers.js';
import { diffManifests, formatDiff, isEmpty } from '../../src/manifest/diff.js';
import { makeManifest } from '../../src/manifest/manifest.js';
import type { ResolvedFact } from '../../src/facts/resolve.js';
import type { DeckSpec } from '../../src/spec/schema.js';

const fact = (key: string, value: number): ResolvedFact => ({ key, label: key, type: 'number', value, origin: 'stated', sources: ['A1'], location: { file: 'content/facts.yaml' } });

function spec(members: number): DeckSpec {
  return {
    deck: { title: 'd', date: '2025-11-03' },
    slides: [
      { kind: 'title', title: 'عنوان', section: 'أ' },
      { kind: 'bullets', title: `الأعضاء ${members}`, section: 'ب', bullets: [`يضم ${members} عضواً`] },
      { kind: 'bullets', title: 'ثابت', section: 'ب', bullets: ['نص'] },
    ],
  } as DeckSpec;
}

describe('fact markers', () => {
  it('records the slide and element of every printed fact, and leaves no marker behind', () => {
    const raw = { deck: { title: 't' }, slides: [{ title: 'x' }, { title: markFact('a.b', '89'), bullets: ['x', `قبل ${markFact('c', '1,100')} بعد`] }] };
    const { spec: clean, uses } = extractFactUses(raw);
    expect(uses).toEqual([
      { key: 'a.b', slide: 1, element: 'title' },
      { key: 'c', slide: 1, element: 'bullets[1]' },
    ]);
    expect(JSON.stringify(clean)).not.toMatch(/[\uE000\uE001]/);
    expect(clean.slides[1]!.bullets![1]).toBe('قبل 1,100 بعد');
  });
});

describe('manifest and diff', () => {
  const uses = [{ key: 'members', slide: 1, element: 'title' }, { key: 'members', slide: 1, element: 'bullets[0]' }];
  const m89 = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) });
  const m90 = makeManifest('briefing', spec(90), uses, { members: fact('members', 90) });

  it('fingerprints each slide and lists the facts it shows', () => {
    expect(m89.slides.map((s) => s.id)).toEqual(['أ/title/1', 'ب/bullets/1', 'ب/bullets/2']);
    expect(m89.slides[1]!.facts).toEqual({ members: { value: 89, elements: ['title', 'bullets[0]'] } });
    expect(m89.slides[0]!.fingerprint).toBe(m90.slides[0]!.fingerprint);
    expect(m89.slides[1]!.fingerprint).not.toBe(m90.slides[1]!.fingerprint);
  });

  it('finds no difference between identical builds', () => {
    const d = diffManifests(m89, m89);
    expect(isEmpty(d)).toBe(true);
    expect(formatDiff(d)).toBe('no differences');
  });

  it('names the changed slide and the fact that moved', () => {
    const d = diffManifests(m89, m90);
    expect(d.changed.map((c) => c.after.n)).toEqual([2]);
    expect(d.changed[0]!.facts).toEqual([{ key: 'members', label: 'members', before: 89, after: 90 }]);
    expect(formatDiff(d)).toBe(['fact members (members): 89 → 90', '~ slide 2 bullets: الأعضاء 90', '    members (members): 89 → 90'].join('\n'));
  });

  it('says when the look of every slide changed (its theme or logo), which no slide’s spec holds', () => {
    const blue = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { colors: { primary: '17324D' } });
    const green = makeManifest('briefing', spec(89), uses, { members: fact('members', 89) }, { colors: { primary: '0B5D3B' } });
    expect(diffManifests(blue, green).look).toBe(true);
    expect(formatDiff(diffManifests(blue, green))).toBe('the look of every slide: its theme (colours, fonts, sizes, digits or logo)');
    expect(isEmpty(diffManifests(blue, blue))).toBe(true);
    expect(diffManifests(m89, green).look).toBe(false); // a manifest from before looks were kept: not said
  });

  it('names a fact whose unit changed, with the unit', () => {
    const withUnit = (unit?: string) => makeManifest('briefing', spec(89), uses, { members: { ...fact('members', 89), ...(unit ? { unit } : {}) } });
    const d = diffManifests(withUnit(), withUnit('%'));
    expect(d.facts).toEqual([{ key: 'members', label: 'members', before: 89, after: '89%' }]);
    expect(formatDiff(d)).toContain('fact members (members): 89 → 89%');
  });

  it('reports added and removed slides', () => {
    const longer = spec(89);
    longer.slides.push({ kind: 'sources', title: 'المصادر', section: 'ج', items: ['A1'], columns: 1 } as DeckSpec['slides'][number]);
    const m = makeManifest('briefing', longer, uses, { members: fact('members', 89) });
    expect(diffManifests(m89, m).added.map((s) => s.title)).toEqual(['المصادر']);
    expect(diffManifests(m, m89).removed.map((s) => s.title)).toEqual(['المصادر']);
  });
});
