import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceNames, loadAudience } from '../../src/audience/load.js';
import type { SourceFile } from '../../src/diagnostics/yaml-source.js';
import { REPO } from '../helpers/project.js';

/**
 * The precedence of an audience's parts, one small fixture per rule (see README,
 * "Customise for your audience"):
 *   theme values: the audience's own > the audience it extends > ... (merged key by key; lists replace)
 *   deck.hbs:     the audience's own > the nearest one up the extends chain
 *   partials:     the audience's own > its parents' > templates/_shared/partials
 */
const BASE_THEME = `label: "أساس"
description: base
digits: western
fonts: { heading: Amiri, body: Amiri }
colors: { primary: "111111", onPrimary: "FFFFFF", accent: "222222", text: "333333", muted: "444444", background: "FFFFFF", surface: "EEEEEE", highlight: "AA0000", chart: ["111111", "222222", "333333"] }
sizes: { title: 30, body: 20, small: 12, footer: 10, big: 50 }
`;

function project(files: Record<string, string>): Map<string, SourceFile> {
  return new Map(Object.entries(files).map(([p, text]) => [p, { path: p, text }]));
}

const base = {
  'templates/base/theme.yaml': BASE_THEME,
  'templates/base/deck.hbs': 'base deck',
  'templates/base/partials/slide.hbs': 'base slide',
  'templates/_shared/partials/slide.hbs': 'shared slide',
  'templates/_shared/partials/footer.hbs': 'shared footer',
};

