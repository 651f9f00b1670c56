import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS, jsonSchema, type SchemaName } from '../src/schemas.js';
import { REPO } from './helpers/project.js';

describe('JSON Schemas for editors', () => {
  it.each(Object.keys(SCHEMAS) as SchemaName[])('docs/schemas/%s.schema.json is generated from the code’s schema', async (name) => {
    const committed = JSON.parse(await readFile(path.join(REPO, 'docs/schemas', `${name}.schema.json`), 'utf8')) as unknown;
    expect(committed, 'run `npm run schemas` and commit the result').toEqual(jsonSchema(name));
  });

  it('is named by the shipped files, so editors find it', async () => {
    const files = ['content/article.yaml', 'content/facts.yaml', 'content/sources.yaml', 'content/data/groups.yaml', 'templates/briefing/theme.yaml'];
    for (const file of files) {
      const first = (await readFile(path.join(REPO, file), 'utf8')).split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, file).not.toBeNull();
      expect(existsSync(path.resolve(REPO, path.dirname(file), m![1]!)), `${file} → ${m![1]}`).toBe(true);
    }
  });
});
