#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { audienceCommands } from './commands/audiences.js';
import { buildCommand } from './commands/build.js';
import { factCommands } from './commands/facts.js';
import { initCommand } from './commands/init.js';
import { previewCommand } from './commands/preview.js';
import { watchCommand } from './commands/watch.js';
import { CliContext } from './context.js';
import { EXIT } from './exit.js';
import { StdoutError, writeData } from './output.js';
import { exitOnSignals } from './signals.js';

/**
 * The command line: a thin shell over the library (src/api.ts). Human messages go to stderr,
 * data to stdout; exit codes are named in exit.ts. One module per command under commands/.
 */
const pkg = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

/**
 * `codeId` names the code that runs (the executable gives the SHA-256 of its bundle): the
 * parse cache of build and check is kept under it (io/parse-cache.ts). Without it there is none.
 */
export async function main(argv: readonly string[], codeId?: string): Promise<number> {
  const program = new Command()
    .name('mujaz')
    .description('Turn YAML outlines of an Arabic analysis into right-to-left Arabic PowerPoint briefing decks.')
    .version(pkg.version, '-v, --version')
    .option('-q, --quiet', 'print problems only (no progress, no success lines)')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => writeData(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run mujaz --help for usage)');
  const cli = new CliContext(program, codeId);
  buildCommand(program, cli);
  audienceCommands(program, cli);
  factCommands(program, cli);
  watchCommand(program, cli);
  previewCommand(program, cli);
  initCommand(program, cli);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
      // `build -a briefing media`: commander says only that there is an argument too many
      if (error.code === 'commander.excessArguments' && argv.some((a) => a === '-a' || a.startsWith('--audience'))) {
        process.stderr.write('(to name several audiences, give -a before each: -a briefing -a media; or --all for every one)\n');
      }
      return EXIT.USAGE;
    }
    if (error instanceof StdoutError) {
      // (`mujaz facts | head`: the reader has what it wanted)
      if (error.code === 'EPIPE') return cli.exitCode;
      const full = error.code === 'ENOSPC' || error.code === 'EDQUOT';
      process.stderr.write(`error: ${error.message}; what was printed is not whole\n  hint: ${full ? 'Free some space, or send' : 'Send'} the output somewhere it can be written (a file on another disk, a pipe whose reader stays open).\n`);
      return EXIT.OUTPUT;
    }
    const stack = (error as Error).stack ?? String(error);
    process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in mujaz; please report it with the stack trace${argv.includes('--debug') ? '' : ' (run again with --debug for all of it)'}:\n`);
    process.stderr.write(`${argv.includes('--debug') ? stack : stack.split('\n').slice(0, 6).join('\n')}\n`);
    return EXIT.INTERNAL;
  }
  return cli.exitCode;
}

/** Run when executed as it is (node dist/cli/main.js), not when imported or bundled (dist/bin/mujaz.js calls runCli). */
function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
/** The process's command line, run: what the executable (src/cli/bin.ts) does. */
export function runCli(codeId?: string): void {
  exitOnSignals();
  // `mujaz facts | head`: a closed pipe ends the output, not with a stack trace
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), codeId).then((code) => {
    process.exitCode = code;
  });
}
if (invokedDirectly()) runCli();
