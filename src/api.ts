import path from 'node:path';
import { allAudiences, audienceNames, loadAudience, type TemplateSources } from './audience/load.js';
import { compileAudience, prepareContent, type DeckResult, type PreparedContent } from './build.js';
import { readContentFiles, readTemplateFiles } from './io/read.js';
import { withParseCache, type ParseCacheOptions } from './io/parse-cache.js';
import { isFolder, projectAbove } from './io/project.js';
import type { KnownValues } from './diagnostics/yaml-source.js';
import { copyFolder, fixForWrite, notWritten, writeAtomic, writeAtomicAll, whyNotWritten, WriteError } from './io/write.js';
import { constants, existsSync } from 'node:fs';
import { extractFactUses } from './facts/markers.js';
import { MANIFEST_PROPERTY } from './build.js';
import { checkManifest, type Manifest } from './manifest/manifest.js';
import { readCustomProperties } from './pptx/post/index.js';
import { implausibleZip, verifiedEntry } from './pptx/post/zip.js';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { didYouMean, hasErrors, uniqueDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { shellWord } from './diagnostics/format.js';

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

/**
 * Why `root` cannot be a project, if it cannot: it does not exist, it is a file, or it holds
 * neither content/ nor templates/ (a wrong --root, where the files' own errors would be noise).
 * The diagnostic stands at the folder; its message does not repeat it.
 */
export async function projectProblem(root: string): Promise<Diagnostic | undefined> {
  const GIVE_ROOT = 'Give --root the folder that holds content/ and templates/.';
  const problem = (message: string, hint = GIVE_ROOT): Diagnostic => ({ code: 'MJZ123', severity: 'error', message, hint, location: { file: root } });
  try {
    if (!(await stat(root)).isDirectory()) return problem('The project folder is a file, not a folder');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problem(code === 'ENOENT' || code === 'ENOTDIR' ? 'The project folder does not exist' : `The project folder cannot be read (${code})`);
  }
  if ((await isFolder(path.join(root, 'content'))) || (await isFolder(path.join(root, 'templates')))) return undefined;
  // A folder of a project (its content/, an audience's folder, its output/) rather than the project
  const up = await projectAbove(root);
  if (up !== undefined) return { ...problem('This folder is inside a project, not a project itself', `Give --root ${shellWord(up)}, the folder that holds content/ and templates/.`), related: [up] };
  return problem('Not a mujaz project: the folder has neither content/ nor templates/', `${GIVE_ROOT.slice(0, -1)}, or start a project with \`mujaz init ${shellWord(root)}\`.`);
}

async function readTemplates(root: string): Promise<{ templates: TemplateSources; diagnostics: PreparedContent['diagnostics'] }> {
  const read = await readTemplateFiles(root);
  return { templates: read.content, diagnostics: read.diagnostics };
}

/**
 * The audiences a call asks for: every one with `all`, the ones named, or the default. With
 * `all` and no audience at all (a wrong root, an empty templates/), the default: its build fails
 * and says why (no project folder, no audience), where an empty list would report nothing.
 */
export function selectAudiences(templates: TemplateSources, options: { all?: boolean; audiences?: readonly string[] }): string[] {
  const all = options.all ? allAudiences(templates) : [];
  return all.length ? all : options.audiences?.length ? [...options.audiences] : [DEFAULT_AUDIENCE];
}

/** A project read once: its content prepared, its templates, and what reading them found. */
export interface ProjectSources {
  prepared: PreparedContent;
  templates: Awaited<ReturnType<typeof readTemplates>>;
}

/** Reads content/ and templates/ (each file once) and prepares the content (`known`: YAML read before, io/parse-cache.ts). */
export async function readProject(root: string, known?: KnownValues): Promise<ProjectSources> {
  const base = path.resolve(root);
  const wrongRoot = await projectProblem(base);
  // (no project there: that one error, not a missing file for each file a project has)
  if (wrongRoot) return { prepared: { facts: {}, diagnostics: [wrongRoot] }, templates: { templates: new Map(), diagnostics: [] } };
  const [files, templates] = await Promise.all([readContentFiles(base), readTemplates(base)]);
  const prepared = prepareContent(files.content, known);
  return { prepared: { ...prepared, diagnostics: [...files.diagnostics, ...prepared.diagnostics] }, templates };
}

/** The audiences of a project: the folders of templates/ with a theme.yaml. */
export async function listAudiences(root: string): Promise<string[]> {
  return audienceNames((await readTemplates(path.resolve(root))).templates);
}

/**
 * Whether a problem met reading templates/ concerns the deck of `name`: one of an audience's
 * folder (a file it could not read, a link leading out) concerns that audience and those that
 * build on it; one of _shared/, or of templates/ itself, every audience. So one audience's broken
 * folder stops its own deck, and build --all builds the others.
 */
function concernsAudience(d: Diagnostic, name: string, templates: TemplateSources): boolean {
  const folder = /^templates\/([^/]+)\//.exec(d.location?.file ?? '')?.[1];
  if (folder === undefined || folder === '_shared' || folder === name) return true;
  // (an audience that does not load may be missing what could not be read: a parent's theme.yaml,
  // which its own names in its extends: line; not another audience's folder)
  const audience = loadAudience(name, templates).audience;
  return (audience?.chain ?? declaredChain(name, templates)).includes(folder);
}

/** The audiences `name` extends, as their theme files' extends: lines name them (for an audience that does not load). */
function declaredChain(name: string, templates: TemplateSources): string[] {
  const chain = [name];
  for (;;) {
    const text = templates.get(`templates/${chain[chain.length - 1]}/theme.yaml`)?.text ?? '';
    const parent = /^extends:[ \t]*["']?([^"'\s#]+)/m.exec(text)?.[1];
    if (parent === undefined || chain.includes(parent)) return chain;
    chain.push(parent);
  }
}

async function compileOne(prepared: PreparedContent, templates: Awaited<ReturnType<typeof readTemplates>>, name: string, strict?: boolean, known?: KnownValues): Promise<DeckResult> {
  const readProblems = templates.diagnostics.filter((d) => concernsAudience(d, name, templates.templates));
  const withReadProblems = { ...prepared, diagnostics: [...prepared.diagnostics, ...readProblems] };
  return compileAudience(withReadProblems, templates.templates, name, { strict, known });
}

/** Builds one deck in memory: the .pptx bytes (when it succeeds), its spec and every diagnostic. */
export async function buildDeck(options: BuildDeckOptions): Promise<DeckResult> {
  const root = path.resolve(options.root);
  const { prepared, templates } = await readProject(root);
  return compileOne(prepared, templates, options.audience ?? DEFAULT_AUDIENCE, options.strict);
}

export interface BuildDecksOptions {
  root: string;
  /** Called before each audience's build (for progress on a terminal). */
  onStart?: (audience: string, index: number, total: number) => void;
  /** Audiences to build; with `all`, every audience of the project. Default: briefing. */
  audiences?: readonly string[];
  all?: boolean;
  /** Output folder; a relative one is taken from `root` (the CLI's --out, from the current folder). Default: <root>/output. */
  out?: string;
  /** Also write <out>/<audience>.spec.json (and .context.json). */
  emit?: ReadonlyArray<'spec' | 'context'>;
  /**
   * Leave a deck and its manifest that are on disk already with the same bytes as they are (watch:
   * a rebuild that changed nothing in a deck does not replace a file a viewer may hold open).
   */
  keepIdentical?: boolean;
  strict?: boolean;
  /** The project already read (watch reads it once to decide what to rebuild). */
  project?: ProjectSources;
  /**
   * Keep what js-yaml read of the project in <root>/.mujaz-cache, and read from there what it
   * read before (io/parse-cache.ts): a cold build does not parse unchanged YAML again. Off by
   * default; the command line turns it on (but with --no-cache).
   */
  cache?: ParseCacheOptions;
}

/** A deck buildDecks built (`if (deck.bytes)`: built and written) or could not. */
export type WrittenDeck = DeckResult & {
  /** Paths written, when the deck succeeded. */
  files: string[];
  /** Milliseconds this audience took, from its context to its files written. */
  ms: number;
};

/**
 * Builds decks and writes each to <out>/<audience>.pptx with its manifest, atomically: a failed
 * build or write leaves the previous deck and manifest as they were. Content is parsed once for
 * all audiences.
 */
export async function buildDecks(options: BuildDecksOptions): Promise<WrittenDeck[]> {
  const root = path.resolve(options.root);
  return withParseCache(root, options.cache, (known) => buildAndWrite(root, options, known));
}

async function buildAndWrite(root: string, options: BuildDecksOptions, known?: KnownValues): Promise<WrittenDeck[]> {
  const out = path.resolve(root, options.out ?? 'output');
  const { prepared, templates } = options.project ?? (await readProject(root, known));
  const names = selectAudiences(templates.templates, options);
  const results: WrittenDeck[] = [];
  for (const [index, name] of names.entries()) {
    options.onStart?.(name, index, names.length);
    const started = performance.now();
    const result = await compileOne(prepared, templates, name, options.strict, known);
    if (!result.bytes) {
      results.push({ ...result, files: [], ms: performance.now() - started });
      continue;
    }
    const written = await writeOutputs(result, out, options);
    const ms = performance.now() - started;
    results.push(written.diagnostic ? { ...result, bytes: undefined, files: written.files, ms, diagnostics: [...result.diagnostics, written.diagnostic] } : { ...result, files: written.files, ms });
  }
  return results;
}

/**
 * Writes a built deck with its manifest and what --emit asked for, all or none (writeAtomicAll):
 * a failure leaves the previous deck and manifest as they were, never a new deck beside an old
 * manifest. The deck is renamed into place first: it is the file most likely to refuse (a viewer
 * holding it open), and when it does nothing has been replaced. A file-system failure (a folder
 * that is a file, no permission, a full disk) is a diagnostic naming the path, not an internal error.
 */
async function writeOutputs(result: DeckResult, out: string, options: Pick<BuildDecksOptions, 'emit' | 'keepIdentical'>): Promise<{ files: string[]; diagnostic?: Diagnostic }> {
  const { emit } = options;
  const name = result.audience;
  const deck: [string, Uint8Array | string][] = [
    [path.join(out, `${name}.pptx`), result.bytes!],
    [path.join(out, `${name}.manifest.json`), `${JSON.stringify(result.manifest, null, 2)}\n`],
  ];
  const outputs = options.keepIdentical && (await alreadyThere(deck)) ? [] : [...deck];
  if (emit?.includes('spec') && result.spec) outputs.push([path.join(out, `${name}.spec.json`), `${JSON.stringify(result.spec, null, 2)}\n`]);
  if (emit?.includes('context') && result.context) outputs.push([path.join(out, `${name}.context.json`), `${JSON.stringify(extractFactUses(result.context).spec, null, 2)}\n`]);
  try {
    if (outputs.length) await writeAtomicAll(outputs);
    // A spec or context an earlier --emit wrote, not asked for this time, would no longer match the
    // deck beside it: it goes (a user debugging with it builds with --emit again).
    for (const kind of ['spec', 'context'] as const) {
      if (!emit?.includes(kind)) await rm(path.join(out, `${name}.${kind}.json`), { force: true }).catch(() => undefined);
    }
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    const { code, file } = error;
    const why = whyNotWritten(error.cause as NodeJS.ErrnoException);
    // (Windows refuses to replace a deck PowerPoint holds open: EBUSY, or EPERM)
    const locked = code === 'EBUSY' || (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES'));
    const openElsewhere = locked ? 'If the deck is open in PowerPoint or another program that locks it, close it and build again; else choose' : 'Choose';
    const lock = code === 'ELOCKED' ? (error.cause as { lock?: string }).lock : undefined;
    return {
      files: [],
      diagnostic: {
        // (another build writing the deck: a wait that ended, not a place that cannot be written)
        code: code === 'ELOCKED' ? 'MJZ192' : 'MJZ190',
        severity: 'error',
        message: `Cannot write ${file}: ${why}`,
        hint: `${
          code === 'ELOCKED' ? `Wait for that build to end, or stop it; if none runs, remove ${lock ?? 'its .lock file'} and build again.`
          : code === 'EISDIR' ? 'Move that folder away, or choose another --out folder.'
          : code === 'ENOSPC' || code === 'EDQUOT' ? 'Free some space on the disk, or choose an --out folder on another.'
          : `${openElsewhere} another --out folder, or fix its permissions.`
        } The previous deck and its manifest, if any, are unchanged.`,
        location: { file },
        ...(lock ? { related: [lock] } : {}),
      },
    };
  }
  return { files: [...new Set([...deck, ...outputs].map(([file]) => file))] };
}

/** Whether every file is on disk with these very bytes already. */
async function alreadyThere(files: readonly [string, Uint8Array | string][]): Promise<boolean> {
  for (const [file, data] of files) {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const there = await readFile(file).catch(() => undefined);
    if (!there || !Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(there)) return false;
  }
  return true;
}

export interface AudienceInfo {
  name: string;
  label?: string;
  description?: string;
  extends?: string;
  digits?: string;
  /** Problems with the audience's templates or theme, if any. */
  diagnostics: Diagnostic[];
}

/** Every audience of a project with its label and description (for `mujaz audiences`). */
export async function describeAudiences(root: string): Promise<AudienceInfo[]> {
  const { templates } = await readTemplates(path.resolve(root));
  // (a folder left without its theme.yaml is listed too, with the error that says why)
  return allAudiences(templates).map((name) => {
    const { audience, diagnostics } = loadAudience(name, templates);
    return {
      name,
      label: audience?.theme.label,
      description: audience?.theme.description,
      extends: audience?.theme.extends,
      digits: audience?.theme.digits,
      diagnostics,
    };
  });
}

const AUDIENCE_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * `mujaz new-audience NAME --from EXISTING`: copies an audience's folder under a new name,
 * ready to build and edit; with `extend`, writes only a theme that extends it. Returns the
 * folder made, or the problems.
 */
export async function scaffoldAudience(
  root: string,
  name: string,
  from: string,
  options: { extend?: boolean } = {},
): Promise<{ folder?: string; diagnostics: Diagnostic[] }> {
  const base = path.resolve(root);
  const wrongRoot = await projectProblem(base);
  if (wrongRoot) return { diagnostics: [wrongRoot] };
  const { templates } = await readTemplates(base);
  const known = audienceNames(templates);
  const problem = (message: string, hint?: string): { diagnostics: Diagnostic[] } => ({ diagnostics: [{ code: 'MJZ153', severity: 'error', message, hint }] });
  if (!AUDIENCE_NAME.test(name)) return problem(`"${name}" is not a valid audience name`, 'Use lowercase letters, digits and dashes, starting with a letter, e.g. diplomats.');
  if (known.includes(name) || existsSync(path.join(base, 'templates', name))) return problem(`templates/${name} already exists`, 'Choose another name, or edit that audience.');
  const source = loadAudience(from, templates);
  if (!source.audience) return { diagnostics: source.diagnostics };
  const folder = path.join(base, 'templates', name);
  try {
    if (options.extend) {
      // Builds on `from`: everything it does not set comes from there, the slide list included.
      const theme = source.audience.theme;
      const text = [
        '# yaml-language-server: $schema=../../docs/schemas/theme.schema.json',
        `# The "${name}" audience: it takes everything from "${from}" but what it sets here.`,
        `# Add a deck.hbs for its own slide list, or partials/ to change single slides.`,
        `extends: ${from}`,
        `# The deck's name on its title slide, in Arabic: say who this deck is for.`,
        `label: ${JSON.stringify(theme.label)}`,
        `description: ${JSON.stringify(`Like ${from}: describe who "${name}" is for.`)}`,
        `# digits: arabic-indic`,
        `# marking: "للاستخدام الرسمي"`,
        `# logo: { file: logo.png, alt: "شعار الجهة", slides: title }   # a PNG or JPEG put in this folder: on the title slide (title), or on every slide (all)`,
        `colors:`,
        `  primary: ${JSON.stringify(theme.colors.primary)}`,
        '',
      ].join('\n');
      await writeAtomic(path.join(folder, 'theme.yaml'), text);
      return { folder, diagnostics: [] };
    }
    await copyFolder(path.join(base, 'templates', from), folder);
    const themePath = path.join(folder, 'theme.yaml');
    const theme = await readFile(themePath, 'utf8');
    const header = `# The "${name}" audience, copied from "${from}" by mujaz new-audience: edit this theme and deck.hbs.\n`;
    await writeAtomic(themePath, header + theme);
    return { folder, diagnostics: [] };
  } catch (error) {
    // The file system refused (no permission, a full disk): the folder begun goes (it was not
    // there before), so that the same command works once that is fixed.
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    const removed = await rm(folder, { recursive: true, force: true }).then(() => true, () => false);
    // (named from the root, as the project's files are)
    const { file, message } = notWritten(e, folder, (full) => {
      const inside = path.relative(base, full);
      return inside.startsWith('..') || path.isAbsolute(inside) ? full : inside.split(path.sep).join('/');
    });
    const left = removed ? `Nothing of templates/${name} is left: run the command again once that is fixed.` : `Remove templates/${name} before running the command again.`;
    return { diagnostics: [{ code: 'MJZ153', severity: 'error', message, hint: `${fixForWrite(e.code, 'work in a copy of the project')} ${left}`, location: { file } }] };
  }
}

/** What to give diff instead of a file it cannot read. */
const GIVE_A_BUILD = 'give a .pptx that mujaz built, or the .manifest.json beside it';

/** More than any deck or manifest mujaz writes (a 1,000-slide deck is a few MB): not read further. */
export const MAX_BUILD_BYTES = 256 * 1024 * 1024;

/**
 * A file's bytes, at most MAX_BUILD_BYTES of them. A device is refused unread (/dev/zero never
 * ends). A pipe (`mujaz diff <(git show HEAD:output/briefing.manifest.json) …`) is read to its
 * end, up to the limit, opened without waiting: a named pipe no program writes to ends at once,
 * where a blocking open would hold a thread of Node's pool, and the process, for good. Throws a
 * ManifestError, or the error of the file system for readManifest to word.
 */
async function readBuildFile(file: string, cannot: (why: string, fix: string) => ManifestError): Promise<Buffer> {
  const before = await stat(file);
  if (before.isDirectory()) throw cannot('it is a folder', GIVE_A_BUILD);
  if (!before.isFile() && !before.isFIFO()) throw cannot('it is a device, not a file', `${GIVE_A_BUILD}, as a file`);
  const tooLarge = () => cannot(`it is larger than ${MAX_BUILD_BYTES / 1024 / 1024} MB, more than any deck mujaz builds`, GIVE_A_BUILD);
  const handle = await open(file, before.isFIFO() ? constants.O_RDONLY | constants.O_NONBLOCK : 'r');
  try {
    // (what was opened: the path may have been replaced since)
    const stats = await handle.stat();
    if (stats.isFile()) {
      if (stats.size > MAX_BUILD_BYTES) throw tooLarge();
      return await handle.readFile();
    }
    if (!stats.isFIFO()) throw cannot('it is no longer a file', GIVE_A_BUILD);
    // (each read copied out of one buffer: a writer of small pieces makes small reads, and a
    // 64 KB buffer kept for each would hold far more than the limit)
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    for (;;) {
      const read = await handle.read(chunk, 0, chunk.length, null).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EAGAIN') return undefined; // (nothing written yet: wait for the writer)
        throw error;
      });
      if (read === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        continue;
      }
      if (read.bytesRead === 0) {
        // (a named pipe no program had opened to write when it was read: nothing to compare)
        if (total === 0) throw cannot('nothing was written to the pipe', `${GIVE_A_BUILD}, or start what writes into the pipe first`);
        return Buffer.concat(chunks, total);
      }
      total += read.bytesRead;
      if (total > MAX_BUILD_BYTES) throw tooLarge();
      chunks.push(Buffer.from(chunk.subarray(0, read.bytesRead)));
    }
  } finally {
    await handle.close();
  }
}

/**
 * A build manifest, from a <audience>.manifest.json file or read out of a .pptx that mujaz
 * built (it is embedded as a custom document property). Throws a ManifestError saying why the
 * file cannot be read and what to do, whatever is wrong with it: missing, unreadable, a damaged
 * zip, or JSON of the wrong shape (checked against the schema, never trusted).
 */
export async function readManifest(file: string): Promise<Manifest> {
  const cannot = (why: string, fix: string) => new ManifestError(`cannot read ${file}: ${why}; ${fix}`);
  let bytes: Buffer;
  try {
    bytes = await readBuildFile(file, cannot);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (error instanceof ManifestError || !e.code) throw error;
    if (e.code === 'EISDIR') throw cannot('it is a folder', GIVE_A_BUILD);
    if (e.code === 'ENOENT') throw cannot('it does not exist', 'check the path');
    if (e.code === 'EACCES' || e.code === 'EPERM') throw cannot('permission denied', 'make the file readable');
    throw cannot(e.message, GIVE_A_BUILD);
  }
  const pptx = bytes.subarray(0, 2).toString('latin1') === 'PK';
  const buildAgain = pptx ? 'build the deck again (mujaz build), or give the .manifest.json beside it' : 'build the deck again (mujaz build) to write a whole manifest';
  const what = pptx ? 'the manifest inside the .pptx' : 'the manifest';
  let json: string;
  if (pptx) {
    let custom: string | undefined;
    try {
      // Every part checked against its CRC (damage that still inflates, a changed byte in a stored
      // part, is caught too): by Node's zlib where the deck is whole, else by JSZip, which says
      // what is wrong with it.
      const checked = verifiedEntry(bytes, 'docProps/custom.xml');
      if (checked !== undefined) custom = checked === null ? undefined : new TextDecoder('utf-8').decode(checked);
      else {
        // (refused before JSZip inflates it: a zip bomb would keep it at work for hours)
        const implausible = implausibleZip(bytes);
        if (implausible) throw new Error(implausible);
        const { default: JSZip } = await import('jszip');
        const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
        custom = await zip.file('docProps/custom.xml')?.async('string');
      }
    } catch (error) {
      // (JSZip words some damage "Bug : ...": it is the file's, not mujaz's)
      throw cannot(`the .pptx is damaged (${(error as Error).message.replace(/^Bug\s*:\s*/, '')})`, buildAgain);
    }
    const embedded = custom ? readCustomProperties(custom)[MANIFEST_PROPERTY] : undefined;
    if (!embedded) throw cannot('it was not built by mujaz (it carries no manifest)', GIVE_A_BUILD);
    json = embedded;
  } else {
    json = bytes.toString('utf8');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    if (pptx) throw cannot(`${what} is damaged (${(error as Error).message})`, buildAgain);
    throw cannot('it is neither a .pptx nor a manifest (JSON)', GIVE_A_BUILD);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('mujaz' in parsed)) throw cannot('it is not a mujaz manifest (it has no "mujaz" field)', GIVE_A_BUILD);
  if (parsed.mujaz !== 1) throw cannot(`it is a manifest of format ${JSON.stringify(parsed.mujaz)}, and this mujaz reads format 1`, 'compare it with the mujaz that built it');
  const checked = checkManifest(parsed);
  if (!checked.manifest) throw cannot(`${what} is damaged or incomplete: ${checked.problem}`, buildAgain);
  return checked.manifest;
}

/** A problem reading a manifest: the file is missing, damaged, or not one mujaz made. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

export interface FactListing {
  key: string;
  label: string;
  value: number | string;
  origin: 'data' | 'stated';
  sources: string[];
  /** file:line of the fact in content/facts.yaml */
  where: string;
  /** Every place a deck shows it. */
  uses: { audience: string; slide: number; title: string; element: string }[];
}

