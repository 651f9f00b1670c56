import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck, listAudiences } from '../../src/index.js';
import { REPO } from '../helpers/project.js';

/**
 * Golden tests of the deck spec: the contract between templates and rendering. A change to
 * content, templates or the context shows here as a readable diff. Regenerate on purpose with
 *   UPDATE_GOLDEN=1 npx vitest run tests/golden
 */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(await listAudiences(REPO))('golden spec: %s', (audience) => {
  it('matches the committed spec', async () => {
    const result = await buildDeck({ root: REPO, audience });
    expect(result.diagnostics).toEqual([]);
    const actual = `${JSON.stringify(result.spec, null, 2)}\n`;
    const golden = path.join(REPO, 'tests/golden', audience, 'spec.json');
    if (UPDATE || !existsSync(golden)) {
      if (!UPDATE && process.env.CI) throw new Error(`${golden} is missing; run UPDATE_GOLDEN=1 npx vitest run tests/golden and commit it`);
      await mkdir(path.dirname(golden), { recursive: true });
      await writeFile(golden, actual);
    }
    expect(actual).toBe(await readFile(golden, 'utf8'));
  });
});
