import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Vitest's global setup: the tests' temporary folders (projects, decks, LibreOffice's profiles,
 * the CLI's output) go into one folder for the run, removed at its end, so that a run leaves
 * nothing in the system's temporary folder. The workers and the commands the tests spawn inherit
 * TMPDIR, which os.tmpdir() reads.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-tests-'));
  // (open to every user, as the system's is: tests run commands as another user, nobody, in it)
  chmodSync(dir, 0o1777);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
