import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePptx } from '../helpers/pptx.js';
import { REPO } from '../helpers/project.js';

const CLI = path.join(REPO, 'dist/bin/mujaz.js');
const mujaz = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('mujaz init', () => {
  it('starts a project that builds as it is, every audience, without a warning', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'mujaz-init-')), 'new-brief');
    const made = mujaz(['init', dir]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toContain(`npx mujaz build --all --root`);
    const built = mujaz(['build', '--all', '--strict', '--root', dir]);
    expect(built.status, built.stderr).toBe(0);
    for (const audience of ['briefing', 'leadership', 'security', 'economy', 'media']) {
      expect(built.stderr).toMatch(new RegExp(`✓ ${audience}: \\d+ slides`));
      expect(validatePptx(readFileSync(path.join(dir, 'output', `${audience}.pptx`))).code, audience).toBe(0);
    }
    expect(mujaz(['check', '--all', '--strict', '--root', dir]).status).toBe(0);
  });

  it('refuses a folder that already holds a project', () => {
    const r = mujaz(['init', REPO]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already holds a content/ or templates/ folder');
  });
});
