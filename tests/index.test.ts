import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as mujaz from '../src/index.js';

describe('public API (src/index.ts)', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(mujaz).sort()).toEqual(
      [
        'DEFAULT_AUDIENCE',
        'DeckSpecSchema',
        'ManifestError',
        'MissingToolError',
        'ThemeSchema',
        'buildDeck',
        'buildDecks',
        'checkProject',
        'compileAudience',
        'describeAudiences',
        'diffManifests',
        'formatDiagnostic',
        'formatDiagnostics',
        'formatDiff',
        'listAudiences',
        'listFacts',
        'prepareContent',
        'previewDecks',
        'readManifest',
        'readProject',
        'scaffoldAudience',
        'watchProject',
      ].sort(),
    );
  });

  it('types a service that uses it as the README shows, without casts (tsc, strict, exactOptionalPropertyTypes, nodenext, against dist/ and its declarations checked)', () => {
    // tests/fixtures/consumer/usage.mts: a built deck has every field, readonly audience lists are
    // taken, MissingToolError is exported; a deck not built may lack its spec (@ts-expect-error)
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tests/fixtures/consumer/tsconfig.json'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
