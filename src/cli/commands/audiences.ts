import type { Command } from 'commander';
import { describeAudiences, projectProblem, scaffoldAudience } from '../../api.js';
import { ROOT_OPTION, mujazCommand, relative, type CliContext } from '../context.js';
import path from 'node:path';
import { EXIT } from '../exit.js';
import { shellWord } from '../../diagnostics/format.js';
import { writeData } from '../output.js';

export function audienceCommands(program: Command, cli: CliContext): void {
  program
    .command('audiences')
    .description('list the audiences (folders of templates/) with their descriptions')
    .option(...ROOT_OPTION)
    .option('--json', 'print JSON')
    .action(async (opts: { root: string; json?: boolean }) => {
      const wrongRoot = await projectProblem(path.resolve(opts.root));
      if (wrongRoot) {
        cli.report([wrongRoot], opts.root);
        if (opts.json) writeData('[]\n');
        return cli.fail();
      }
      const audiences = await describeAudiences(opts.root);
      if (audiences.length === 0) {
        // (an empty list would read as a project without audiences: say where none were found)
        process.stderr.write(`error: no audiences in ${relative(path.resolve(opts.root, 'templates'))}/ (each is a folder there with its theme.yaml): give --root the folder that holds content/ and templates/\n`);
        if (opts.json) writeData('[]\n');
        return cli.fail();
      }
      if (opts.json) {
        // (valid: it builds; a warning, such as a label shared with another audience, does not stop it)
        writeData(`${JSON.stringify(audiences.map(({ diagnostics, ...a }) => ({ ...a, valid: !diagnostics.some((d) => d.severity === 'error') })), null, 2)}\n`);
      } else {
        const width = Math.max(0, ...audiences.map((a) => a.name.length));
        for (const a of audiences) {
          const extra = [a.extends ? `extends ${a.extends}` : '', a.digits === 'arabic-indic' ? 'Arabic-Indic digits' : ''].filter(Boolean).join('; ');
          const about = [a.description, extra ? `(${extra})` : ''].filter(Boolean).join(' ');
          writeData(`${a.name.padEnd(width)}  ${a.label ?? '(does not load: its problem is below)'}${about ? ` — ${about}` : ''}\n`);
        }
      }
      cli.report(audiences.flatMap((a) => a.diagnostics), opts.root);
      if (audiences.some((a) => a.diagnostics.some((d) => d.severity === 'error'))) cli.fail();
    });

  program
    .command('new-audience')
    .description('start a new audience: a theme that builds on an existing one (--extends), or a copy of it (--from)')
    .argument('<name>', 'the new audience (lowercase letters, digits, dashes)')
    .option('--from <existing>', 'the audience to copy: its theme, slide list and partials')
    .option('--extends <existing>', 'or: the audience to build on; only a theme that extends it is written')
    .option(...ROOT_OPTION)
    .action(async (name: string, opts: { from?: string; extends?: string; root: string }) => {
      if (Boolean(opts.from) === Boolean(opts.extends)) {
        process.stderr.write('error: give either --from EXISTING (a copy) or --extends EXISTING (a theme that builds on it)\n');
        return cli.fail(EXIT.USAGE);
      }
      const { folder, diagnostics } = await scaffoldAudience(opts.root, name, (opts.from ?? opts.extends)!, { extend: Boolean(opts.extends) });
      cli.report(diagnostics, opts.root);
      if (!folder) return cli.fail();
      const root = path.resolve(opts.root) === process.cwd() ? '' : ` --root ${shellWord(relative(path.resolve(opts.root)))}`;
      cli.out.result(true, `created ${relative(folder)}: edit its theme.yaml (first its label, still that of ${opts.from ?? opts.extends})${opts.extends ? '' : ' and deck.hbs'}, then: ${mujazCommand()} build --audience ${name}${root}`);
    });
}
