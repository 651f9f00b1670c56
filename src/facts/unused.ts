import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Content } from '../content/parse.js';
import { FACT_REF } from '../content/files.js';
import { outlineTexts } from '../content/outline.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { sourcesNamedIn } from '../expand/tree.js';

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

/**
 * Sources of content/sources.yaml that nothing cites: not the article, no fact, no data figure,
 * no template ({{source "ID"}}). A warning: such a source is on no slide, often a fact that
 * should cite it and cites another.
 */
export function unusedSources(content: Content, templates: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const cited = citedSources(content);
  sourcesNamedIn(templates.values()).forEach((id) => cited.add(id));
  const fromDataset = new Set(content.dataset?.sources.map((s) => s.id));
  return content.sources.flatMap((source, i) =>
    fromDataset.has(source.id) || cited.has(source.id)
      ? []
      : [
          {
            code: 'MJZ136',
            severity: 'warning' as const,
            message: `The source "${source.id}" is cited by no fact and no template, so no slide lists it`,
            hint: `Cite it where it belongs (source: ${source.id} in a fact's stated, or {{source "${source.id}"}} in a template), or remove it from content/sources.yaml.`,
            location: content.locate('sources', ['sources', i, 'id']),
            source: content.sourceOf('sources'),
          },
        ],
  );
}

/**
 * The sources of the project the deck rests on, before the templates: the article, each source
 * a fact states (a data fact's too), and the dataset's own entry once a dataset is read (its
 * figures and charts rest on it). The context lists the same (audience/context.ts).
 */
export function citedSources(content: Content, shownFacts?: ReadonlySet<string>): Set<string> {
  const cited = new Set<string>([content.article.source]);
  for (const [key, fact] of Object.entries(content.facts)) if (fact.stated?.source && (!shownFacts || shownFacts.has(key))) cited.add(fact.stated.source);
  if (content.dataset) content.sources.filter((s) => s.kind === 'dataset').forEach((s) => cited.add(s.id));
  return cited;
}
