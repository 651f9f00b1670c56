import { describe, expect, it } from 'vitest';
import * as mujaz from '../src/index.js';

describe('public API (src/index.ts)', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(mujaz).sort()).toEqual(
      [
        'DEFAULT_AUDIENCE',
        'DeckSpecSchema',
        'ManifestError',
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
});
