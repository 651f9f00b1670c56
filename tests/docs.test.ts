import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';

describe('documentation', () => {
  it('runs the library example as written', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'docs/examples/build-from-code.mjs'), 'briefing'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; slides: number; bytes: number };
    expect(out.slides).toBeGreaterThanOrEqual(12);
    expect(readFileSync(out.file).subarray(0, 2).toString()).toBe('PK');
  });

  it('links only to files that exist', () => {
    for (const doc of ['README.md', 'docs/authors-guide.md']) {
      const text = readFileSync(path.join(REPO, doc), 'utf8');
      for (const m of text.matchAll(/\]\(((?:docs|src|templates|content|tests)\/[^)#\s]+)\)/g)) {
        expect(existsSync(path.resolve(REPO, m[1]!)), `${doc} → ${m[1]}`).toBe(true);
      }
    }
  });
});
