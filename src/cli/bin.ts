#!/usr/bin/env node
/**
 * The executable (copied to dist/bin/mujaz.js by scripts/bundle.mjs). The command line itself is
 * one minified CommonJS bundle, dist/bin/mujaz.cjs: Node reads one file instead of ~400 modules.
 * It is compiled with V8's code cache, dist/bin/mujaz.cjs.cache, which the build writes after a
 * sample run, so the functions a build needs are not parsed and compiled again on every start.
 *
 * The cache begins with the SHA-256 of the bundle it was made from, and is used only with that
 * bundle: V8 itself checks little more than the source's length, and would run the code of an
 * old bundle for a new one of the same length. A cache that does not fit (another bundle,
 * another Node) is ignored and the bundle compiled as usual.
 *
 * With --debug, the bundle is loaded by Node's own loader with source maps on, so a stack trace
 * names the modules tsc compiled (dist/**\/*.js, one per TypeScript source) and their lines.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface Cli {
  /** `codeId` names this build of the command line (the parse cache, io/parse-cache.ts, is kept under it). */
  runCli(codeId?: string): void;
}

const BUNDLE = fileURLToPath(new URL('../bin/mujaz.cjs', import.meta.url));
const CACHE = `${BUNDLE}.cache`;
const DIGEST_BYTES = 32;

/** V8's cached data for `digest`, or undefined when there is none for it. */
function cacheFor(digest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CACHE);
  } catch {
    return undefined; // no cache: compiled as usual
  }
  return file.length > DIGEST_BYTES && file.subarray(0, DIGEST_BYTES).equals(digest) ? file.subarray(DIGEST_BYTES) : undefined;
}

function load(): { cli: Cli; digest: Buffer } {
  const require = createRequire(BUNDLE);
  const bytes = readFileSync(BUNDLE);
  const digest = createHash('sha256').update(bytes).digest();
  if (process.argv.includes('--debug')) {
    process.setSourceMapsEnabled(true);
    return { cli: require(BUNDLE) as Cli, digest };
  }
  const source = bytes.toString('utf8').replace(/^#!.*/, '');
  // (The bundle holds no import(): scripts/bundle.mjs turns pptxgenjs's into require.)
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData: cacheFor(digest) });
  const module = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, BUNDLE, path.dirname(BUNDLE));
  if (process.env.MUJAZ_WRITE_CODE_CACHE === '1') {
    process.once('exit', () => {
      writeFileSync(`${CACHE}.tmp`, Buffer.concat([digest, script.createCachedData()]));
      renameSync(`${CACHE}.tmp`, CACHE);
    });
  }
  return { cli: module.exports, digest };
}

const { cli, digest } = load();
cli.runCli(digest.toString('hex'));
