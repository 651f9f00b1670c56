// Writes docs/schemas/<name>.schema.json from the zod schemas (npm run schemas).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMAS, jsonSchema } from '../dist/schemas.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../docs/schemas');
await mkdir(dir, { recursive: true });
for (const name of Object.keys(SCHEMAS)) {
  await writeFile(path.join(dir, `${name}.schema.json`), `${JSON.stringify(jsonSchema(name), null, 2)}\n`);
  console.error(`wrote docs/schemas/${name}.schema.json`);
}
