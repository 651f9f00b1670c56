import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Content } from '../content/parse.js';
import { FACT_REF } from '../content/files.js';
import { outlineTexts } from '../content/outline.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';

/**
 * Facts that nothing shows: no template names them ("key" in a helper call), no outline text
 * refers to them ([[key]]), and no chart the templates draw is computed from them. A warning:
 * a fact nobody uses is often a typo or a figure that should be on a slide.
 */
export function unusedFacts(content: Content, templates: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const used = new Set<string>();
  for (const { text } of outlineTexts(content)) for (const m of text.matchAll(FACT_REF)) used.add(m[1]!);
  const templateText = [...templates.values()].map((f) => f.text).join('\n');
  const drawsComposition = templateText.includes('data.composition');
  for (const [key, fact] of Object.entries(content.facts)) {
    if (templateText.includes(`"${key}"`)) used.add(key);
    if (drawsComposition && fact.data && /^(groups\.|members\.(total|unidentified)$)/.test(fact.data)) used.add(key);
  }
  return Object.keys(content.facts)
    .filter((key) => !used.has(key))
    .map((key) => ({
      code: 'MJZ143',
      severity: 'warning' as const,
      message: `The fact "${key}" is used by no template and no outline text`,
      hint: `Show it on a slide ({{fact "${key}"}} in a template, or [[${key}]] in the outline), or remove it from content/facts.yaml.`,
      location: content.facts[key]!.location,
      source: content.sourceOf('facts'),
    }));
}
