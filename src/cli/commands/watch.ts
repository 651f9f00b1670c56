import type { Command } from 'commander';
import { formatDiff } from '../../manifest/diff.js';
import { deckOptions, deckTarget, relative, type CliContext, type DeckOptions } from '../context.js';

export function watchCommand(program: Command, cli: CliContext): void {
  deckOptions(program.command('watch').description('rebuild the decks whenever content/ or templates/ change, and say what changed'), 'rebuild')
    .action(async (opts: DeckOptions) => {
      const { watchProject } = await import('../../watch/watch.js'); // chokidar only when watching
      const watcher = watchProject(deckTarget(opts), (event) => {
        switch (event.type) {
          case 'ready':
            cli.out.info(`watching ${event.watching.join(' and ')} (Ctrl-C to stop)`);
            break;
          case 'changed':
            cli.forgetReported(); // each rebuild says all it finds, even what an earlier one said
            cli.out.info(`changed: ${event.files.join(', ')}`);
            break;
          case 'built':
            cli.report(event.diagnostics);
            cli.out.result(true, `${event.audience} → ${relative(event.file)} (${event.ms} ms)`);
            if (event.diff) process.stdout.write(`${event.audience}: ${formatDiff(event.diff).replace(/\n/g, `\n${' '.repeat(event.audience.length + 2)}`)}\n`);
            break;
          case 'failed':
            cli.report(event.diagnostics);
            cli.out.result(false, `${event.audience}: not rebuilt; the last good deck stays. Fix the problem and save again.`);
            break;
        }
      });
      await watcher.ready;
      await new Promise<void>((resolve) => {
        const stop = () => void watcher.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
