import { CONTENT_FILES } from '../content/files.js';
import { didYouMean, lazyLocation, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { Content } from '../content/parse.js';
import type { DataFigures } from './data.js';

export type FactType = 'number' | 'year' | 'month' | 'text';

/** A fact with its value decided and its provenance kept. */
export interface ResolvedFact {
  key: string;
  label: string;
  type: FactType;
  value: number | string;
  qualifier?: string;
  unit?: string;
  /** Where the value comes from: the data, or what a source states. */
  origin: 'data' | 'stated';
  /** Source ids the value rests on. */
  sources: string[];
  /** The data figure the value is computed from, e.g. groups.europe. */
  data?: string;
  location: Location;
}

export function resolveFacts(content: Content, data: DataFigures | undefined): { facts: Record<string, ResolvedFact>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const facts: Record<string, ResolvedFact> = {};
  const datasetFile = content.datasetFile ?? 'content/data';
  const datasetSource = content.sources.find((s) => s.kind === 'dataset')?.id;
  for (const [key, fact] of Object.entries(content.facts)) {
    const base = { key, label: fact.label, type: fact.type, qualifier: fact.qualifier, unit: fact.unit };
    if (fact.data !== undefined) {
      const value = data?.figures[fact.data];
      if (value === undefined) {
        const known = Object.keys(data?.figures ?? {});
        const suggestion = didYouMean(fact.data, known);
        // (a group's figure without the groupings: the file is what is missing, not a spelling)
        const noGroupings = data !== undefined && fact.data.startsWith('groups.') && !content.groupings;
        diagnostics.push({
          code: 'MJZ141',
          severity: 'error',
          message: noGroupings
            ? `Fact "${key}" asks for the data figure "${fact.data}", a group's count, and there is no ${CONTENT_FILES.groupings} to place the members in groups`
            : data
              ? `Fact "${key}" asks for the data figure "${fact.data}", which the data does not provide`
              : `Fact "${key}" needs the dataset, which was not found`,
          hint: noGroupings
            ? `Put ${CONTENT_FILES.groupings} back (the rules that place each member in a group of the composition chart), or remove the facts that ask for groups.`
            : suggestion
              ? `Did you mean "${suggestion}"?`
              : known.length
                ? `Figures the data provides: ${known.join(', ')}.`
                : undefined,
          location: content.locate('facts', ['facts', key, 'data']),
          source: content.sourceOf('facts'),
        });
        continue;
      }
      if (fact.stated && fact.stated.value !== value) {
        const stated = fact.statedLocation;
        diagnostics.push({
          code: 'MJZ140',
          severity: 'warning',
          message: `"${fact.label}" (${key}): source ${fact.stated.source} states ${fact.stated.value}, the data gives ${value} (${fact.data}, computed from ${datasetFile})`,
          hint: `The deck shows the data's figure, ${value}. Check ${stated?.file ?? 'content/facts.yaml'} and ${datasetFile}: correct the data, or record what the source says.`,
          location: stated,
          source: content.sourceOf('facts'),
        });
      }
      facts[key] = lazyLocation({ ...base, value, origin: 'data' as const, data: fact.data, sources: datasetSource ? [datasetSource] : (data?.sources ?? []) }, 'location', () => fact.location);
      continue;
    }
    if (fact.stated) facts[key] = lazyLocation({ ...base, value: fact.stated.value, origin: 'stated' as const, sources: fact.stated.source ? [fact.stated.source] : [] }, 'location', () => fact.location);
  }
  return { facts, diagnostics };
}
