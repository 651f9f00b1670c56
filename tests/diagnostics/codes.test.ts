import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/diagnostics/codes.js';
import { didYouMeanId } from '../../src/diagnostics/diagnostic.js';
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

describe('did you mean an id', () => {
  const ids = Array.from({ length: 32 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
  it('names the id meant when one stands out: case and leading zeros, two figures swapped, one keystroke', () => {
    expect(didYouMeanId('s2', ids)).toBe('S02');
    expect(didYouMeanId('S002', ids)).toBe('S02');
    expect(didYouMeanId('S62', ids)).toBe('S26');
    expect(didYouMeanId('S31x', ids)).toBe('S31');
  });
  it('names none when several are as close, or none is', () => {
    expect(didYouMeanId('S99', ids)).toBeUndefined(); // S09, S19, S29
    expect(didYouMeanId('Reuters', ids)).toBeUndefined();
    expect(didYouMeanId('S1', [])).toBeUndefined();
  });
});
