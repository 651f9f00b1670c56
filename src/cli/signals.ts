import { abandonWrites } from '../io/write.js';

/**
 * Ctrl-C (SIGINT), SIGTERM, and SIGHUP (the terminal closed) in the middle of a command: the
 * files it was writing are taken back (their temporary files removed, a deck already replaced
 * put back beside its old manifest: src/io/write.ts abandonWrites), then the process exits with
 * the shell's code for the signal, 130, 143 or 129. A command that stops by itself on the signal
 * (watch, which finishes the rebuild under way and closes) says so with onStopSignal; a second
 * signal then stops it at once, the same way.
 */
const EXIT_ON: Record<'SIGINT' | 'SIGTERM' | 'SIGHUP', number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

let stopper: (() => void) | undefined;

/** Installs the handlers (the executable does; the library never touches signals). */
export function exitOnSignals(): void {
  for (const signal of Object.keys(EXIT_ON) as (keyof typeof EXIT_ON)[]) {
    process.on(signal, () => {
      const stop = stopper;
      stopper = undefined;
      if (stop) return stop();
      abandonWrites();
      process.exit(EXIT_ON[signal]);
    });
  }
}

/** The command stops by itself at the next SIGINT, SIGTERM or SIGHUP, calling `stop`. */
export function onStopSignal(stop: () => void): void {
  stopper = stop;
}
