import Handlebars from 'handlebars';
import type { TemplateContext } from '../audience/context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';
import { withYamlEscape } from './escape.js';
import { createHelpers, HelperError } from './helpers.js';
import { lintTemplate } from './lint.js';
import { originsOf, tagLines, type Origin } from './origins.js';

/** An audience's templates as read from templates/<audience>/. */
export interface TemplateSet {
  deck: SourceFile;
  /** Partials by name (file name without .hbs). */
  partials: Map<string, SourceFile>;
}

export interface Expansion {
  /** The deck spec as YAML text (its lines tagged with the template lines that made them). */
  text?: string;
  /** For each line of `text` (1-based), the template file and line that produced it. */
  origins: (Origin | undefined)[];
  /** Fact keys the templates printed. */
  usedFacts: Set<string>;
  diagnostics: Diagnostic[];
}

/** Marks which template file an error came from while it unwinds through partials. */
const FILE = Symbol('mujaz.templateFile');

/** Stage 3: Handlebars expands the audience's templates into the deck spec text. */
export function expandTemplates(templates: TemplateSet, context: TemplateContext): Expansion {
  const audience = context.audience.name;
  const usedFacts = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const partialNames = new Set(templates.partials.keys());
  for (const file of [templates.deck, ...templates.partials.values()]) {
    diagnostics.push(...lintTemplate(file, partialNames, audience).diagnostics);
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { usedFacts, diagnostics, origins: [] };
  const files = [templates.deck, ...templates.partials.values()];

  const env = Handlebars.create();
  env.registerHelper(createHelpers(context, usedFacts));
  const compileOptions = { strict: true, knownHelpersOnly: false, preventIndent: false } as const;
  for (const [name, file] of templates.partials) {
    const compiled = env.compile(tagLines(file, files.indexOf(file)), compileOptions);
    env.registerPartial(name, (ctx: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(ctx, options);
      } catch (error) {
        if (error && typeof error === 'object' && !(FILE in error)) Object.assign(error, { [FILE]: file });
        throw error;
      }
    });
  }
  const deck = env.compile(tagLines(templates.deck, 0), compileOptions);
  try {
    const text = withYamlEscape(() => deck(context, { allowedProtoProperties: {}, allowedProtoMethods: {} }));
    return { text, usedFacts, diagnostics, origins: originsOf(text, files) };
  } catch (error) {
    const file = (error as { [FILE]?: SourceFile })[FILE] ?? templates.deck;
    diagnostics.push(runtimeDiagnostic(error, file, audience));
    return { usedFacts, diagnostics, origins: [] };
  }
}

function runtimeDiagnostic(error: unknown, file: SourceFile, audience: string): Diagnostic {
  const e = error as Error & { lineNumber?: number; column?: number; loc?: HelperError['loc'] };
  const raw = e.message ?? String(error);
  const pos = / - (\d+):(\d+)$/.exec(raw);
  const line = e.loc?.start.line ?? e.lineNumber ?? (pos ? Number(pos[1]) : undefined);
  const column = e.loc?.start.column ?? e.column ?? (pos ? Number(pos[2]) : undefined);
  const message = raw.replace(/ - \d+:\d+$/, '').replace(/ not defined in \[object Object\]/, ' is not defined here');
  return {
    code: 'MJZ161',
    severity: 'error',
    message: `Template error in ${file.path}: ${message}`,
    hint: error instanceof HelperError ? undefined : 'The template names a field the context does not have; check the spelling, or `npx mujaz build --emit context` to see the context.',
    location: { file: file.path, start: line ? { line, column: (column ?? 0) + 1 } : undefined },
    source: line ? file.text : undefined,
    audience,
  };
}
