import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/yaml-source.js';

/**
 * The only module that reads the file system. Readers return { path, text } with paths
 * relative to the project root (forward slashes), so diagnostics name files as the user sees them.
 */
const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readText(root: string, relative: string): Promise<{ file?: SourceFile; diagnostic?: Diagnostic }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(root, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const text = decoder.decode(bytes);
    return { file: { path: relative, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text } };
  } catch {
    return {
      diagnostic: { code: 'MJZ103', severity: 'error', message: `${relative} is not valid UTF-8 text`, location: { file: relative } },
    };
  }
}

/** Every file under `dir` (relative to root), recursively, without following links out of it. */
async function listFiles(root: string, dir: string, extensions: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw error;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(root, rel, extensions)));
    else if (entry.isFile() && extensions.some((e) => entry.name.endsWith(e))) out.push(rel);
  }
  return out;
}

export interface ProjectFiles {
  /** content/**: YAML and text, by path relative to the root. */
  content: Map<string, SourceFile>;
  diagnostics: Diagnostic[];
}

export async function readContentFiles(root: string): Promise<ProjectFiles> {
  const content = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const files = await listFiles(root, 'content', ['.yaml', '.yml', '.txt']);
  await Promise.all(
    files.map(async (rel) => {
      const { file, diagnostic } = await readText(root, rel);
      if (file) content.set(rel, file);
      if (diagnostic) diagnostics.push(diagnostic);
    }),
  );
  return { content, diagnostics };
}

export interface AudienceFiles {
  name: string;
  theme?: SourceFile;
  deck?: SourceFile;
  partials: Map<string, SourceFile>;
  diagnostics: Diagnostic[];
}

export async function readAudienceFiles(root: string, name: string): Promise<AudienceFiles> {
  const dir = `templates/${name}`;
  const diagnostics: Diagnostic[] = [];
  const one = async (rel: string) => {
    const { file, diagnostic } = await readText(root, rel);
    if (diagnostic) diagnostics.push(diagnostic);
    return file;
  };
  const [theme, deck, partialPaths] = await Promise.all([one(`${dir}/theme.yaml`), one(`${dir}/deck.hbs`), listFiles(root, `${dir}/partials`, ['.hbs'])]);
  const partials = new Map<string, SourceFile>();
  for (const rel of partialPaths) {
    const file = await one(rel);
    if (file) partials.set(path.posix.basename(rel, '.hbs'), file);
  }
  return { name, theme, deck, partials, diagnostics };
}

/** The audiences of a project: the folders of templates/ that hold a deck.hbs. */
export async function listAudiences(root: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, 'templates'), { withFileTypes: true });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    try {
      if ((await stat(path.join(root, 'templates', entry.name, 'deck.hbs'))).isFile()) names.push(entry.name);
    } catch {
      /* not an audience */
    }
  }
  return names.sort();
}
