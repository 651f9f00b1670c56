import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { projectAbove } from '../io/project.js';
import { fixForWrite, makeFolder, notWritten } from '../io/write.js';

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

/**
 * `mujaz init DIR`: a new briefing project that builds as it is. It gets the starter outline
 * (three parts of an article, its facts with sources), the audiences shipped with mujaz (their
 * themes and the shared partials; the briefing, leadership and media slide lists made generic,
 * so that they fit any outline, without the partials of their shipped decks; the others use the
 * briefing's), the editor schemas and the authors' guide.
 * Returns the files made, relative to DIR, or why none were: a folder that cannot take a project
 * (it holds one, or files init would write over), or the file system's refusal (no permission,
 * a full disk), after which nothing init made is left (so that it can be run again).
 */
export async function initProject(dir: string): Promise<{ files?: string[]; diagnostics: Diagnostic[] }> {
  const target = path.resolve(dir);
  // (the diagnostic stands at the folder: its message does not repeat it)
  const refuse = (message: string, hint: string) => ({ diagnostics: [{ code: 'MJZ191', severity: 'error', message, hint, location: { file: target } } satisfies Diagnostic] });
  let existing: string[];
  try {
    existing = await readdir(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') {
      const file = await stat(target).then((s) => s.isFile(), () => false);
      return refuse(file ? 'This is a file, not a folder' : 'A part of the path is a file, not a folder', 'Give the name of a new folder.');
    }
    if (code === 'EACCES' || code === 'EPERM') return refuse('The folder cannot be read: permission denied', 'Fix its permissions, or start the project in a new folder.');
    if (code !== 'ENOENT') return refuse(`The folder cannot be read (${code ?? (error as Error).message})`, 'Start the project in a new folder.');
    existing = [];
  }
  // (mujaz init proj/content: a project inside another's folder, which builds would read as the outer one's files)
  const outer = await projectAbove(target);
  if (outer !== undefined) {
    return { diagnostics: [{ ...refuse("This folder is inside a project (in its content/, templates/ or output/): a new project there would be read as part of that one", 'Start the new project in a folder of its own, beside that project rather than inside it.').diagnostics[0]!, related: [outer] }] };
  }
  if (existing.some((name) => name === 'content' || name === 'templates')) {
    return refuse('The folder already holds a content/ or templates/ folder: mujaz init starts new projects only', 'Start the project in a new folder, or build this one (mujaz build --root).');
  }
  // Nothing already there is written over: the guide and the editor schemas go to docs/.
  const docs = ['docs/authors-guide.md', ...(await readdir(path.join(PACKAGE, 'docs/schemas'))).map((f) => `docs/schemas/${f}`)];
  const taken = docs.filter((file) => existsSync(path.join(target, file)));
  if (taken.length) return refuse(`The folder already holds ${taken.join(', ')}, which mujaz init would write over`, 'Start the project in a new folder.');

  // What init makes, to take it all back if the file system refuses a part (no permission, a
  // full disk): the folders it makes (the project's own folder, when it is new, holds the rest),
  // and the files of docs/, which may go into folders that were there.
  const made: string[] = [];
  const makeFolders = async (rel: string) => made.push(...(await makeFolder(path.join(target, rel))));
  try {
    await makeFolders('.');
    await makeFolders('content');
    const starter = path.join(PACKAGE, 'src/init/starter');
    await cp(path.join(starter, 'content'), path.join(target, 'content'), { recursive: true });
    await makeFolders('templates');
    await cp(path.join(PACKAGE, 'templates/_shared'), path.join(target, 'templates/_shared'), { recursive: true });
    const starterDecks = new Set(await readdir(path.join(starter, 'templates')));
    for (const audience of Object.keys(STARTER_DESCRIPTIONS)) {
      await makeFolders(`templates/${audience}`);
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
    await makeFolders('docs/schemas');
    await cp(path.join(PACKAGE, 'docs/schemas'), path.join(target, 'docs/schemas'), { recursive: true });
    await cp(path.join(PACKAGE, 'docs/authors-guide.md'), path.join(target, 'docs/authors-guide.md'));
    await makeFolders('output');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.code) throw error;
    // Last made first: the files of docs/, then the folders (each one's own files with it).
    const removed = await Promise.all(docs.map((file) => rm(path.join(target, file), { force: true }).then(() => true, () => false)));
    for (const folder of made.reverse()) removed.push(await rm(folder, { recursive: true, force: true }).then(() => true, () => false));
    const { file, message } = notWritten(e, target);
    const left = removed.every(Boolean) ? 'mujaz init left nothing behind: run it again once that is fixed.' : `Remove what init made in ${target} before running it again.`;
    return {
      diagnostics: [{ code: 'MJZ191', severity: 'error', message, hint: `${fixForWrite(e.code, 'start the project in another folder')} ${left}`, location: { file }, related: [target] }],
    };
  }
  // the files made (not others the folder held)
  return { files: [...(await listRelative(target, 'content')), ...(await listRelative(target, 'templates')), ...docs].sort(), diagnostics: [] };
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
