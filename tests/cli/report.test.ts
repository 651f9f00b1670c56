import { describe, expect, it, vi } from 'vitest';
import { CliContext, groupByAudience } from '../../src/cli/context.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
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
