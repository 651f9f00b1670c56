#!/usr/bin/env node
// The command line as one minified CommonJS bundle (part of npm run build, after tsc):
//   dist/bin/mujaz.cjs         everything the commands need, dependencies included (nothing is
//                              read from node_modules at run time), with its source map;
//   dist/bin/mujaz.js          the executable (src/cli/bin.ts), which compiles the bundle with
//   dist/bin/mujaz.cjs.cache   V8's code cache, written here after a sample build.
// A cold `mujaz build` starts about 150 ms sooner than from the ~400 modules tsc writes: Node
// reads three files, and V8 neither parses nor compiles again what the sample run compiled.
// The library (dist/index.js) stays as tsc writes it, one module per source file.
//
// The bundle's paths: `import.meta.url` becomes the bundle's own file, dist/bin/mujaz.cjs, which
// is as deep as dist/cli/ and dist/init/, so the `../..` that src/cli/main.ts and
// src/init/init.ts climb to the package's root still lands there.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/** pptxgenjs's imports of node:fs and node:https (see the plugin builtins-imported-once). */
const fromPptxgenjs = (id, importer) => /^node:(fs|https)$/.test(id) && /[\\/]pptxgenjs[\\/]/.test(importer ?? '');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'dist/bin');
rmSync(path.join(bin, 'mujaz.cjs.cache'), { force: true }); // never left beside a bundle it was not made from
await build({
  cwd: root,
  input: path.join(root, 'dist/cli/main.js'),
  platform: 'node',
  logLevel: 'warn',
  external: (id, importer) => /^node:/.test(id) && !fromPptxgenjs(id, importer) && !(id === 'node:child_process' && /[\\/]commander[\\/]/.test(importer ?? '')),
  plugins: [
    {
      // Handlebars loads the source-map library (100 kB) for source maps of precompiled
      // templates, which mujaz never asks for; it has its own stand-in when the library is absent.
      name: 'without-source-map',
      resolveId: (id) => (id === 'source-map' ? '\0empty' : null),
      load: (id) => (id === '\0empty' ? 'export {};' : null),
    },
    {
      // pptxgenjs runs `await import('node:fs')` and `import('node:https')` for every slide. In a
      // CommonJS bundle each becomes a fresh copy of the module's namespace (35 ms at 1,000
      // slides); through a module of the bundle, the namespace is made once.
      // node:https stands in as an object that loads it when first used: pptxgenjs uses it only to
      // fetch a picture named by an http address, which mujaz never gives it. Loading it (with
      // tls, http and net) takes about 12 ms alone; with the two below, about 15 ms of every cold
      // start (they share modules).
      name: 'builtins-imported-once',
      resolveId: (id, importer) => (fromPptxgenjs(id, importer) ? `\0once:${id}` : null),
      // (loaded on first use, as before: pptxgenjs reads `default`, and `promises` of node:fs)
      load: (id) => {
        if (!id.startsWith('\0once:')) return null;
        const name = id.slice(6);
        return name === 'node:https'
          ? `let mod;\nconst https = () => (mod ??= require('node:https'));\nexport default new Proxy({}, { get: (_, key) => https()[key], has: (_, key) => key in https() });\nexport const promises = undefined;`
          : `const mod = require('${name}');\nexport default mod;\nexport const promises = mod.promises;`;
      },
    },
    {
      // fflate's build for Node requires node:worker_threads when it is loaded, for its
      // asynchronous functions; mujaz calls unzipSync only, the same code in fflate's other build,
      // which loads nothing (about 4 ms alone).
      name: 'fflate-without-workers',
      resolveId: (id) => (id === 'fflate' ? path.join(root, 'node_modules/fflate/esm/browser.js') : null),
    },
    {
      // commander requires node:child_process when it is loaded, for subcommands run as other
      // programs, which mujaz has none of: it gets an object that loads the module when first used
      // (about 5 ms alone).
      name: 'child-process-when-used',
      resolveId: (id, importer) => (id === 'node:child_process' && /[\\/]commander[\\/]/.test(importer ?? '') ? '\0lazy:node:child_process' : null),
      load: (id) => (id === '\0lazy:node:child_process' ? `let mod;\nconst load = () => (mod ??= require('node:child_process'));\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });` : null),
    },
  ],
  // MUJAZ_MINIFY=0 keeps the names readable, for a profile (node --cpu-prof dist/bin/mujaz.js ...).
  output: { file: path.join(bin, 'mujaz.cjs'), format: 'cjs', charset: 'ascii', codeSplitting: false, dynamicImportInCjs: false, minify: process.env.MUJAZ_MINIFY !== '0', sourcemap: true },
});
copyFileSync(path.join(root, 'dist/cli/bin.js'), path.join(bin, 'mujaz.js'));
chmodSync(path.join(bin, 'mujaz.js'), 0o755);

// The code cache: a build of every audience of this repository, into a folder thrown away.
const out = mkdtempSync(path.join(os.tmpdir(), 'mujaz-code-cache-'));
const run = spawnSync(process.execPath, [path.join(bin, 'mujaz.js'), 'build', '--all', '--quiet', '--root', root, '--out', out], {
  env: { ...process.env, MUJAZ_WRITE_CODE_CACHE: '1' },
  encoding: 'utf8',
});
rmSync(out, { recursive: true, force: true });
if (run.status !== 0) process.stderr.write(`bundle: the sample build for the code cache failed (the cache covers less):\n${run.stderr}`);
