import { readdir, readFile } from 'node:fs/promises';
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
  /** The files read, by path relative to the root. */
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

/** Every template and theme under templates/ (all audiences, and _shared). */
export async function readTemplateFiles(root: string): Promise<ProjectFiles> {
  const templates = new Map<string, SourceFile>();
  const diagnostics: Diagnostic[] = [];
  const files = await listFiles(root, 'templates', ['.hbs', '.yaml', '.yml']);
  await Promise.all(
    files.map(async (rel) => {
      const { file, diagnostic } = await readText(root, rel);
      if (file) templates.set(rel, file);
      if (diagnostic) diagnostics.push(diagnostic);
    }),
  );
  return { content: templates, diagnostics };
}
