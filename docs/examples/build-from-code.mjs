// Build a deck from code: the bytes and the diagnostics, no files written unless you write them.
//   npm run build && node docs/examples/build-from-code.mjs [audience]
// In a project that depends on mujaz, import from 'mujaz' instead of the relative path.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDeck, formatDiagnostics } from '../../dist/index.js';

const audience = process.argv[2] ?? 'briefing';
const result = await buildDeck({ root: fileURLToPath(new URL('../..', import.meta.url)), audience });

if (result.diagnostics.length) console.error(formatDiagnostics(result.diagnostics));
if (!result.bytes) {
  console.error(`${audience}: not built`);
  process.exitCode = 1;
} else {
  const file = path.join(os.tmpdir(), `${audience}-from-code.pptx`);
  await writeFile(file, result.bytes);
  console.log(JSON.stringify({ file, slides: result.spec.slides.length, facts: result.usedFacts.length, bytes: result.bytes.length }));
}
