/**
 * Where a project is, seen from a folder: the project a folder belongs to, when the folder is
 * one of its own (its content/, templates/ or output/, or a folder below them). `build --root`
 * named so is told which folder to give instead; `init` there would make a project inside one.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** The folders of a project a path can wrongly name. */
const PROJECT_FOLDERS = ['content', 'templates', 'output'];

export async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** The project (a folder holding content/ and templates/) whose content/, templates/ or output/ holds `dir`, if there is one. */
export async function projectAbove(dir: string): Promise<string | undefined> {
  for (let up = path.dirname(dir); up !== path.dirname(up); up = path.dirname(up)) {
    const within = path.relative(up, dir).split(path.sep)[0]!;
    if (PROJECT_FOLDERS.includes(within) && (await isFolder(path.join(up, 'content'))) && (await isFolder(path.join(up, 'templates')))) return up;
  }
  return undefined;
}
