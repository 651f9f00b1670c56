import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from '../diagnostics/schema.js';
import { parseYaml, type SourceFile } from '../diagnostics/yaml-source.js';
import { ThemeSchema, type Theme } from './theme.js';

export interface AudienceSources {
  name: string;
  theme?: SourceFile;
  deck?: SourceFile;
  partials: ReadonlyMap<string, SourceFile>;
}

export interface Audience {
  name: string;
  theme: Theme;
  deck: SourceFile;
  partials: Map<string, SourceFile>;
}

/** An audience's folder, checked: its theme validated, its deck template present. */
export function loadAudience(sources: AudienceSources): { audience?: Audience; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const dir = `templates/${sources.name}`;
  for (const [file, what] of [[sources.theme, 'theme.yaml'], [sources.deck, 'deck.hbs']] as const) {
    if (!file) {
      diagnostics.push({ code: 'MJZ151', severity: 'error', message: `The audience "${sources.name}" has no ${what}`, location: { file: `${dir}/${what}` } });
    }
  }
  if (!sources.theme || !sources.deck) return { diagnostics };
  const parsed = parseYaml(sources.theme);
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics };
  const checked = checkSchema(ThemeSchema, parsed, `the theme of "${sources.name}"`);
  if (!checked.value) return { diagnostics: checked.diagnostics };
  return { audience: { name: sources.name, theme: checked.value, deck: sources.deck, partials: new Map(sources.partials) }, diagnostics };
}