/**
 * Every fact with its value, its sources and where each audience's deck shows it
 * (`mujaz facts`). Expands every audience's templates; draws no deck.
 */
export async function listFacts(options: { root: string }): Promise<{ facts: FactListing[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(options.root);
  const { prepared, templates } = await readProject(root);
  const diagnostics: Diagnostic[] = [];
  const uses = new Map<string, FactListing['uses']>();
  // (content with errors stops every audience, as in build: no template is expanded against it)
  for (const name of hasErrors(prepared.diagnostics) ? [] : audienceNames(templates.templates)) {
    const result = await compileAudience({ ...prepared, diagnostics: [] }, templates.templates, name, { render: false });
    diagnostics.push(...result.diagnostics);
    for (const use of result.uses ?? []) {
      const list = uses.get(use.key) ?? [];
      list.push({ audience: name, slide: use.slide + 1, title: result.spec?.slides[use.slide]?.title ?? '', element: use.element });
      uses.set(use.key, list);
    }
  }
  const facts = Object.values(prepared.facts).map((f) => ({
    key: f.key,
    label: f.label,
    value: f.value,
    origin: f.origin,
    sources: f.sources,
    where: `${f.location.file}${f.location.start ? `:${f.location.start.line}` : ''}`,
    uses: uses.get(f.key) ?? [],
  }));
  return { facts, diagnostics: uniqueDiagnostics([...prepared.diagnostics, ...templates.diagnostics, ...diagnostics]) };
}

/**
 * `mujaz check`: validates the content, the templates and the spec every audience produces,
 * without drawing or writing a deck (with `cache`, it keeps the parse cache as buildDecks does).
 * Returns every problem found.
 */
export async function checkProject(options: { root: string; audiences?: readonly string[]; all?: boolean; strict?: boolean; cache?: ParseCacheOptions }): Promise<{ audiences: string[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(options.root);
  return withParseCache(root, options.cache, (known) => checkAudiences(root, options, known));
}

async function checkAudiences(root: string, options: { audiences?: readonly string[]; all?: boolean; strict?: boolean }, known?: KnownValues): Promise<{ audiences: string[]; diagnostics: Diagnostic[] }> {
  const { prepared, templates } = await readProject(root, known);
  const names = selectAudiences(templates.templates, options);
  const diagnostics: Diagnostic[] = [...prepared.diagnostics, ...templates.diagnostics];
  // no project folder, or content with errors: that stops every audience, as in build (no
  // template is expanded against content that failed its checks)
  if (hasErrors(prepared.diagnostics)) return { audiences: names, diagnostics: uniqueDiagnostics(diagnostics) };
  for (const name of names) {
    const result = await compileAudience({ ...prepared, diagnostics: [] }, templates.templates, name, { render: false, strict: options.strict, known });
    diagnostics.push(...result.diagnostics);
  }
  return { audiences: names, diagnostics: uniqueDiagnostics(diagnostics) };
}

export type PreviewedDeck = WrittenDeck & {
  /** The rendered PDF, one PNG per slide and the contact sheet (when the deck was built). */
  preview?: { dir: string; pdf: string; slides: string[]; contactSheet: string };
};

/**
 * `mujaz preview`: builds the decks, then renders each through LibreOffice to a PDF, a PNG per
 * slide and a contact sheet under <out>/preview/<audience>/. Throws a MissingToolError naming
 * what to install when LibreOffice, poppler-utils or ImageMagick is missing.
 */
export async function previewDecks(
  options: BuildDecksOptions & { onPreview?: (audience: string, step: 'pdf' | 'slides' | 'sheet', index: number, total: number) => void },
): Promise<PreviewedDeck[]> {
  const { checkPreviewTools, previewDeck } = await import('./preview/preview.js');
  const { fontCoverage } = await import('./preview/tools.js');
  checkPreviewTools();
  const decks = await buildDecks(options);
  const root = path.resolve(options.root);
  const out = path.resolve(root, options.out ?? 'output');
  const results: PreviewedDeck[] = [];
  for (const [index, deck] of decks.entries()) {
    if (!deck.bytes) {
      results.push(deck);
      continue;
    }
    const dir = path.join(out, 'preview', deck.audience);
    const files = await previewDeck(deck.files[0]!, dir, { onProgress: ({ step }) => options.onPreview?.(deck.audience, step, index, decks.length) });
    // A font the theme names that this machine lacks, or that has no Arabic letters: the preview
    // shows a stand-in, not the deck (and a font without Arabic letters would do so everywhere).
    const fonts = deck.context?.theme.fonts;
    const coverage = fonts ? await fontCoverage([fonts.heading, fonts.body]) : undefined;
    const warnings: Diagnostic[] = [];
    for (const font of coverage?.missing ?? []) {
      const near = didYouMean(font, coverage!.installed);
      warnings.push({
        code: 'MJZ154',
        severity: 'warning',
        message: `The font "${font}" that the theme of "${deck.audience}" names is not installed here: the preview draws its text in another font`,
        hint: `${near ? `Did you mean "${near}"? ` : ''}Install "${font}" on this machine (fc-list lists the installed fonts), or name an installed font with Arabic and Latin glyphs under fonts: in the audience's theme.yaml (or the theme it extends). The deck itself names "${font}", and shows it wherever it is installed.`,
        ...(await fontLine(root, deck.audience, font)),
      });
    }
    for (const font of coverage?.withoutArabic ?? []) {
      warnings.push({
        code: 'MJZ157',
        severity: 'warning',
        message: `The font "${font}" that the theme of "${deck.audience}" names has no Arabic letters: PowerPoint and LibreOffice draw the slides' Arabic text in another font`,
        hint: `Name a font with Arabic and Latin glyphs (\`fc-list :lang=ar family\` lists those installed here, e.g. Amiri or Noto Naskh Arabic) under fonts: in the theme.`,
        ...(await fontLine(root, deck.audience, font)),
      });
    }
    results.push({ ...deck, diagnostics: [...deck.diagnostics, ...warnings], preview: { dir, ...files } });
  }
  return results;
}

/**
 * Where a theme names `font` (fonts: heading or body): in the audience's theme.yaml, or else in
 * the nearest theme it extends that names it; the audience's theme.yaml when none is found.
 */
async function fontLine(root: string, audience: string, font: string): Promise<Pick<Diagnostic, 'location' | 'source'>> {
  const seen = new Set<string>();
  for (let name: string | undefined = audience; name !== undefined && !seen.has(name); ) {
    seen.add(name);
    const file: string = `templates/${name}/theme.yaml`;
    const text: string | undefined = await readFile(path.join(root, file), 'utf8').catch(() => undefined);
    if (text === undefined) break;
    const lines: string[] = text.split(/\r\n|\r|\n/);
    const at = lines.findIndex((line: string) => /^\s*(heading|body)\s*:/.test(line.replace(/^\s*fonts\s*:\s*\{?\s*/, '')) && line.includes(font));
    if (at !== -1) return { location: { file, start: { line: at + 1, column: lines[at]!.indexOf(font) + 1 } }, source: text };
    name = /^extends\s*:\s*["']?([\w-]+)/m.exec(text)?.[1];
  }
  return { location: { file: `templates/${audience}/theme.yaml` } };
}

/**
 * `mujaz watch` as a function: builds, then rebuilds on every save and reports each event.
 * Loads the file watcher only when called. Close the returned watcher to stop.
 */
export async function watchProject(
  options: import('./watch/watch.js').WatchOptions,
  onEvent: (event: import('./watch/watch.js').WatchEvent) => void,
): Promise<import('./watch/watch.js').Watcher> {
  const watch = await import('./watch/watch.js');
  return watch.watchProject(options, onEvent);
}
