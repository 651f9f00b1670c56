import { describe, expect, it } from 'vitest';
import { groupByAudience } from '../../src/cli/context.js';
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
});
