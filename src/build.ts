import { buildContext, type TemplateContext } from './audience/context.js';
import { loadAudience, type TemplateSources } from './audience/load.js';
import { parseContent, type Content, type ContentSources } from './content/parse.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { expandTemplates } from './expand/expand.js';
import { computeDataFigures, type DataFigures } from './facts/data.js';
import { resolveFacts, type ResolvedFact } from './facts/resolve.js';
import { finalizePackage } from './pptx/post/index.js';
import { renderPptx } from './pptx/render.js';
import { LANG } from './pptx/rtl.js';
import { parseSpec } from './spec/parse.js';
import type { DeckSpec } from './spec/schema.js';

/**
 * The one place where the stage order lives:
 *   content YAML → parse and validate → facts and data figures        (prepareContent, once)
 *   → context for one audience → Handlebars → deck spec → validate    (compileAudience)
 *   → pptxgenjs → post-processing (RTL, validity, determinism)
 * Every stage is a pure function of its input; reading and writing happen outside.
 */

export interface PreparedContent {
  content?: Content;
  facts: Record<string, ResolvedFact>;
  data?: DataFigures;
  diagnostics: Diagnostic[];
}

export function prepareContent(files: ContentSources): PreparedContent {
  const parsed = parseContent(files);
  if (!parsed.content || hasErrors(parsed.diagnostics)) return { facts: {}, diagnostics: parsed.diagnostics };
  const data = computeDataFigures(parsed.content);
  const resolved = resolveFacts(parsed.content, data.data);
  return {
    content: parsed.content,
    facts: resolved.facts,
    data: data.data,
    diagnostics: [...parsed.diagnostics, ...data.diagnostics, ...resolved.diagnostics],
  };
}

export interface DeckResult {
  audience: string;
  /** The finished .pptx, when the build succeeded. */
  bytes?: Uint8Array;
  spec?: DeckSpec;
  context?: TemplateContext;
  /** Fact keys the templates printed, directly or through the outline's text. */
  usedFacts: string[];
  diagnostics: Diagnostic[];
}

export interface CompileOptions {
  /** Treat warnings as errors. */
  strict?: boolean;
}

export async function compileAudience(prepared: PreparedContent, templates: TemplateSources, name: string, options: CompileOptions = {}): Promise<DeckResult> {
  const diagnostics = [...prepared.diagnostics];
  const fail = (extra: Diagnostic[] = [], partial: Partial<DeckResult> = {}): DeckResult => ({ audience: name, usedFacts: [], ...partial, diagnostics: [...diagnostics, ...extra] });
  const loaded = loadAudience(name, templates);
  diagnostics.push(...loaded.diagnostics);
  if (!prepared.content || hasErrors(diagnostics)) return fail();

  if (!loaded.audience) return fail();
  const { theme } = loaded.audience;

  const context = buildContext(name, theme, prepared.content, prepared.facts, prepared.data);
  const expansion = expandTemplates(loaded.audience, context);
  diagnostics.push(...expansion.diagnostics);
  if (expansion.text === undefined) return fail([], { context });

  const parsed = parseSpec(expansion.text, { template: loaded.audience.deck.path, audience: name });
  diagnostics.push(...parsed.diagnostics);
  const usedFacts = new Set(expansion.usedFacts);
  for (const part of context.parts) part.facts.forEach((key) => usedFacts.add(key));
  if (!parsed.spec) return fail([], { context, usedFacts: [...usedFacts].sort() });
  if (hasErrors(diagnostics) || (options.strict && diagnostics.length)) {
    return fail([], { context, spec: parsed.spec, usedFacts: [...usedFacts].sort() });
  }

  const raw = await renderPptx(parsed.spec, theme);
  const bytes = await finalizePackage(raw, {
    lang: LANG,
    rtl: true,
    fonts: { major: { latin: theme.fonts.heading, cs: theme.fonts.heading }, minor: { latin: theme.fonts.body, cs: theme.fonts.body } },
    fixedDate: `${parsed.spec.deck.date}T00:00:00Z`,
    title: parsed.spec.deck.title,
  });
  return { audience: name, bytes, spec: parsed.spec, context, usedFacts: [...usedFacts].sort(), diagnostics };
}
