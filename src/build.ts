import { createHash } from 'node:crypto';
import { buildContext, deckSources, outlineTexts, type TemplateContext } from './audience/context.js';
import type { Source } from './content/schema.js';
import { loadAudience, type TemplateSources } from './audience/load.js';
import { parseContent, type Content, type ContentSources } from './content/parse.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { withLineEnds, type KnownValues } from './diagnostics/yaml-source.js';
import { expandTemplates } from './expand/expand.js';
import { computeDataFigures, type DataFigures } from './facts/data.js';
import { basisDrift, OF_A_TEXT, outlineTextsOf, textShown } from './facts/drift.js';
import { resolveFacts, type ResolvedFact } from './facts/resolve.js';
import { articleClaims } from './spec/claims.js';
import { unusedFacts, unusedSources } from './facts/unused.js';
import { sourcesNamedByDeck } from './expand/tree.js';
import { finalizeParts, MemoShelf, packageMemo, type FinalizeOptions, type PackageMemo } from './pptx/post/index.js';
import { memoBytes } from './pptx/post/memo.js';
import { renderMemo, renderMemoBytes, renderPptx, type RenderMemo } from './pptx/render.js';
import { LANG, LATIN_LANG } from './pptx/rtl.js';
import { specInDigits } from './spec/digits.js';
import { parseSpec, type SpecProblem } from './spec/parse.js';
import { SOURCES_MIN_SIZE, sourcesOverflowAtSmallest } from './pptx/slides/sources.js';
import { TABLE_MIN_SIZE, tableOverflowsAtSmallest } from './pptx/slides/table.js';
import { overflowProblems, type OutlinePlace } from './pptx/overflow.js';
import type { DeckSpec } from './spec/schema.js';
import type { FactUse } from './facts/markers.js';
import { makeManifest, type Manifest } from './manifest/manifest.js';

/**
 * The one place where the stage order lives:
 *   content YAML → parse and validate → facts and data figures        (prepareContent, once)
 *   → context for one audience → Handlebars → deck spec → validate    (compileAudience)
 *   → the slides' text in the audience's digits (spec/digits.ts)
 *   → pptxgenjs → post-processing (RTL, validity, determinism)
 * Every stage is a function of its input alone; reading and writing happen outside (src/api.ts
 * and src/io/). Some work is remembered to make rebuilds fast, without changing what is
 * returned: prepareContent (the content, by a digest of its files), the template stage (each
 * template compiled and checked once per process, by its text), withLineEnds (the same map back
 * while its files and their texts are the ones it saw), the audiences resolved from that map, and
 * each deck's slides as last drawn and parts as last packaged (DECK_MEMOS: only the slides that
 * changed are drawn, and only the parts that changed rewritten and compressed, again).
 */

/** The custom document property that carries the build manifest inside each deck. */
export const MANIFEST_PROPERTY = 'mujaz.manifest';

export interface PreparedContent {
  content?: Content;
  facts: Record<string, ResolvedFact>;
  data?: DataFigures;
  diagnostics: Diagnostic[];
}

/** The last content prepared, by a digest of its files: a rebuild after a template edit reuses it. */
let lastPrepared: { key: string; prepared: PreparedContent } | undefined;

