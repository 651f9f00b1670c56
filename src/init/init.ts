import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package: its shipped templates, the starter project, the editor schemas. */
const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The audiences a new project gets, with what each one's deck is there (`mujaz audiences` shows
 * it): the five shipped with mujaz. One a user made beside them in the package's templates/ is
 * not copied: it belongs to that project, and its own deck would not fit the starter's outline.
 */
const STARTER_DESCRIPTIONS: Record<string, string> = {
  briefing: 'The full analysis: the agenda, every part of the argument, and the sources.',
  leadership: 'For decision-makers: the bottom line, what to watch, and the sources.',
  media: 'For the press and the public: the news in brief, the numbers, and the sources.',
  economy: "For economic and development officials: the briefing's slides in its own colours, until it has a deck.hbs of its own.",
  security: "For security officials: the briefing's slides in its own colours, until it has a deck.hbs of its own.",
};

export class InitError extends Error {
  override name = 'InitError';
}

/**
 * `mujaz init DIR`: a new briefing project that builds as it is. It gets the starter outline
 * (three parts of an article, its facts with sources), the audiences shipped with mujaz (their
 * themes and the shared partials; the briefing, leadership and media slide lists made generic,
 * so that they fit any outline, without the partials of their shipped decks; the others use the
 * briefing's), the editor schemas and the authors' guide.
 * Returns the files made, relative to DIR.
 */
export async function initProject(dir: string): Promise<string[]> {
  const target = path.resolve(dir);
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    if (error.code === 'ENOTDIR') throw new InitError(`${dir} is a file: give the name of a new folder`);
    throw error;
  });
  if (existing.some((name) => name === 'content' || name === 'templates')) {
    throw new InitError(`${dir} already holds a content/ or templates/ folder: mujaz init starts new projects only`);
  }
  // Nothing already there is written over: the guide and the editor schemas go to docs/.
  const docs = ['docs/authors-guide.md', ...(await readdir(path.join(PACKAGE, 'docs/schemas'))).map((f) => `docs/schemas/${f}`)];
  const taken = docs.filter((file) => existsSync(path.join(target, file)));
  if (taken.length) throw new InitError(`${dir} already holds ${taken.join(', ')}, which mujaz init would write over: start the project in a new folder`);
  await mkdir(target, { recursive: true });
  const starter = path.join(PACKAGE, 'src/init/starter');
  await cp(path.join(starter, 'content'), path.join(target, 'content'), { recursive: true });
  await cp(path.join(PACKAGE, 'templates/_shared'), path.join(target, 'templates/_shared'), { recursive: true });
  const starterDecks = new Set(await readdir(path.join(starter, 'templates')));
  for (const audience of Object.keys(STARTER_DESCRIPTIONS)) {
    await mkdir(path.join(target, 'templates', audience), { recursive: true });
    // The shipped descriptions tell the example article's decks; the starter's decks are others.
    const theme = await readFile(path.join(PACKAGE, 'templates', audience, 'theme.yaml'), 'utf8');
    const description = STARTER_DESCRIPTIONS[audience]!;
    await writeFile(path.join(target, 'templates', audience, 'theme.yaml'), theme.replace(/^description: .*$/m, `description: ${JSON.stringify(description)}`));
    // An audience's own partials belong to its shipped deck (the media title slide names the
    // example's facts); a starter deck, written for any outline, uses the shared ones.
    if (starterDecks.has(audience)) continue;
    const partials = path.join(PACKAGE, 'templates', audience, 'partials');
    if (await stat(partials).then((s) => s.isDirectory(), () => false)) await cp(partials, path.join(target, 'templates', audience, 'partials'), { recursive: true });
  }
  await cp(path.join(starter, 'templates'), path.join(target, 'templates'), { recursive: true });
  await cp(path.join(PACKAGE, 'docs/schemas'), path.join(target, 'docs/schemas'), { recursive: true });
  await cp(path.join(PACKAGE, 'docs/authors-guide.md'), path.join(target, 'docs/authors-guide.md'));
  await mkdir(path.join(target, 'output'), { recursive: true });
  // the files made (not others the folder held)
  return [...(await listRelative(target, 'content')), ...(await listRelative(target, 'templates')), ...docs].sort();
}

async function listRelative(root: string, dir = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listRelative(root, rel)));
    else out.push(rel);
  }
  return out.sort();
}