describe('a theme\'s fonts', () => {
  it('warns of a font spelt like a known one (Amiriy), at its line, in the theme that names it; not of a known one in any case, nor of another font', () => {
    const child = (fonts: string) => loadAudience('child', project({ ...base, 'templates/child/theme.yaml': `extends: base\nfonts:\n${fonts}` })).diagnostics;
    expect(child('  heading: Amiriy\n  body: noto naskh arabik\n').map((d) => [d.code, d.severity, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['MJZ158', 'warning', 3, 12, 'The font "Amiriy" (fonts.heading in the theme of "child") is spelt like "Amiri", not as it'],
      ['MJZ158', 'warning', 4, 9, 'The font "noto naskh arabik" (fonts.body in the theme of "child") is spelt like "Noto Naskh Arabic", not as it'],
    ]);
    expect(child('  heading: amiri\n  body: Tajawal\n')).toEqual([]);
    // other faces of a family, and fonts of their own, spelt as meant
    for (const fonts of ['  heading: Noto Naskh Arabic UI\n  body: Noto Sans Arabic UI\n', '  heading: DejaVu Serif\n  body: DejaVu Sans Mono\n', '  heading: Noto Sans Arabic Light\n  body: Noto Kufi Arabic Black\n', '  heading: Amiri Quran\n  body: Arial\n']) {
      expect(child(fonts), fonts).toEqual([]);
    }
    expect(loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\n' })).diagnostics).toEqual([]);
  });
});

describe('audience precedence', () => {
  it('theme: a colour written #5A1A2B without quotes is a YAML comment, and the hint says so', () => {
    const theme = `extends: base\ncolors:\n  primary: #5A1A2B\n`;
    const { diagnostics } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': theme }));
    expect(diagnostics[0]).toMatchObject({ code: 'MJZ111', location: { file: 'templates/child/theme.yaml', start: { line: 3 } } });
    expect(diagnostics[0]?.hint).toBe('YAML reads "#5A1A2B" as a comment, since it starts with # after a space: write the colour without # and in double quotes, "5A1A2B".');
    const noted = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': `extends: base\ncolors:\n  primary: #5A1A2B   # the brand colour\n` }));
    expect(noted.diagnostics[0]?.hint).toMatch(/write the colour without # and in double quotes, "5A1A2B"\.$/);
  });

  it('theme: a label cut by an unquoted " #" is MJZ168 at the #, and the audience is not built', () => {
    const { diagnostics, audience } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: إحاطة دبلوماسية #رسمي\n' }));
    expect(audience).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'MJZ168', severity: 'error', location: { file: 'templates/child/theme.yaml', start: { line: 2, column: 24 } } }]);
    expect(diagnostics[0]?.hint).toMatch(/^Put the text in double quotes, the # inside them: label: "إحاطة دبلوماسية #رسمي"\./);
  });

  it('theme: a label that ends with a quote never opened is MJZ173 at the quote, and the audience is not built', () => {
    const { diagnostics, audience } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: إحاطة للجنة الشؤون الخارجية"\nmarking: «للاستخدام الرسمي»\n' }));
    expect(audience).toBeUndefined();
    expect(diagnostics).toMatchObject([{ code: 'MJZ173', severity: 'error', location: { file: 'templates/child/theme.yaml', start: { line: 2, column: 35 } } }]);
    expect(diagnostics[0]?.hint).toMatch(/^Add the opening quote where the text begins: label: "إحاطة للجنة الشؤون الخارجية"\./);
  });

  it.each([
    ['"#0B5D3B"', 'Drop the #: "0B5D3B".'],
    ['"#0b5"', 'Write all six digits: "00BB55".'],
    ['"0B5D3B "', 'Remove the spaces: "0B5D3B".'],
    ['green', 'Give the colour as six hexadecimal digits (0–9, A–F) in double quotes, e.g. "1F3A5F", as a colour picker shows it without its #.'],
  ])('theme: a colour written %s is MJZ111 with how to write it', (written, hint) => {
    const { diagnostics } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': `extends: base\ncolors:\n  primary: ${written}\n` }));
    expect(diagnostics).toMatchObject([{ code: 'MJZ111', message: expect.stringContaining('write colours as six hex digits'), hint, location: { file: 'templates/child/theme.yaml', start: { line: 3, column: 12 } } }]);
  });

  it('theme: a label left as the audience it extends has it is a warning at the label line', () => {
    const copied = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: "أساس"\n' }));
    expect(copied.audience).toBeDefined();
    expect(copied.diagnostics).toMatchObject([{ code: 'MJZ156', severity: 'warning', location: { file: 'templates/child/theme.yaml', start: { line: 2 } } }]);
    // its own label, or none (shared on purpose): nothing to say
    expect(loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: "فرع"\n' })).diagnostics).toEqual([]);
    expect(loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\n' })).diagnostics).toEqual([]);
  });

  it('theme: a label another audience also writes as its own is a warning on both, however it is written', () => {
    const copy = (label: string) => ({
      'templates/base/theme.yaml': BASE_THEME.replace('label: "أساس"', `label: ${label}`),
      'templates/base/deck.hbs': 'base deck',
      'templates/copy/theme.yaml': BASE_THEME.replace('label: "أساس"', `label: ${label}`),
      'templates/copy/deck.hbs': 'copy deck',
    });
    for (const [written, value] of [['"أساس"', 'أساس'], ['"إحاطة \\"كاملة\\""', 'إحاطة "كاملة"'], ['>-\n  إحاطة\n  كاملة', 'إحاطة كاملة'], ["'أساس' # a comment", 'أساس']] as const) {
      const files = project(copy(written));
      for (const [name, twin] of [['base', 'copy'], ['copy', 'base']] as const) {
        const { audience, diagnostics } = loadAudience(name, files);
        expect(audience?.theme.label).toBe(value);
        expect(diagnostics, written).toMatchObject([{ code: 'MJZ156', severity: 'warning', message: `The audiences "${name}" and "${twin}" have the same label ("${value}"), shown on their title slides: both decks would claim the same readers`, location: { file: `templates/${name}/theme.yaml`, start: { line: 1 } } }]);
      }
    }
    // not with an audience that cannot build, nor between an audience and one that builds on it
    const broken = project({ ...copy('"أساس"'), 'templates/copy/theme.yaml': `extends: nosuch\nlabel: "أساس"\n` });
    expect(loadAudience('base', broken).diagnostics).toEqual([]);
    const child = project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: "أساس"\n' });
    expect(loadAudience('base', child).diagnostics).toEqual([]);
    expect(loadAudience('child', child).diagnostics.map((d) => d.message)).toEqual(['The audience "child" has the same label as "base" ("أساس"), shown on its title slide: both decks would claim the same readers']);
  });

  it('lists the audiences, not _shared', () => {
    expect(audienceNames(project({ ...base, 'templates/child/theme.yaml': 'extends: base\n' }))).toEqual(['base', 'child']);
  });

  it('theme: the audience’s value wins; the rest comes from the audience it extends', () => {
    const { audience, diagnostics } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\nlabel: "فرع"\ncolors: { primary: "ABCDEF" }\n' }));
    expect(diagnostics).toEqual([]);
    expect(audience?.theme.label).toBe('فرع');
    expect(audience?.theme.colors.primary).toBe('ABCDEF');
    expect(audience?.theme.colors.accent).toBe('222222'); // merged key by key
    expect(audience?.theme.description).toBe('base');
    expect(audience?.chain).toEqual(['child', 'base']);
  });

  it('theme: a list replaces the list it overrides', () => {
    const { audience } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\ncolors: { chart: ["000000", "FFFFFF", "777777", "888888"] }\n' }));
    expect(audience?.theme.colors.chart).toEqual(['000000', 'FFFFFF', '777777', '888888']);
  });

  it('deck.hbs: the audience’s own wins over its parent’s', () => {
    const files = project({ ...base, 'templates/child/theme.yaml': 'extends: base\n', 'templates/child/deck.hbs': 'child deck' });
    expect(loadAudience('child', files).audience?.deck.text).toBe('child deck');
  });

  it('deck.hbs: without its own, the audience uses the nearest up the chain', () => {
    const files = project({ ...base, 'templates/mid/theme.yaml': 'extends: base\n', 'templates/child/theme.yaml': 'extends: mid\n' });
    expect(loadAudience('child', files).audience?.deck.path).toBe('templates/base/deck.hbs');
  });

  it('partials: the audience’s own over its parent’s over the shared ones', () => {
    const files = project({ ...base, 'templates/child/theme.yaml': 'extends: base\n', 'templates/child/partials/footer.hbs': 'child footer' });
    const partials = loadAudience('child', files).audience!.partials;
    expect(partials.get('slide')?.text).toBe('base slide'); // parent over shared
    expect(partials.get('footer')?.text).toBe('child footer'); // own over shared
    expect(loadAudience('base', files).audience!.partials.get('footer')?.text).toBe('shared footer');
  });

  it('reports a theme field that no audience in the chain sets', () => {
    const { diagnostics } = loadAudience('solo', project({ 'templates/solo/theme.yaml': 'label: "x"\ndescription: x\ndigits: western\n', 'templates/solo/deck.hbs': '' }));
    expect(diagnostics[0]?.message).toMatch(/does not set fonts/);
    expect(diagnostics[0]?.location?.file).toBe('templates/solo/theme.yaml');
  });

  it('points a field missing under a key the theme has at that key, and says what it takes', () => {
    const briefing = readFileSync(path.join(REPO, 'templates/briefing/theme.yaml'), 'utf8');
    const theme = briefing.replace(/\n  title: 30\n/, '\n');
    const { diagnostics } = loadAudience('solo', project({ 'templates/solo/theme.yaml': theme, 'templates/solo/deck.hbs': '' }));
    const sizesLine = theme.split('\n').indexOf('sizes:') + 1;
    expect(diagnostics.map((d) => [d.message, d.location?.start?.line, d.location?.start?.column])).toEqual([['The theme of "solo" does not set sizes.title (a number)', sizesLine, 1]]);
    expect(diagnostics[0]?.source).toBe(theme);
    const noSizes = loadAudience('solo', project({ 'templates/solo/theme.yaml': briefing.replace(/\nsizes:\n(?: {2}.*\n)*/, '\n'), 'templates/solo/deck.hbs': '' }));
    expect(noSizes.diagnostics.map((d) => d.message)).toEqual(['The theme of "solo" does not set sizes (a mapping)']);
  });

  it('reports extends loops and unknown parents', () => {
    const loop = loadAudience('a', project({ 'templates/a/theme.yaml': 'extends: b\n', 'templates/b/theme.yaml': 'extends: a\n' }));
    expect(loop.diagnostics[0]).toMatchObject({ code: 'MJZ152', message: 'Audiences extend each other in a circle: a → b → a', location: { file: 'templates/b/theme.yaml', start: { line: 1, column: 10 } } });
    const unknown = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'label: "x"\nextends: bsae\n' }));
    expect(unknown.diagnostics[0]).toMatchObject({ code: 'MJZ150', hint: 'Did you mean "base"?', location: { file: 'templates/child/theme.yaml', start: { line: 2, column: 10 } } });
  });

  it('locates a wrong theme value in the file that has it', () => {
    const { diagnostics } = loadAudience('child', project({ ...base, 'templates/child/theme.yaml': 'extends: base\ndigits: hindi\n' }));
    expect(diagnostics[0]).toMatchObject({ code: 'MJZ111', location: { file: 'templates/child/theme.yaml', start: { line: 2, column: 9 } } });
  });

  it('names the known audiences for an unknown one', () => {
    const { diagnostics } = loadAudience('bsae', project(base));
    expect(diagnostics[0]?.hint).toBe('Did you mean "base"? Known audiences: base.');
  });
});
