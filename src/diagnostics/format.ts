import { CODES, type Code } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/** A few lines of source around the diagnostic, with a caret under the column. */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split(/\r\n|\r|\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return out.join('\n');
}

export function formatLocation(d: Diagnostic): string {
  const loc = d.location;
  if (!loc) return '';
  return loc.start ? `${loc.file}:${loc.start.line}:${loc.start.column}` : loc.file;
}

/** One diagnostic as the CLI prints it: "file:line:col: error MJZ110: message", frame, hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  const head = `${where ? `${where}: ` : ''}${d.severity} ${d.code}: ${d.message}${d.audience ? ` (audience: ${d.audience})` : ''}`;
  const parts = [head];
  if (d.source !== undefined && d.location?.start) {
    parts.push(codeFrame(d.source, d.location.start.line, d.location.start.column));
  }
  const hint = d.hint ?? CODES[d.code as Code]?.hint;
  if (hint) parts.push(`  hint: ${hint}`);
  return parts.join('\n');
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n\n');
}
