import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Tool } from './missing.js';

export { MissingToolError, type Tool } from './missing.js';

export function missingTools(tools: readonly Tool[]): Tool[] {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return tools.filter((t) => !dirs.some((d) => existsSync(path.join(d, t))));
}

/**
 * The families of `wanted` that fontconfig does not know on this machine (LibreOffice would draw
 * them in another font), or undefined when fc-list cannot say.
 */
export function missingFonts(wanted: readonly string[]): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const child = spawn('fc-list', [':', 'family'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => {
      if (code !== 0) return resolve(undefined);
      resolve(missingFrom(output, wanted));
    });
  });
}

/**
 * What `fc-list : family` prints: a line per face, its family names split by commas, with
 * - , \ escaped by a backslash ("Hyphen\-Face"). The families of `wanted` not among them.
 */
export function missingFrom(fcList: string, wanted: readonly string[]): string[] {
  const installed = new Set(
    fcList
      .split('\n')
      .flatMap((line) => line.split(/(?<!\\),/))
      .map((f) => f.replace(/\\(.)/g, '$1').trim().toLowerCase()),
  );
  return [...new Set(wanted)].filter((f) => !installed.has(f.trim().toLowerCase()));
}

/** Runs a program to completion; rejects with its output when it fails. */
export function run(cmd: string, args: readonly string[], what: string, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
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
