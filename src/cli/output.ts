import { writeSync } from 'node:fs';

/**
 * Human output of the command line, on stderr: results, and progress for long work. Progress
 * shows only on a terminal and never with --quiet; colour only on a terminal without NO_COLOR.
 * Data goes to stdout elsewhere, untouched by any of this.
 */
export interface Output {
  /** A result line (✓ or ✗ …): always shown unless --quiet. */
  result(ok: boolean, text: string): void;
  /** A passing status line that the next one replaces (terminal only). */
  progress(text: string): void;
  /** Clears a pending progress line. */
  done(): void;
  /** A line to show unless --quiet. */
  info(text: string): void;
}

export function createOutput(options: { quiet?: boolean; stream?: NodeJS.WriteStream; env?: NodeJS.ProcessEnv } = {}): Output {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const tty = Boolean(stream.isTTY);
  const color = tty && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb';
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let pending = false;
  const clear = () => {
    if (pending) stream.write('\r\u001b[2K');
    pending = false;
  };
  return {
    result(ok, text) {
      if (options.quiet && ok) return;
      clear();
      stream.write(`${ok ? paint(32, '✓') : paint(31, '✗')} ${text}\n`);
    },
    progress(text) {
      if (!tty || options.quiet) return;
      clear();
      stream.write(paint(2, text));
      pending = true;
    },
    done: clear,
    info(text) {
      if (options.quiet) return;
      clear();
      stream.write(`${text}\n`);
    },
  };
}

/** The standard output could not take the data (a full disk, a closed output, a reader gone). */
export class StdoutError extends Error {
  constructor(readonly code: string | undefined, why: string) {
    super(`cannot write to the standard output: ${why}`);
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Data on stdout (facts, a diff, the audiences, help), written whole or not at all quietly:
 * Node's process.stdout, on a file, drops what a short write leaves (a full disk gave the first
 * 8 KB of `facts --json`, and exit 0), and throws a failed write's error from an event, with a
 * stack trace. Each write is tried until all of it is written; a failure is a StdoutError.
 */
export function writeData(text: string, fd = 1): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      // (a pipe left non-blocking: its reader has not caught up)
      if (e.code === 'EAGAIN') {
        Atomics.wait(PAUSE, 0, 0, 2);
        continue;
      }
      const why = e.code === 'ENOSPC' ? 'the disk is full'
        : e.code === 'EDQUOT' ? 'the disk quota is used up'
        : e.code === 'EPIPE' ? 'its reader has closed it'
        : e.code === 'EBADF' ? 'it is closed'
        : e.code === 'EFBIG' ? 'the file would be larger than the system allows'
        : e.code === 'EIO' ? 'the device failed'
        : e.message;
      throw new StdoutError(e.code, `${why}${e.code ? ` (${e.code})` : ''}`);
    }
  }
}
