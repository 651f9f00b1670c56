import path from 'node:path';
import type { Command } from 'commander';
import { initProject } from '../../init/init.js';
import { shellWord } from '../../diagnostics/format.js';
import { fromProject, mujazCommand, relative, type CliContext } from '../context.js';

export function initCommand(program: Command, cli: CliContext): void {
  program
    .command('init')
    .description('start a new briefing project in DIR: an example outline, facts with sources, and the shipped audiences')
    .argument('<dir>', 'the folder to create (or an existing one: nothing in it is written over)')
    .action(async (dir: string) => {
      const { files, diagnostics } = await initProject(dir);
      cli.report(diagnostics);
      if (!files) return cli.fail();
      const shown = relative(path.resolve(dir));
      const inside = (file: string) => fromProject(dir, file);
      cli.out.result(true, `created ${shown}/ (${files.length} files). Next:`);
      cli.out.info(`  ${mujazCommand()} build --all --root ${shellWord(shown)}      # the example builds as it is`);
      cli.out.info(`  then put your article in ${inside('content/article.txt')} and outline it in ${inside('content/article.yaml')} (${inside('docs/authors-guide.md')})`);
    });
}
