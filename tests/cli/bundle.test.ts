/**
 * The executable (src/cli/bin.ts) runs the command line from one CommonJS bundle compiled with
 * V8's code cache, both written by `npm run build` (scripts/bundle.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'dist/bin');
const wrap = (file: string) => `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8').replace(/^#!.*/, '')}\n})`;
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the bundled command line', () => {
  it('comes with a code cache this Node accepts, made from this bundle', () => {
    const bundle = path.join(BIN, 'mujaz.cjs');
    const file = readFileSync(`${bundle}.cache`);
    expect(file.subarray(0, 32).equals(createHash('sha256').update(readFileSync(bundle)).digest())).toBe(true);
    const script = new vm.Script(wrap(bundle), { filename: bundle, cachedData: file.subarray(32) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('holds no dynamic import, which a script compiled from a cache could not run', () => {
    expect(readFileSync(path.join(BIN, 'mujaz.cjs'), 'utf8')).not.toMatch(/\bimport\(/);
  });

  const copyOfBin = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-bin-'));
    scratch.push(dir);
    cpSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
    cpSync(BIN, path.join(dir, 'dist/bin'), { recursive: true });
    return dir;
  };
  const run = (dir: string, args: string[]) => spawnSync(process.execPath, [path.join(dir, 'dist/bin/mujaz.js'), ...args], { encoding: 'utf8' });

  it('runs as usual when the cache is not a cache', () => {
    const dir = copyOfBin();
    writeFileSync(path.join(dir, 'dist/bin/mujaz.cjs.cache'), 'not a code cache');
    const r = run(dir, ['audiences', '--root', REPO]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^briefing\s/m);
  });

  it('runs the bundle it finds, not the code of the bundle the cache was made from', () => {
    // V8 alone would take a cache made from another bundle of the same length, and run its code.
    const dir = copyOfBin();
    const bundle = path.join(dir, 'dist/bin/mujaz.cjs');
    const text = readFileSync(bundle, 'utf8');
    expect(text).toContain('Turn YAML outlines');
    writeFileSync(bundle, text.replace('Turn YAML outlines', 'TURN YAML OUTLINES'));
    const r = run(dir, ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TURN YAML OUTLINES');
  });

  it('runs under --debug too (the bundle then loaded by Node, with source maps)', () => {
    const run = spawnSync(process.execPath, ['--trace-warnings', path.join(BIN, 'mujaz.js'), '--version', '--debug'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('builds a deck without loading what only other commands or pictures on the web need', () => {
    // Node's own modules a build of the briefing loads, printed as the process exits
    const out = mkdtempSync(path.join(os.tmpdir(), 'mujaz-modules-'));
    scratch.push(out);
    const report = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMODULES '+process.moduleLoadList.join(',')+'\\n'))`;
    const run = spawnSync(process.execPath, ['--import', report, path.join(BIN, 'mujaz.js'), 'build', '--quiet', '--no-cache', '--root', REPO, '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const loaded = new Set(/MODULES (.*)/.exec(run.stderr)![1]!.split(',').map((m) => m.replace(/^NativeModule /, '')));
    expect(loaded.has('zlib') && loaded.has('fs/promises')).toBe(true); // (what a build does need)
    // https (with tls and http) only for a picture named by an http address (pptxgenjs),
    // child_process for previews (and commander's subcommands run as programs), worker_threads
    // for a deck of about 250 slides or more
    for (const name of ['https', 'tls', 'child_process', 'worker_threads']) expect(loaded.has(name), name).toBe(false);
  });
});
