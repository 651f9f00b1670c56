#!/usr/bin/env node
// The command line as one minified bundle (part of npm run build, after tsc): dist/bin/mujaz.js,
// with the parts it loads lazily (pptxgenjs, watch, preview) in chunks beside it. It starts about
// 100 ms sooner than the ~400 modules it replaces: Node resolves and reads a few files, not each
// of them, and parses less. Source maps sit beside it: `--debug` turns them on (src/cli/bin.ts).
// The library (dist/index.js) stays as tsc writes it, one module per source file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  cwd: root,
  input: { mujaz: path.join(root, 'dist/cli/bin.js') },
  platform: 'node',
  logLevel: 'warn',
  // Every dependency is bundled: the command needs nothing from node_modules at run time.
  external: [/^node:/],
  output: { minify: true, sourcemap: true, dir: path.join(root, 'dist/bin'), format: 'esm', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});
