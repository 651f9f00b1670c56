import type { Command } from 'commander';
import { listFacts, ManifestError, readManifest } from '../../api.js';
import { diffManifests, formatDiff, isEmpty } from '../../manifest/diff.js';
import { EXIT } from '../exit.js';
import { ROOT_OPTION, fromProject, type CliContext } from '../context.js';
import { writeData } from '../output.js';

export function factCommands(program: Command, cli: CliContext): void {
  program
    .command('facts')
    .description('list every fact: its value, its source, and where each audience shows it')
    .option(...ROOT_OPTION)
    .option('--json', 'print JSON')
    .action(async (opts: { root: string; json?: boolean }) => {
      const { facts, diagnostics } = await listFacts({ root: opts.root });
      cli.report(diagnostics, opts.root);
      if (diagnostics.some((d) => d.severity === 'error')) cli.fail();
      if (opts.json) {
        writeData(`${JSON.stringify(facts, null, 2)}\n`);
        return;
      }
      // (with errors in the content no deck is expanded: where a fact shows is not known)
      const usesKnown = !diagnostics.some((d) => d.severity === 'error');
      for (const f of facts) {
        writeData(`${f.key} = ${f.value}  ${f.label}  [${f.origin}; source ${f.sources.join(', ') || 'none'}; ${fromProject(opts.root, f.where)}]\n`);
        if (!f.uses.length && usesKnown) writeData('    (not shown on any slide)\n');
        for (const u of f.uses) writeData(`    ${u.audience} slide ${u.slide} (${u.title}): ${u.element}\n`);
      }
    });

  program
    .command('diff')
    .description('compare two builds (two .pptx files mujaz made, or two .manifest.json files); exit 1 when they differ')
    .argument('<old>', 'the earlier deck or manifest')
    .argument('<new>', 'the later deck or manifest')
    .option('--json', 'print JSON')
    .action(async (oldFile: string, newFile: string, opts: { json?: boolean }) => {
      let manifests;
      try {
        manifests = await Promise.all([readManifest(oldFile), readManifest(newFile)]);
      } catch (error) {
        if (!(error instanceof ManifestError)) throw error;
        process.stderr.write(`error: ${(error as Error).message}\n`);
        return cli.fail(EXIT.USAGE);
      }
      const [before, after] = manifests;
      if (before.audience !== after.audience) cli.out.info(`note: comparing two audiences' decks (${before.audience} and ${after.audience})`);
      const diff = diffManifests(before, after);
      writeData(opts.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff)}\n`);
      if (!isEmpty(diff)) cli.fail();
    });
}