function digest(files: ContentSources): string {
  const hash = createHash('sha1');
  // (a file not read counts with why: a folder named facts.yaml is not a file the reader refused)
  for (const [path, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(path).update('\0').update(file.text).update('\0');
    if (file.refused) hash.update(`refused ${file.unlisted ? 'unlisted' : (file.problem?.message ?? '')}\0`);
  }
  return hash.digest('hex');
}

/** Stage 1 and 2: content parsed and checked, facts resolved, data figures computed (memoised). */
export function prepareContent(given: ContentSources, known?: KnownValues): PreparedContent {
  const files = withLineEnds(given);
  const key = digest(files);
  if (lastPrepared?.key === key) return lastPrepared.prepared;
  const prepared = prepareContentUncached(files, known);
  lastPrepared = { key, prepared };
  return prepared;
}

/**
 * The data figures last computed, with what they were computed from: the dataset and groupings
 * as parsed (parseContent gives the same values back while their files' texts are the same) and
 * the article's date. A save of the outline or the facts does not count the dataset again.
 */
let lastData: { dataset: Content['dataset']; groupings: Content['groupings']; date: string; figures: ReturnType<typeof computeDataFigures> } | undefined;

function dataFiguresOf(content: Content): ReturnType<typeof computeDataFigures> {
  const { dataset, groupings } = content;
  const date = content.article.date;
  if (dataset && lastData?.dataset === dataset && lastData.groupings === groupings && lastData.date === date) return lastData.figures;
  const figures = computeDataFigures(content);
  lastData = { dataset, groupings, date, figures };
  return figures;
}

function prepareContentUncached(files: ContentSources, known?: KnownValues): PreparedContent {
  const parsed = parseContent(files, known);
  if (!parsed.content || hasErrors(parsed.diagnostics)) return { facts: {}, diagnostics: parsed.diagnostics };
  const data = dataFiguresOf(parsed.content);
  const resolved = resolveFacts(parsed.content, data.data);
  return {
    content: parsed.content,
    facts: resolved.facts,
    data: data.data,
    diagnostics: [...parsed.diagnostics, ...data.diagnostics, ...resolved.diagnostics, ...basisDrift(parsed.content, resolved.facts)],
  };
}

interface DeckResultFields {
  audience: string;
  /** The finished .pptx, when the build succeeded. */
  bytes?: Uint8Array | undefined;
  spec?: DeckSpec;
  context?: TemplateContext;
  /** Fact keys the deck shows, directly or through the outline's text. */
  usedFacts: string[];
  /** Each use of a fact: slide and element. */
  uses?: FactUse[];
  /** Slide fingerprints and the facts each slide shows (also embedded in the deck). */
  manifest?: Manifest;
  /** Milliseconds spent in each stage of this audience's build (for the benchmark). */
  timings?: StageTimings;
  diagnostics: Diagnostic[];
}

/** A deck drawn: its bytes, with the spec, context, fact uses and manifest they came from. */
export interface BuiltDeck extends DeckResultFields {
  bytes: Uint8Array;
  spec: DeckSpec;
  context: TemplateContext;
  uses: FactUse[];
  manifest: Manifest;
  timings: StageTimings;
}

/** A deck not drawn: it failed (see its diagnostics), or was only checked (render: false, with its spec). */
export interface UnbuiltDeck extends DeckResultFields {
  bytes?: undefined;
}

/** What building one audience gives: `if (result.bytes)` tells a built deck, with every field, from one that is not. */
export type DeckResult = BuiltDeck | UnbuiltDeck;

export interface StageTimings {
  expand: number;
  spec: number;
  render: number;
  package: number;
}

export interface CompileOptions {
  /** Treat warnings as errors. */
  strict?: boolean;
  /** false: stop at the validated spec (checks, fact listings); no .pptx is drawn. */
  render?: boolean;
  /** What js-yaml made of texts read before: a spec read before is not read again (io/parse-cache.ts). */
  known?: KnownValues;
}

/**
 * What a rebuild keeps of each deck's last build, by audience name: its slides as drawn (a
 * rebuild draws again only the slides that changed: render.ts) and its parts as packaged (it
 * compresses again only the parts that changed: post/memo.ts). The decks built last are kept
 * while together they hold at most 64 MiB (a deck of about 250 slides, the largest kept, holds
 * under 5).
 */
const DECK_MEMOS = new MemoShelf<{ drawing: RenderMemo; packaging: PackageMemo }>(
  64 * 1024 * 1024,
  () => ({ drawing: renderMemo(), packaging: packageMemo() }),
  (memo) => renderMemoBytes(memo.drawing) + memoBytes(memo.packaging),
);

export async function compileAudience(prepared: PreparedContent, given: TemplateSources, name: string, options: CompileOptions = {}): Promise<DeckResult> {
  const templates = withLineEnds(given);
  const diagnostics = [...prepared.diagnostics];
  const fail = (extra: Diagnostic[] = [], partial: Partial<UnbuiltDeck> = {}): UnbuiltDeck => ({ audience: name, usedFacts: [], ...partial, diagnostics: [...diagnostics, ...extra] });
  if (diagnostics.some((d) => d.code === 'MJZ123')) return fail(); // no project folder: nothing else to say
  // A folder of templates/ that could not be listed (the reader said why), holding the audience's
  // files or the shared ones: what it holds is not known, and would only be reported missing.
  const own = [`templates/${name}/`, 'templates/_shared/'];
  if ([...templates.values()].some((f) => f.unlisted && own.some((dir) => dir.startsWith(`${f.path}/`) || `${f.path}/`.startsWith(dir)))) return fail();
  const loaded = loadAudience(name, templates);
  diagnostics.push(...loaded.diagnostics);
  if (prepared.content) diagnostics.push(...unusedFacts(prepared.content, templates), ...unusedSources(prepared.content, templates));
  if (!prepared.content || hasErrors(diagnostics)) return fail();

  if (!loaded.audience) return fail();
  const { theme } = loaded.audience;

  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = now - clock;
    clock = now;
    return ms;
  };
  // (a source the audience's templates name is cited too, and listed with the others)
  const named = sourcesNamedByDeck(loaded.audience.deck, loaded.audience.partials);
  let context = buildContext(name, theme, prepared.content, prepared.facts, prepared.data, named);
  let expansion = expandTemplates(loaded.audience, context);
  let expandMs = lap();
  if (expansion.text === undefined) return fail(expansion.diagnostics, { context });

  // (a list of sources, or a table, the slide cannot hold even in its smallest type: its last lines would run off)
  const tooLong = (deck: DeckSpec): SpecProblem[] =>
    deck.slides.flatMap((slide, i): SpecProblem[] => {
      if (slide.kind === 'sources' && sourcesOverflowAtSmallest(slide, theme)) {
        return [
          {
            code: 'MJZ171',
            severity: 'warning',
            path: ['slides', i, 'items'],
            message: `The sources slide "${slide.title}" (slide ${i + 1}) has more than it can hold even at ${SOURCES_MIN_SIZE} pt (${slide.items.length} entries): its last lines would run off the slide`,
            hint: `Split the list over slides: in a partial, {{#each (chunk sources 10)}} around the slide, as the shipped partials do; a list you type, over two slides${slide.columns === 1 ? '. Or give it columns: 2' : ''}.`,
          },
        ];
      }
      if (slide.kind === 'table' && tableOverflowsAtSmallest(slide, theme)) {
        return [
          {
            code: 'MJZ172',
            severity: 'warning',
            path: ['slides', i, 'rows'],
            message: `The table "${slide.title}" (slide ${i + 1}) is taller than its slide can hold even at ${TABLE_MIN_SIZE} pt (${slide.rows.length} ${slide.rows.length === 1 ? 'row' : 'rows'}): ${slide.rows.length === 1 ? 'it would run' : 'its last rows would run'} over the footer`,
            hint:
              slide.rows.length === 1
                ? `Shorten its cells: one row cannot be split${slide.source ? '; or move its source line into the notes' : ''}.`
                : `Give it fewer rows: split them over two table slides with the same columns (for a table of the outline's tables:, {{#each (chunk rows 5)}} around the slide in its partial: inside it, rows: {{json this}}, and the table's other fields through ../, title: "{{../title}}", columns: {{json ../columns}}; for one typed into a template, two table slides); or shorten its longest cells${slide.source ? ', or move its source line into the notes' : ''}.`,
          },
        ];
      }
      return [];
    });
  // (a text too long for its box even at the least size it is set in: at the outline's line that wrote it, when a slide shows it as written)
  const { content } = prepared;
  let places: ReturnType<typeof outlineTexts> | undefined;
  const outline: OutlinePlace = (text) => {
    const at = (places ??= outlineTexts(context)).get(text);
    return at && { location: content.locate(at.file, at.path), source: content.sourceOf(at.file) };
  };
  const audience = loaded.audience;
  const tooBig = (deck: DeckSpec, uses: readonly FactUse[]): SpecProblem[] =>
    [...tooLong(deck), ...overflowProblems(deck, theme, audience.logo, outline), ...articleClaims(deck, uses, context)].sort((a, b) => Number(a.path[1]) - Number(b.path[1])); // (by slide)
  const parse = (text: string, origins: typeof expansion.origins) => parseSpec(text, { template: audience.deck.path, audience: name, origins }, tooBig, options.known);
  let parsed = parse(expansion.text, expansion.origins);
  // The sources slides list the sources of the facts this deck shows, not of every fact of the
  // project: known once the templates have run. When that leaves some out, the templates run
  // again with the shorter list (the shipped decks show every fact whose source is not the article's).
  if (parsed.spec) {
    const shown = new Set(parsed.uses.map((u) => u.key));
    const ids = (c: { sources: Source[]; datasetSources: Source[] }) => [...c.sources, ...c.datasetSources].map((x) => x.id).join(' ');
    if (ids(deckSources(prepared.content, prepared.facts, prepared.data, named, shown)) !== ids(context)) {
      const start = performance.now();
      const narrowed = buildContext(name, theme, prepared.content, prepared.facts, prepared.data, named, shown);
      const again = expandTemplates(audience, narrowed);
      const reparsed = again.text === undefined ? undefined : parse(again.text, again.origins);
      if (reparsed?.spec) [context, expansion, parsed] = [narrowed, again, reparsed];
      // (counted with the templates' time, not the spec's)
      const ms = performance.now() - start;
      expandMs += ms;
      clock += ms;
    }
  }
  diagnostics.push(...expansion.diagnostics, ...parsed.diagnostics);
  const usedFacts = [...new Set(parsed.uses.map((u) => u.key))].sort();
  if (!parsed.spec) return fail([], { context, usedFacts });
  // (a warning about a text of the outline this deck does not show is another deck's)
  if (diagnostics.some((d) => OF_A_TEXT.has(d.code) && d.path)) {
    const shown = specStrings(parsed.spec).join('\n');
    const texts = outlineTextsOf(context);
    const own = diagnostics.filter((d) => !(OF_A_TEXT.has(d.code) && d.path && !textShown(d.path, context, shown, texts)));
    diagnostics.splice(0, diagnostics.length, ...own);
  }
  // Every text on the slides in the audience's digits, whichever stage wrote it (outline, data, template).
  const spec = specInDigits(parsed.spec, theme.digits);
  if (hasErrors(diagnostics) || (options.strict && diagnostics.length)) {
    return fail([], { context, spec, usedFacts, uses: parsed.uses });
  }
  // The look: what the theme changes on every slide (a logo by the digest of its picture, its
  // sizes and its text: as drawn, not as the theme writes it, where a default written out or
  // left out would read as a change).
  const { logo } = loaded.audience;
  const { description: _said, extends: _from, logo: _written, ...drawn } = theme; // (what `audiences` prints, where it came from, and the logo as written)
  // (and the footer every content slide shows, which is the deck's, not a slide's)
  const digest = (data: string) => createHash('sha256').update(data).digest('hex');
  const onContent = logo?.onContent?.data ? { onContent: { ...logo.onContent, data: digest(logo.onContent.data) } } : {};
  const look = { theme: drawn, logo: logo && { ...logo, data: digest(logo.data), ...onContent }, footer: spec.deck.footer };
  const manifest = makeManifest(name, spec, parsed.uses, prepared.facts, look, theme.digits);
  const specMs = lap();
  if (options.render === false) return { audience: name, spec, context, usedFacts, uses: parsed.uses, manifest, diagnostics };

  const memo = DECK_MEMOS.for(name);
  const raw = await renderPptx(spec, theme, loaded.audience.logo, memo.drawing);
  const renderMs = lap();
  const finalizeOptions: FinalizeOptions = {
    lang: LANG,
    latinLang: LATIN_LANG,
    rtl: true,
    fonts: { major: { latin: theme.fonts.heading, cs: theme.fonts.heading }, minor: { latin: theme.fonts.body, cs: theme.fonts.body } },
    fixedDate: `${spec.deck.date}T00:00:00Z`,
    title: spec.deck.title,
    slideTitles: spec.slides.map((s) => s.title),
    customProperties: { [MANIFEST_PROPERTY]: JSON.stringify(manifest) },
  };
  const bytes = await finalizeParts(raw, finalizeOptions, { memo: memo.packaging });
  const timings = { expand: expandMs, spec: specMs, render: renderMs, package: lap() };
  return { audience: name, bytes, spec, context, usedFacts, uses: parsed.uses, manifest, diagnostics, timings };
}

/** Every text of a deck spec (titles, bullets, notes, cells, labels), in order. */
function specStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) specStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) specStrings(v, out);
  return out;
}
