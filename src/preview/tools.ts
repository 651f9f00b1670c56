import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Tool } from './missing.js';

/** node:child_process, loaded when a tool is run: a build's cold start does without it (about 5 ms alone; see scripts/bundle.mjs). */
const childProcess = () => createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');

export { MissingToolError, type Tool } from './missing.js';

export function missingTools(tools: readonly Tool[]): Tool[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return tools.filter((t) => !dirs.some((d) => existsSync(path.join(d, t))));
}

/** What `fc-list` prints for `pattern`, or undefined when it cannot say. */
function fcList(pattern: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = childProcess().spawn('fc-list', [pattern, 'family'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? output : undefined));
  });
}

/**
 * What fontconfig knows of the fonts `wanted`: those not installed, those installed without
 * Arabic letters (LibreOffice draws the Arabic text of such a font in another one), and every
 * installed family (for "did you mean"). Undefined when fc-list cannot say.
 */
export async function fontCoverage(wanted: readonly string[]): Promise<{ missing: string[]; withoutArabic: string[]; installed: string[] } | undefined> {
  const [all, arabic] = await Promise.all([fcList(':'), fcList(':lang=ar')]);
  if (all === undefined || arabic === undefined) return undefined;
  const missing = missingFrom(all, wanted);
  const withoutArabic = missingFrom(arabic, wanted).filter((f) => !missing.includes(f));
  return { missing, withoutArabic, installed: [...families(all)] };
}

/**
 * What `fc-list : family` prints: a line per face, its family names split by commas, with
 * - , \ escaped by a backslash ("Hyphen\-Face"). The families of `wanted` not among them.
 */
export function missingFrom(fcList: string, wanted: readonly string[]): string[] {
  const installed = new Set([...families(fcList)].map((f) => f.toLowerCase()));
  return [...new Set(wanted)].filter((f) => !installed.has(f.trim().toLowerCase()));
}

/** The family names `fc-list … family` prints, unescaped. */
function families(fcList: string): Set<string> {
  return new Set(
    fcList
      .split('\n')
      .flatMap((line) => line.split(/(?<!\\),/))
      .map((f) => f.replace(/\\(.)/g, '$1').trim())
      .filter(Boolean),
  );
}

/** Runs a program to completion; rejects with its output when it fails. */
export function run(cmd: string, args: readonly string[], what: string, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => reject(new Error(`${what} failed: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ? `killed by ${signal}` : `exit ${code}`}):\n${output.trim()}`));
    });
  });
}
