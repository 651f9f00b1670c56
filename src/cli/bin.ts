#!/usr/bin/env node
/**
 * The executable (bundled and minified into dist/bin/mujaz.js by scripts/bundle.mjs). With
 * --debug, source maps are on before the rest loads, so a stack trace names the TypeScript
 * sources; without it, nothing pays for them.
 */
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
const { runCli } = await import('./main.js');
runCli();
