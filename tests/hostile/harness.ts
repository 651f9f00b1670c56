/**
 * The hostile-input suite's tools: the shipped project with one file edited, run through the
 * stages in memory (no .pptx drawn), and assertions on where a diagnostic points.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { compileAudience, prepareContent, type DeckResult } from '../../src/build.js';
import { CODES, type Code } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import type { SourceFile } from '../../src/diagnostics/yaml-source.js';
import { REPO, shippedContent } from '../helpers/project.js';

export type Files = Map<string, SourceFile>;
export type Edit = (text: string) => string;

let templatesCache: Files | undefined;

/** The shipped templates/ as the reader hands them to the stages. */
export async function shippedTemplates(): Promise<Files> {
  if (templatesCache) return new Map(templatesCache);
  const files: Files = new Map();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(path.join(REPO, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else if (/\.(hbs|ya?ml)$/.test(entry.name)) files.set(rel, { path: rel, text: await readFile(path.join(REPO, rel), 'utf8') });
    }
  };
  await walk('templates');
  templatesCache = files;
  return new Map(files);
}

let contentCache: Files | undefined;
async function content(): Promise<Files> {
  contentCache ??= await shippedContent();
  return new Map(contentCache);
}

export interface Run {
  result: DeckResult;
  /** The errors of the run (warnings left out). */
  errors: Diagnostic[];
  /** The text of each edited file, after the edit. */
  texts: Map<string, string>;
}

/**
 * Runs content and one audience's templates through every stage up to the validated spec,
 * with the given files edited (a function of the shipped text, or a whole new text).
 */
export async function run(edits: Record<string, Edit | string> = {}, audience = 'briefing'): Promise<Run> {
  const contentFiles = await content();
  const templateFiles = await shippedTemplates();
  const texts = new Map<string, string>();
  for (const [file, edit] of Object.entries(edits)) {
    const target = file.startsWith('templates/') ? templateFiles : contentFiles;
    const text = typeof edit === 'string' ? edit : edit(target.get(file)?.text ?? '');
    target.set(file, { path: file, text });
    texts.set(file, text);
  }
  const result = await compileAudience(prepareContent(contentFiles), templateFiles, audience, { render: false });
  return { result, errors: result.diagnostics.filter((d) => d.severity === 'error'), texts };
}

/** Replace exactly one occurrence, failing loudly if the text to replace is not there. */
export function replace(from: string, to: string): Edit {
  return (text) => {
    const i = text.indexOf(from);
    if (i === -1) throw new Error(`fixture edit: "${from.slice(0, 60)}" not found`);
    return text.slice(0, i) + to + text.slice(i + from.length);
  };
}

/** The 1-based line and column of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i === -1) throw new Error(`"${needle.slice(0, 60)}" is not in the text`);
  const before = text.slice(0, i + offset);
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * The one error of a run with this code: asserts it exists, points at `file` and (when given)
 * at line and column, carries a hint and prints with a code frame.
 */
export function expectError(
  run: Run,
  code: Code,
  where: { file: string; line?: number; column?: number; audience?: string },
  message?: RegExp,
): Diagnostic {
  const found = run.errors.filter((d) => d.code === code);
  expect(found.map((d) => `${d.code} ${d.location?.file}:${d.location?.start?.line}:${d.location?.start?.column} ${d.message}`), `errors: ${summarize(run.errors)}`).not.toEqual([]);
  const d = found.find((x) => x.location?.file === where.file && (where.line === undefined || x.location?.start?.line === where.line)) ?? found[0]!;
  expect(d.location?.file).toBe(where.file);
  if (where.line !== undefined) expect(d.location?.start?.line, summarize([d])).toBe(where.line);
  if (where.column !== undefined) expect(d.location?.start?.column, summarize([d])).toBe(where.column);
  if (where.audience !== undefined) expect(d.audience).toBe(where.audience);
  if (message) expect(d.message).toMatch(message);
  expectWellFormed(d);
  return d;
}

/** Every diagnostic: a catalog code, a message, a hint, and (when it has a line) a code frame. */
export function expectWellFormed(d: Diagnostic): void {
  expect(Object.keys(CODES)).toContain(d.code);
  expect(d.code).not.toBe('MJZ900');
  expect(d.message.length).toBeGreaterThan(5);
  const hint = d.hint ?? CODES[d.code as Code].hint;
  expect(hint.length).toBeGreaterThan(5);
  const text = formatDiagnostic(d);
  expect(text).toContain(`hint: `);
  if (d.location?.start) {
    expect(text.split('\n')[0]).toContain(`${d.location.file}:${d.location.start.line}:${d.location.start.column}: ${d.severity} ${d.code}`);
    expect(text).toMatch(new RegExp(`\\n> +${d.location.start.line} \\| `));
    expect(text).toMatch(/\n +\| *\^/);
  }
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.start?.line}:${d.location?.start?.column} ${d.message}`).join('\n');
}
