import type { Command } from 'commander';
import { InitError, initProject } from '../../init/init.js';
import { relative, type CliContext } from '../context.js';

export function initCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('start a new briefing project in DIR: an example outline, facts with sources, and the shipped audiences')
    .argument('<dir>', 'the folder to create (or an empty one)')
    .action(async (dir: string) => {
      try {
        const files = await initProject(dir);
        cli.out.result(true, `created ${relative(dir)}/ (${files.length} files). Next:`);
        // the command as it was run: npx mujaz works only where mujaz is installed (it is not on the registry)
        const viaNpm = process.env.npm_command === 'exec' || process.env.npm_lifecycle_event !== undefined;
        const mujaz = viaNpm || !process.argv[1] ? 'npx mujaz' : `node ${relative(process.argv[1])}`;
        cli.out.info(`  ${mujaz} build --all --root ${relative(dir)}      # the example builds as it is`);
        cli.out.info('  then put your article in content/article.txt and outline it in content/article.yaml (docs/authors-guide.md)');
      } catch (error) {
        if (!(error instanceof InitError)) throw error;
        process.stderr.write(`error: ${error.message}\n`);
        cli.fail();
      }
    });
}
