/**
 * The executable (src/cli/bin.ts) runs the command line from one CommonJS bundle compiled with
 * V8's code cache, both written by `npm run build` (scripts/bundle.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'dist/bin');
const wrap = (file: string) => `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8').replace(/^#!.*/, '')}\n})`;
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the bundled command line', () => {
  it('comes with a code cache this Node accepts', () => {
    const bundle = path.join(BIN, 'mujaz.cjs');
    const script = new vm.Script(wrap(bundle), { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('holds no dynamic import, which a script compiled from a cache could not run', () => {
    expect(readFileSync(path.join(BIN, 'mujaz.cjs'), 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('runs as usual when the cache does not fit the bundle', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-bin-'));
    scratch.push(dir);
    cpSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
    cpSync(BIN, path.join(dir, 'dist/bin'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/bin/mujaz.cjs.cache'), 'not a code cache');
    const run = spawnSync(process.execPath, [path.join(dir, 'dist/bin/mujaz.js'), 'audiences', '--root', REPO], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^briefing\s/m);
  });

  it('runs under --debug too (the bundle then loaded by Node, with source maps)', () => {
    const run = spawnSync(process.execPath, ['--trace-warnings', path.join(BIN, 'mujaz.js'), '--version', '--debug'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
