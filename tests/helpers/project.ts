import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/diagnostics/yaml-source.js';
import { syntheticProject as writeSynthetic } from '../../scripts/synthetic.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shipped content/ as the reader hands it to the parse stage. */
export async function shippedContent(): Promise<Map<string, SourceFile>> {
  const files = new Map<string, SourceFile>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(REPO, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else if (/\.(ya?ml|txt)$/.test(entry.name)) files.set(rel, { path: rel, text: await readFile(path.join(REPO, rel), 'utf8') });
    }
  };
  await walk('content');
  return files;
}

/** The shipped content with one file's text replaced (a small edit for a test). */
export async function contentWith(file: string, edit: (text: string) => string): Promise<Map<string, SourceFile>> {
  const files = await shippedContent();
  const current = files.get(file);
  if (!current) throw new Error(`no ${file}`);
  files.set(file, { path: file, text: edit(current.text) });
  return files;
}

/** A temporary copy of the project (content/ and templates/), for tests that write or edit. */
export async function tempProject(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mujaz-test-'));
  await cp(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  await cp(path.join(REPO, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** Replace exactly one occurrence, failing loudly if the text to replace is not there. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i === -1) throw new Error(`fixture edit: "${from}" not found`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/**
 * Shows facts on a slide of every shipped deck: their references go into the notes of the
 * announcement, which every audience shows. A deck lists a source only when it shows a fact that
 * rests on it, so a test that adds sources through facts shows them so.
 */
export async function showInNotes(root: string, keys: readonly string[]): Promise<void> {
  const article = path.join(root, 'content/article.yaml');
  const text = await readFile(article, 'utf8');
  await writeFile(article, replaceOnce(text, '    notes: "تعتزم الحكومة السورية', `    notes: "${keys.map((key) => `[[${key}]]`).join(' ')} تعتزم الحكومة السورية`));
}

/**
 * A project whose outline has `n` parts, each a slide of the audience "bench" (the benchmark's,
 * scripts/synthetic.mjs): a large deck, slow to build and to write.
 */
export async function syntheticProject(n: number): Promise<string> {
  return writeSynthetic(n);
}
