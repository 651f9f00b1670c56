import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, shellWord } from '../diagnostics/format.js';
import { EXIT } from './exit.js';
import { createOutput, type Output } from './output.js';
import { CACHE_FOLDER } from '../io/parse-cache.js';

/** What every command shares: human output on stderr, diagnostics, and the exit code. */
export class CliContext {
  exitCode: number = EXIT.OK;
  private readonly seen = new Set<string>();
  private outputCache?: Output;

  constructor(
    private readonly program: Command,
    /** Names the code that runs, for the parse cache; without it, build and check keep none. */
    private readonly codeId?: string,
  ) {}

  /** The parse cache build and check keep in the project (`--no-cache`: none). */
  cacheFor(opts: { cache?: boolean }): { id: string } | undefined {
    return opts.cache === false || !this.codeId ? undefined : { id: this.codeId };
  }

  /** Output honouring --quiet (read when first used, after the options are parsed). */
  get out(): Output {
    this.outputCache ??= createOutput({ quiet: Boolean(this.program.opts<{ quiet?: boolean }>().quiet) });
    return this.outputCache;
  }

  /**
   * Prints diagnostics once each: content problems repeat once per audience, and a problem in a
   * template several audiences share is printed once, naming them all.
   */
  report(diagnostics: readonly Diagnostic[], root = '.'): void {
    for (const { diagnostic } of groupByAudience(diagnostics.map((d) => fromHere(d, root)))) {
      // (seen with its audiences: watch reports each audience's rebuild apart)
      const text = formatDiagnostic(diagnostic);
      if (this.seen.has(text)) continue;
      this.seen.add(text);
      this.out.done();
      process.stderr.write(`${text}\n\n`);
    }
  }

  /** Lets report() print again what it has printed (watch: each rebuild reports afresh). */
  forgetReported(): void {
    this.seen.clear();
  }

  fail(code: number = EXIT.INVALID_INPUT): void {
    this.exitCode = Math.max(this.exitCode, code);
  }
}

/**
 * A diagnostic with its file as the user would open it from the current folder: the library
 * names files from the project's root (content/facts.yaml), which is another folder under
 * --root; an editor or a terminal follows proj/content/facts.yaml:3:5 from here. A path its
 * message or hint names in full (its file outside the project, the paths it relates) is named
 * from here likewise (`mujaz init newdeck`, not `mujaz init /home/me/newdeck`); the project's
 * own files stay named from its root there, as the words around them mean.
 */
export function fromHere(d: Diagnostic, root: string): Diagnostic {
  if (!d.location) return d;
  const file = fromProject(root, d.location.file);
  const full = [d.location.file, ...(d.related ?? [])].filter((p) => path.isAbsolute(p) && relative(p) !== p);
  if (file === d.location.file && full.length === 0) return d;
  // (longest first: a folder's name begins the names of the files in it)
  const rename = (text: string) => full.sort((a, b) => b.length - a.length).reduce((acc, p) => acc.split(p).join(relative(p)), text);
  return { ...d, message: rename(d.message), ...(d.hint !== undefined ? { hint: rename(d.hint) } : {}), location: { ...d.location, file } };
}

/** A path of the project (content/facts.yaml, or in full) as named from here (../proj/content/facts.yaml). */
export function fromProject(root: string, file: string): string {
  return relative(path.resolve(root, file));
}

/**
 * The same problem found for several audiences (a shared partial, content read once), as one
 * diagnostic naming each audience, in the order they came; `key` identifies the problem. A
 * problem in a shared partial, included from each audience's deck, is one problem: its message
 * names every place it was included from.
 */
export function groupByAudience(diagnostics: readonly Diagnostic[]): { diagnostic: Diagnostic; key: string }[] {
  const groups = new Map<string, { diagnostic: Diagnostic; audiences: string[]; from: string[] }>();
  for (const d of diagnostics) {
    const [, message = d.message, from] = INCLUDED_FROM.exec(d.message) ?? [];
    const key = formatDiagnostic({ ...d, message, audience: undefined });
    const group = groups.get(key);
    if (!group) groups.set(key, { diagnostic: d, audiences: d.audience ? [d.audience] : [], from: from ? [from] : [] });
    else {
      if (d.audience && !group.audiences.includes(d.audience)) group.audiences.push(d.audience);
      if (from && !group.from.includes(from)) group.from.push(from);
    }
  }
  return [...groups].map(([key, { diagnostic, audiences, from }]) => ({
    key,
    diagnostic: {
      ...diagnostic,
      ...(from.length > 1 ? { message: `${INCLUDED_FROM.exec(diagnostic.message)![1]} (included from ${from.join('; ')})` } : {}),
      audience: audiences.join(', ') || undefined,
    },
  }));
}

