import { collapseRepeats, type Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema, describePath } from '../diagnostics/schema.js';
import { toTemplate, type Origin } from '../expand/origins.js';
import { parseYaml, withValue } from '../diagnostics/yaml-source.js';
import { DeckSpecSchema, type DeckSpec } from './schema.js';
import { extractFactUses, type FactUse } from '../facts/markers.js';

/**
 * Stage 4: the spec text a template produced, parsed and validated. Locations point into the
 * generated text, named after the template that produced it; the audience is attached.
 */
export function parseSpec(
  text: string,
  origin: { template: string; audience: string; origins?: readonly (Origin | undefined)[] },
): { spec?: DeckSpec; uses: FactUse[]; diagnostics: Diagnostic[] } {
  const parsed = parseYaml({ path: `${origin.template} (output)`, text });
  const tag = (d: Diagnostic): Diagnostic => {
    const tagged = { ...d, code: d.code === 'MJZ100' || d.code === 'MJZ101' || d.code === 'MJZ102' ? 'MJZ170' : d.code, audience: origin.audience };
    return origin.origins ? toTemplate(tagged, origin.origins, d.path ? describePath(d.path) : '') : tagged;
  };
  if (parsed.diagnostics.length) return { uses: [], diagnostics: parsed.diagnostics.map(tag) };
  const { spec: clean, uses } = extractFactUses(parsed.value);
  const checked = checkSchema(DeckSpecSchema, withValue(parsed, clean), 'the deck spec');
  return { spec: checked.value, uses, diagnostics: collapseRepeats(checked.diagnostics.map(tag)) };
}
