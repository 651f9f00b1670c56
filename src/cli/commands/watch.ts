import type { Command } from 'commander';
import { formatDiff } from '../../manifest/diff.js';
import type { WatchEvent } from '../../watch/watch.js';
import { onStopSignal } from '../signals.js';
import { deckOptions, deckTarget, emitOption, fromProject, groupByAudience, relative, type CliContext, type DeckOptions } from '../context.js';
import { StdoutError, writeData } from '../output.js';

/** Problems of a first build that no save mends: no project folder, no such audience, nowhere to write the deck. */
const STOPS_WATCH = new Set(['MJZ123', 'MJZ150', 'MJZ190']);

export function watchCommand(program: Command, cli: CliContext): void {
  deckOptions(program.command('watch').description('rebuild the decks whenever content/ or templates/ change, and say what changed'), 'rebuild')
    .addOption(emitOption())
    .action(async (opts: DeckOptions & { emit?: ('spec' | 'context')[] }) => {
      const { watchProject } = await import('../../watch/watch.js'); // chokidar only when watching
      // The decks of one rebuild are reported together, as build --all does: a problem of a shared
      // file is printed once, naming every audience it stops, before the line of each deck.
      /** A path of the project (content/facts.yaml) as named from here (../proj/content/facts.yaml). */
      const fromRoot = (file: string) => {
        const shown = fromProject(opts.root, file);
        return file.endsWith('/') && !shown.endsWith('/') ? `${shown}/` : shown;
      };
      let round: WatchEvent[] = [];
      let stdoutLost = false;
      let stopped = false;
      const reportRound = (stopping = false) => {
        const events = round;
        round = [];
        cli.report(events.flatMap((e) => ('diagnostics' in e ? e.diagnostics : [])), opts.root);
        for (const event of events) {
          if (event.type === 'built') {
            cli.out.result(true, `${event.audience} → ${relative(event.file)} (${event.ms} ms)`);
            if (event.diff && !stdoutLost) {
              try {
                writeData(`${event.audience}: ${formatDiff(event.diff).replace(/\n/g, `\n${' '.repeat(event.audience.length + 2)}`)}\n`);
              } catch (error) {
                if (!(error instanceof StdoutError)) throw error;
                // (the decks are still built: watch goes on, and says it once)
                stdoutLost = true;
                process.stderr.write(`warning: ${error.message}; the changes of each rebuild are no longer printed (the decks still are built)\n`);
              }
            }
          } else if (event.type === 'failed') {
            cli.out.result(false, stopping ? `${event.audience}: not built` : `${event.audience}: not rebuilt; the last good deck stays. Fix the problem and save again.`);
          }
        }
      };
      const watcher = watchProject({ ...deckTarget(opts), emit: opts.emit }, (event) => {
        switch (event.type) {
          case 'ready': {
            // A first build that failed for want of the project, the audience or a place to write
            // is not mended by a save: watch stops there, as build would (exit 1).
            // (one problem several audiences share, a missing project folder, counts once)
            const hopeless = groupByAudience(round.flatMap((e) => (e.type === 'failed' ? e.diagnostics.filter((d) => STOPS_WATCH.has(d.code)) : []))).length;
            reportRound(hopeless > 0);
            if (hopeless) {
              stopped = true;
              cli.fail();
              process.stderr.write(`watch stops: ${hopeless > 1 ? 'these problems are' : 'this problem is'} not mended by saving a file; fix ${hopeless > 1 ? 'them' : 'it'}, then start watch again.\n`);
              break;
            }
            cli.out.info(`watching ${event.watching.map(fromRoot).join(' and ')} (Ctrl-C to stop)`);
            break;
          }
          case 'changed':
            reportRound(); // (the rebuild before this one, if it is still to be printed)
            cli.forgetReported(); // each rebuild says all it finds, even what an earlier one said
            cli.out.info(`changed: ${event.files.map(fromRoot).join(', ')}`);
            break;
          case 'unwatched':
            // (said at once: the decks go on being rebuilt from what watch still follows)
            cli.report(event.diagnostics, opts.root);
            break;
          case 'built':
          case 'failed':
            // (a rebuild reports its decks one after another, in one go: they are printed once it has)
            if (round.length === 0) setImmediate(reportRound);
            round.push(event);
            break;
        }
      });
      await watcher.ready;
      if (stopped) return watcher.close();
      await new Promise<void>((resolve) => {
        // Ctrl-C: the rebuild under way finishes its writes, then watch ends (a second Ctrl-C ends it at once)
        onStopSignal(() => void watcher.close().then(resolve));
      });
    });
}
