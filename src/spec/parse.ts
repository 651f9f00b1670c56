import { collapseRepeats, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { checkSchema, describePath } from '../diagnostics/schema.js';
import { toTemplate, type Origin } from '../expand/origins.js';
import { locate, parseYaml, withValue, type KnownValues } from '../diagnostics/yaml-source.js';
import type { Code } from '../diagnostics/codes.js';
import { DeckSpecSchema, type DeckSpec } from './schema.js';
import { extractFactUses, type FactUse } from '../facts/markers.js';

/** A problem a later stage finds in a valid spec, at a place of it (reported at the template line that wrote it). */
export interface SpecProblem {
  code: Code;
  severity: 'error' | 'warning';
  message: string;
  hint?: string;
  path: (string | number)[];
  /** Where it was written, when that is not the template line that produced the spec there (a text of the outline the spec shows as written). */
  at?: { location: Location; source?: string };
}

/**
 * Stage 4: the spec text a template produced, parsed and validated. Locations point into the
 * generated text, named after the template that produced it; the audience is attached. `check`
 * finds what only a later stage knows of a valid spec (a list too long for its slide in the
 * audience's theme), reported the same way.
 */
export function parseSpec(
  text: string,
  origin: { template: string; audience: string; origins?: readonly (Origin | undefined)[] },
  check: (spec: DeckSpec, uses: readonly FactUse[]) => SpecProblem[] = () => [],
  known?: KnownValues,
): { spec?: DeckSpec; uses: FactUse[]; diagnostics: Diagnostic[] } {
  const parsed = parseYaml({ path: `${origin.template} (output)`, text }, known);
  const tag = (d: Diagnostic): Diagnostic => {
    const tagged = { ...d, code: d.code === 'MJZ100' || d.code === 'MJZ101' || d.code === 'MJZ102' ? 'MJZ170' : d.code, audience: origin.audience };
    return origin.origins ? toTemplate(tagged, origin.origins, d.path ? describePath(d.path) : '') : tagged;
  };
  if (parsed.diagnostics.length === 1 && parsed.diagnostics[0]!.code === 'MJZ102') {
    // (nothing to place it at in the output: the template wrote no spec at all, or only comments)
    const empty: Diagnostic = {
      code: 'MJZ170',
      severity: 'error',
      message: `${origin.template} wrote no deck spec: what it produced is empty${text.trim() ? ' but for comments' : ''}`,
      hint: 'A deck template writes the deck spec: deck: with its title, then slides: with the list of slides (docs/authors-guide.md shows its shape); `npx mujaz build --emit spec` shows what a template wrote.',
      location: { file: origin.template, start: { line: 1, column: 1 } },
      source: text,
      audience: origin.audience,
    };
    return { uses: [], diagnostics: [empty] };
  }
  // (a stray --- line, placed at its own line of the template: origins.ts tags it; said as a template's mistake)
  const secondDocument = (d: Diagnostic): Diagnostic | undefined => {
    if (d.code !== 'MJZ100' || !d.message.startsWith('The file holds a second YAML document')) return undefined;
    const placed = tag(d);
    const marker = placed.source?.split('\n')[(placed.location?.start?.line ?? 0) - 1]?.trim();
    return { ...placed, message: `${marker === '...' ? 'A ... line' : 'A --- line'} ends the deck spec here: what follows it would be a second YAML document`, hint: `A deck spec is one YAML document: remove the ${marker === '...' ? '...' : '---'} line from the template.` };
  };
  if (parsed.diagnostics.length) return { uses: [], diagnostics: parsed.diagnostics.map((d) => secondDocument(d) ?? tag(d)) };
  const { spec: clean, uses } = extractFactUses(parsed.value);
  const checked = checkSchema(DeckSpecSchema, withValue(parsed, clean), 'the deck spec');
  // (each with its hint: the template stage adds to it where to see the spec)
  // (the path only places it: its message names the slide, in words)
  // (one located elsewhere, in the outline, is only told its audience)
  const later = checked.value
    ? check(checked.value, uses).map(({ path, at, ...p }): Diagnostic => (at ? { ...p, ...at, audience: origin.audience } : tag({ ...p, source: text, location: locate(parsed, path) })))
    : [];
  return { spec: checked.value, uses, diagnostics: collapseRepeats([...checked.diagnostics.map(tag), ...later]) };
}
