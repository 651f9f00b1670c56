import { describe, expect, it } from 'vitest';
import { loadAudience } from '../../src/audience/load.js';
import { withLineEnds, type SourceFile } from '../../src/diagnostics/yaml-source.js';

describe('withLineEnds', () => {
  it('gives the same map back for the same files, and a new one once a file of the map is changed', () => {
    const files = new Map<string, SourceFile>([['a.yaml', { path: 'a.yaml', text: 'a: 1\r' }], ['b.yaml', { path: 'b.yaml', text: 'b: 2\n' }]]);
    const first = withLineEnds(files);
    expect(first.get('a.yaml')?.text).toBe('a: 1\n');
    expect(withLineEnds(files)).toBe(first);
    // a library caller may change the map it passed (a file replaced, added or removed)
    files.set('b.yaml', { path: 'b.yaml', text: 'b: 3\r' });
    const second = withLineEnds(files);
    expect(second).not.toBe(first);
    expect(second.get('b.yaml')?.text).toBe('b: 3\n');
    files.delete('a.yaml');
    expect([...withLineEnds(files).keys()]).toEqual(['b.yaml']);
    // or a file edited in place
    const third = withLineEnds(files);
    files.get('b.yaml')!.text = 'b: 4\r';
    expect(withLineEnds(files)).not.toBe(third);
    expect(withLineEnds(files).get('b.yaml')?.text).toBe('b: 4\n');
  });

  it('so an audience resolved from a map is resolved again once a template of that map changes', () => {
    const theme = (label: string) => `label: "${label}"\ndescription: d\ndigits: western\nfonts: { heading: Amiri, body: Amiri }\ncolors: { primary: "111111", onPrimary: "FFFFFF", accent: "222222", text: "333333", muted: "444444", background: "FFFFFF", surface: "EEEEEE", highlight: "AA0000", chart: ["111111", "222222", "333333"] }\nsizes: { title: 30, body: 20, small: 12, footer: 10, big: 50 }\n`;
    const files = new Map<string, SourceFile>([
      ['templates/a/theme.yaml', { path: 'templates/a/theme.yaml', text: theme('أ') }],
      ['templates/a/deck.hbs', { path: 'templates/a/deck.hbs', text: 'deck' }],
    ]);
    expect(loadAudience('a', withLineEnds(files)).audience?.theme.label).toBe('أ');
    files.set('templates/a/theme.yaml', { path: 'templates/a/theme.yaml', text: theme('ب') });
    expect(loadAudience('a', withLineEnds(files)).audience?.theme.label).toBe('ب');
    files.get('templates/a/theme.yaml')!.text = theme('ج');
    expect(loadAudience('a', withLineEnds(files)).audience?.theme.label).toBe('ج');
  });
});
