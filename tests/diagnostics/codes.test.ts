import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { REPO } from '../helpers/project.js';

describe('diagnostic codes', () => {
  it('lists every code the source emits, with a title and a hint', async () => {
    const files = (await readdir(path.join(REPO, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    const used = new Set<string>();
    for (const f of files) for (const m of (await readFile(path.join(REPO, 'src', f), 'utf8')).matchAll(/code: '(MJZ\d+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((code) => !(code in CODES)).sort()).toEqual([]);
  });
});