/** A template error's message and the places its partial was included from (expand.ts writes them at its end). */
const INCLUDED_FROM = /^([^]*?) \(included from ([^()]*)\)$/;

/**
 * The command a next step should name, as mujaz was run: `npx mujaz` through npm (npx, an npm
 * script), else the script's path (`npx mujaz` from another folder would look for mujaz on the
 * registry, where it is not).
 */
export function mujazCommand(): string {
  const viaNpm = process.env.npm_command === 'exec' || process.env.npm_lifecycle_event !== undefined;
  return viaNpm || !process.argv[1] ? 'npx mujaz' : `node ${shellWord(relative(process.argv[1]))}`;
}

/** The options every command that reads a project takes. */
/** A folder option given as "" would mean the current folder without a word: refused (exit 2). */
function folder(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('name a folder (an empty one means none), e.g. "output"');
  return value;
}
export const ROOT_OPTION = ['-r, --root <dir>', 'the folder holding content/ and templates/', folder, '.'] as const;
export const OUT_OPTION = ['-o, --out <dir>', 'the output folder, from the current folder (default: <root>/output)', folder] as const;
/** --all and --audience NAME ask for different decks: given both, the command stops (exit 2). */
export const allOption = (verb: string): Option => new Option('--all', `${verb} every audience`).conflicts('audience');
/** `check` without -a: every audience (a check that passes while another audience's deck is broken would mislead). */
export const EVERY_AUDIENCE: readonly string[] = [];
/** The audiences when no -a is given (its identity tells the first -a, which replaces it, from the next, which add to it). */
const DEFAULT_AUDIENCES: readonly string[] = ['briefing'];
/**
 * -a NAME, repeatable: `-a briefing -a media` makes both decks (a second -a replaced the first
 * without a word). An empty name is refused (exit 2): it named no audience.
 */
export function audienceOption(defaults: readonly string[] = DEFAULT_AUDIENCES, shown = 'briefing'): Option {
  return new Option('-a, --audience <name>', 'the audience (a folder of templates/); repeat for several')
    .default(defaults, shown)
    .argParser((value: string, previous: readonly string[]) => {
      if (value.trim() === '') throw new InvalidArgumentError('name an audience (a folder of templates/), e.g. briefing');
      if (previous === defaults) return [value];
      return previous.includes(value) ? previous : [...previous, value];
    });
}

/** --out as typed: relative to the current folder (the library resolves a relative out against the root). */
export function outFolder(out: string | undefined): string | undefined {
  return out === undefined ? undefined : path.resolve(process.cwd(), out);
}

/**
 * A path as the user would type it from here: from the current folder when the file is below it
 * or below its parent (proj/output/x.pptx, ../proj/content/facts.yaml), else in full
 * (/srv/decks/x.pptx, not ../../srv/decks/x.pptx); the current folder itself is ".".
 */
export function relative(file: string): string {
  const shown = path.relative(process.cwd(), file);
  if (shown === '') return '.';
  const [first, second] = shown.split(path.sep);
  return (first === '..' && second === '..') || path.isAbsolute(shown) ? path.resolve(file) : shown;
}

/** What build, preview and watch take: the decks to make, the project, the output folder. */
export interface DeckOptions {
  audience: string[];
  all?: boolean;
  root: string;
  out?: string;
}

/** Adds --audience, --all, --root and --out to a command that makes decks. */
export function deckOptions(command: Command, verb: string): Command {
  return command
    .addOption(audienceOption())
    .addOption(allOption(verb))
    .option(...ROOT_OPTION)
    .option(...OUT_OPTION);
}

/** --no-cache of build and check: the project's parse cache neither read nor written (io/parse-cache.ts). */
export function noCacheOption(): Option {
  return new Option('--no-cache', `neither read nor write ${CACHE_FOLDER}/, where mujaz keeps what it read of the project's YAML (deleting it is always safe)`);
}

/** --emit of build and watch: the spec or the context written beside each deck. */
export function emitOption(): Option {
  return new Option('--emit <what...>', 'also write <out>/<audience>.spec.json (spec) or .context.json (context)').choices(['spec', 'context']);
}

/** The library's options for those: the audiences asked for and the output folder as typed. */
export function deckTarget(opts: DeckOptions): { root: string; audiences: string[]; all?: boolean; out?: string } {
  return { root: opts.root, audiences: opts.audience, all: opts.all, out: outFolder(opts.out) };
}
