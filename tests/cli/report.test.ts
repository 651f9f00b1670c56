import { describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { CliContext, fromHere, groupByAudience, relative } from '../../src/cli/context.js';
import { formatDiagnostic, shellWord } from '../../src/diagnostics/format.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

describe('reporting a problem several audiences share', () => {
  const problem = (audience?: string, message = 'x'): Diagnostic => ({ code: 'MJZ168', severity: 'error', message, location: { file: 'templates/_shared/partials/a.hbs', start: { line: 3, column: 2 } }, audience });

  it('prints it once, naming every audience in the order they came', () => {
    const grouped = groupByAudience([problem('briefing'), problem('economy'), problem('briefing'), problem('media', 'y')]);
    expect(grouped.map((g) => formatDiagnostic(g.diagnostic).split('\n')[0])).toEqual([
      'templates/_shared/partials/a.hbs:3:2: error MJZ168: x (audiences: briefing, economy)',
      'templates/_shared/partials/a.hbs:3:2: error MJZ168: y (audience: media)',
    ]);
  });

  it('prints an error in a shared partial once, with every place it was included from', () => {
    const at = (audience: string, line: number) => problem(audience, `Template error in templates/_shared/partials/a.hbs: "thiss" is not defined here (included from templates/${audience}/deck.hbs:${line}:1)`);
    const grouped = groupByAudience([at('security', 20), at('parliament', 12), at('security', 20)]);
    expect(grouped.map((g) => formatDiagnostic(g.diagnostic).split('\n')[0])).toEqual([
      'templates/_shared/partials/a.hbs:3:2: error MJZ168: Template error in templates/_shared/partials/a.hbs: "thiss" is not defined here (included from templates/security/deck.hbs:20:1; templates/parliament/deck.hbs:12:1) (audiences: security, parliament)',
    ]);
    // included from one place: as it was
    expect(formatDiagnostic(groupByAudience([at('media', 7)])[0]!.diagnostic).split('\n')[0]).toMatch(/\(included from templates\/media\/deck\.hbs:7:1\) \(audience: media\)$/);
  });

  it('keeps a problem of no audience (the content) as it is', () => {
    expect(groupByAudience([problem(), problem()]).map((g) => g.diagnostic.audience)).toEqual([undefined]);
  });

  it('prints each audience’s problem when they are reported one audience at a time (watch)', () => {
    const cli = new CliContext({ opts: () => ({ quiet: true }) } as never);
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      cli.report([problem('briefing')]);
      cli.report([problem('economy')]);
      cli.report([problem('economy')]);
    } finally {
      spy.mockRestore();
    }
    expect(written.filter((w) => w.includes('MJZ168')).map((w) => /\(audience: (\w+)\)/.exec(w)?.[1])).toEqual(['briefing', 'economy']);
  });
});

describe('a diagnostic with control characters in it', () => {
  it('shows them as visible symbols on its first line, as in its code frame (a CR would send the cursor back over the place)', () => {
    const d: Diagnostic = { code: 'MJZ110', severity: 'error', message: 'Unknown key "source\rs"', hint: 'a\u0007b', location: { file: 'content/sources.yaml', start: { line: 1, column: 1 } }, source: 'source\rs: []\n' };
    const text = formatDiagnostic(d);
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
    expect(text.split('\n')[0]).toBe('content/sources.yaml:1:1: error MJZ110: Unknown key "source␍s"');
    expect(text).toContain('  hint: a␇b');
  });
});

describe('paths as the user opens them from the current folder', () => {
  const cwd = process.cwd();
  it('from here below it and below its parent, in full further away', () => {
    expect(relative(path.join(cwd, 'output/briefing.pptx'))).toBe(path.join('output', 'briefing.pptx'));
    expect(relative(path.join(path.dirname(cwd), 'proj/content/facts.yaml'))).toBe(path.join('..', 'proj/content/facts.yaml'));
    const far = path.join(path.dirname(path.dirname(cwd)), 'srv/decks/briefing.pptx');
    expect(relative(far)).toBe(far);
    expect(relative(cwd)).toBe('.');
  });

  it("a diagnostic's file, named from the project's root, is named from here", () => {
    const d: Diagnostic = { code: 'MJZ100', severity: 'error', message: 'x', location: { file: 'content/facts.yaml', start: { line: 3, column: 5 } } };
    expect(fromHere(d, '.').location?.file).toBe('content/facts.yaml');
    expect(fromHere(d, '../proj').location?.file).toBe(path.join('..', 'proj/content/facts.yaml'));
    expect(fromHere(d, 'decks/proj').location).toEqual({ file: path.join('decks/proj/content/facts.yaml'), start: { line: 3, column: 5 } });
    // an absolute file (the project folder itself, an output file) likewise
    expect(fromHere({ ...d, location: { file: path.join(cwd, 'out/x.pptx') } }, '../elsewhere').location?.file).toBe(path.join('out', 'x.pptx'));
    expect(fromHere({ code: 'MJZ150', severity: 'error', message: 'x' }, '../proj').location).toBeUndefined();
  });

  it('names the full paths its message and hint name from here too; the project\'s own files stay named from its root there', () => {
    const far = path.join(path.dirname(path.dirname(cwd)), 'srv/x');
    const d: Diagnostic = {
      code: 'MJZ123',
      severity: 'error',
      message: 'Missing content/facts.yaml',
      hint: `Give --root ${path.join(cwd, 'p')}, not ${path.join(cwd, 'p/q')} nor ${far}; or \`mujaz init ${path.join(cwd, 'p/q')}\`.`,
      location: { file: path.join(cwd, 'p/q') },
      related: [path.join(cwd, 'p'), far],
    };
    const shown = fromHere(d, 'proj');
    expect(shown.location?.file).toBe(path.join('p', 'q'));
    expect(shown.message).toBe('Missing content/facts.yaml');
    expect(shown.hint).toBe(`Give --root p, not ${path.join('p', 'q')} nor ${far}; or \`mujaz init ${path.join('p', 'q')}\`.`);
  });
});

describe('commands printed to be copied', () => {
  it('quote a folder name a shell would split or read otherwise', () => {
    expect(shellWord('proj/content')).toBe('proj/content');
    expect(shellWord('../my briefs')).toBe("'../my briefs'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    expect(shellWord('$HOME')).toBe("'$HOME'");
  });
});
