import path from 'node:path';
import { compileAudience, prepareContent, type DeckResult, type PreparedContent } from './build.js';
import { didYouMean, type Diagnostic } from './diagnostics/diagnostic.js';
import { listAudiences, readAudienceFiles, readContentFiles } from './io/read.js';
import { writeAtomic } from './io/write.js';

/**
 * The library's entry points: they read the project, run the pipeline, and (buildDecks) write
 * the results atomically. They never exit the process: problems come back as diagnostics.
 */
export interface BuildDeckOptions {
  /** The folder holding content/ and templates/. */
  root: string;
  /** The audience (a folder of templates/). Default: briefing. */
  audience?: string;
  /** Warnings fail the build. */
  strict?: boolean;
}

export const DEFAULT_AUDIENCE = 'briefing';

async function readPrepared(root: string): Promise<PreparedContent> {
  const files = await readContentFiles(root);
  const prepared = prepareContent(files.content);
  return { ...prepared, diagnostics: [...files.diagnostics, ...prepared.diagnostics] };
}

function unknownAudience(name: string, known: readonly string[]): Diagnostic {
  const suggestion = didYouMean(name, known);
  return {
    code: 'MJZ150',
    severity: 'error',
    message: `Unknown audience "${name}"`,
    hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Known audiences: ${known.join(', ') || 'none (templates/ has no audience folder)'}.`,
  };
}

async function compileOne(root: string, name: string, prepared: PreparedContent, known: readonly string[], strict?: boolean): Promise<DeckResult> {
  if (!known.includes(name)) return { audience: name, usedFacts: [], diagnostics: [...prepared.diagnostics, unknownAudience(name, known)] };
  const files = await readAudienceFiles(root, name);
  if (files.diagnostics.length) return { audience: name, usedFacts: [], diagnostics: [...prepared.diagnostics, ...files.diagnostics] };
  return compileAudience(prepared, files, { strict });
}

/** Builds one deck in memory: the .pptx bytes (when it succeeds), its spec and every diagnostic. */
export async function buildDeck(options: BuildDeckOptions): Promise<DeckResult> {
  const root = path.resolve(options.root);
  const [prepared, known] = await Promise.all([readPrepared(root), listAudiences(root)]);
  return compileOne(root, options.audience ?? DEFAULT_AUDIENCE, prepared, known, options.strict);
}

export interface BuildDecksOptions {
  root: string;
  /** Audiences to build; with `all`, every audience of the project. Default: briefing. */
  audiences?: string[];
  all?: boolean;
  /** Output folder. Default: <root>/output. */
  out?: string;
  /** Also write <out>/<audience>.spec.json (and .context.json). */
  emit?: ReadonlyArray<'spec' | 'context'>;
  strict?: boolean;
}

export interface WrittenDeck extends DeckResult {
  /** Paths written, when the deck succeeded. */
  files: string[];
}

/**
 * Builds decks and writes each to <out>/<audience>.pptx, atomically: a failed build leaves the
 * previous deck as it was. Content is parsed once for all audiences.
 */
export async function buildDecks(options: BuildDecksOptions): Promise<WrittenDeck[]> {
  const root = path.resolve(options.root);
  const out = path.resolve(root, options.out ?? 'output');
  const [prepared, known] = await Promise.all([readPrepared(root), listAudiences(root)]);
  const names = options.all ? known : options.audiences?.length ? options.audiences : [DEFAULT_AUDIENCE];
  const results: WrittenDeck[] = [];
  for (const name of names) {
    const result = await compileOne(root, name, prepared, known, options.strict);
    const files: string[] = [];
    if (result.bytes) {
      const target = path.join(out, `${name}.pptx`);
      if (options.emit?.includes('spec') && result.spec) {
        const specPath = path.join(out, `${name}.spec.json`);
        await writeAtomic(specPath, `${JSON.stringify(result.spec, null, 2)}\n`);
        files.push(specPath);
      }
      if (options.emit?.includes('context') && result.context) {
        const contextPath = path.join(out, `${name}.context.json`);
        await writeAtomic(contextPath, `${JSON.stringify(result.context, null, 2)}\n`);
        files.push(contextPath);
      }
      await writeAtomic(target, result.bytes);
      files.unshift(target);
    }
    results.push({ ...result, files });
  }
  return results;
}

export { listAudiences };
