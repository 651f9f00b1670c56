import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';
import { REPO } from '../helpers/project.js';

function stream(isTTY: boolean) {
  let text = '';
  return { s: { isTTY, write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

describe('human output', () => {
  it('shows progress only on a terminal, and replaces it', () => {
    const tty = stream(true);
    const out = createOutput({ stream: tty.s, env: { NO_COLOR: '1' } });
    out.progress('[1/2] building a…');
    out.result(true, 'a: 3 slides');
    expect(tty.text()).toBe('[1/2] building a…\r\u001b[2K✓ a: 3 slides\n');
    const pipe = stream(false);
    const quiet = createOutput({ stream: pipe.s, env: {} });
    quiet.progress('[1/2] building a…');
    quiet.result(true, 'a: 3 slides');
    expect(pipe.text()).toBe('✓ a: 3 slides\n');
  });

  it('colours only on a terminal without NO_COLOR', () => {
    const tty = stream(true);
    createOutput({ stream: tty.s, env: {} }).result(false, 'x');
    expect(tty.text()).toBe('\u001b[31m✗\u001b[0m x\n');
    const plain = stream(true);
    createOutput({ stream: plain.s, env: { NO_COLOR: '1' } }).result(false, 'x');
    expect(plain.text()).toBe('✗ x\n');
  });

  it('is silent with --quiet except for failures', () => {
    const s = stream(true);
    const out = createOutput({ stream: s.s, env: {}, quiet: true });
    out.progress('…');
    out.result(true, 'ok');
    out.info('watching');
    out.result(false, 'broken');
    expect(s.text()).toBe('\u001b[31m✗\u001b[0m broken\n');
  });
});

describe('data on stdout', () => {
  const CLI = path.join(REPO, 'dist/bin/mujaz.js');
  /** The command with its standard output on a file opened from `target` (/dev/full: every write fails, the disk full). */
  const into = (target: string, args: string[]) => {
    const fd = openSync(target, 'w');
    try {
      return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    } finally {
      closeSync(fd);
    }
  };

  it('says a full disk, with exit 4, never a stack trace nor exit 0 or 1 (for diff: "they differ")', () => {
    const deck = path.join(REPO, 'output/briefing.pptx');
    for (const args of [['facts'], ['facts', '--json'], ['audiences', '--json'], ['--help'], ...(existsSync(deck) ? [['diff', deck, deck, '--json']] : [])]) {
      const r = into('/dev/full', args);
      expect([args.join(' '), r.status]).toEqual([args.join(' '), 4]);
      expect(r.stderr).toBe('error: cannot write to the standard output: the disk is full (ENOSPC); what was printed is not whole\n  hint: Free some space, or send the output somewhere it can be written (a file on another disk, a pipe whose reader stays open).\n');
    }
  });

  it('writes all of it to a file, and stops quietly when the reader of a pipe has what it wanted', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-stdout-'));
    try {
      const file = path.join(dir, 'facts.json');
      expect(into(file, ['facts', '--json']).status).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).length).toBeGreaterThan(5);
      // (head reads one line and closes the pipe: EPIPE, not an error)
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" facts | head -c 10 >/dev/null; echo "status $?"`], { cwd: REPO, encoding: 'utf8' });
      expect(r.stdout).toBe('status 0\n');
      expect(r.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes every byte of a long text, even to a pipe whose reader is slow (a write that takes part, or must wait)', () => {
    // (a child writes 3 MB through writeData to a pipe that the parent reads only after a pause)
    const script = `import { writeData } from ${JSON.stringify(pathToFileURL(path.join(REPO, 'dist/cli/output.js')).href)}; writeData('أ'.repeat(1_500_000));`;
    const r = spawnSync('sh', ['-c', `"${process.execPath}" --input-type=module -e "$S" | (sleep 0.3; wc -c)`], { encoding: 'utf8', env: { ...process.env, S: script } });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('3000000');
  });
});
