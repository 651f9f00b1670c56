#!/usr/bin/env node
/**
 * The executable (copied to dist/bin/mujaz.js by scripts/bundle.mjs). The command line itself is
 * one minified CommonJS bundle, dist/bin/mujaz.cjs: Node reads one file instead of ~400 modules.
 * It is compiled with V8's code cache, dist/bin/mujaz.cjs.cache, which the build writes after a
 * sample run, so the functions a build needs are not parsed and compiled again on every start.
 * A cache V8 does not accept (another Node, a changed bundle) is ignored: the bundle is compiled
 * as usual. With --debug, the bundle is loaded by Node's own loader with source maps on, so a
 * stack trace names the TypeScript sources.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface Cli {
  runCli(): void;
}

const BUNDLE = fileURLToPath(new URL('../bin/mujaz.cjs', import.meta.url));
const CACHE = `${BUNDLE}.cache`;

function load(): Cli {
  const require = createRequire(BUNDLE);
  if (process.argv.includes('--debug')) {
    process.setSourceMapsEnabled(true);
    return require(BUNDLE) as Cli;
  }
  const source = readFileSync(BUNDLE, 'utf8').replace(/^#!.*/, '');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined; // no cache: compiled as usual
  }
  // (The bundle holds no import(): scripts/bundle.mjs turns pptxgenjs's into require.)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
  if (process.env.MUJAZ_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(CACHE, script.createCachedData()));
  return module.exports;
}

load().runCli();
