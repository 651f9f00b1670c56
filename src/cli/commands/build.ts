import type { Command } from 'commander';
import { buildDecks, checkProject } from '../../api.js';
import { audienceOption, EVERY_AUDIENCE, groupByAudience, ROOT_OPTION, allOption, deckOptions, deckTarget, emitOption, noCacheOption, relative, type CliContext, type DeckOptions } from '../context.js';

export function buildCommand(program: Command, cli: CliContext): void {
  deckOptions(program.command('build').description('build the deck of an audience into <out>/<audience>.pptx'), 'build')
    .addOption(emitOption())
    .option('--strict', 'treat warnings as errors')
    .addOption(noCacheOption())
    .action(async (opts: DeckOptions & { emit?: ('spec' | 'context')[]; strict?: boolean; cache?: boolean }) => {
      const results = await buildDecks({
        ...deckTarget(opts),
        emit: opts.emit,
        strict: opts.strict,
        cache: cli.cacheFor(opts),
        onStart: (audience, i, total) => cli.out.progress(`[${i + 1}/${total}] building ${audience}…`),
      });
      cli.report(results.flatMap((r) => r.diagnostics), opts.root);
      for (const r of results) {
        if (r.bytes) {
          cli.out.result(true, `${r.audience}: ${r.spec?.slides.length ?? 0} slides → ${relative(r.files[0]!)}`);
        } else {
          // (--strict: say so when the deck failed on warnings alone, the lines above being marked "warning")
          const onWarnings = opts.strict && r.diagnostics.length > 0 && r.diagnostics.every((d) => d.severity === 'warning');
          cli.out.result(false, `${r.audience}: not built${onWarnings ? ' (--strict counts its warnings as errors)' : ''}; the previous deck, if any, is unchanged`);
          cli.fail();
        }
      }
    });

  program
    .command('check')
    .description('check the content, the templates and the deck spec of every audience (or of those -a names), without writing a deck')
    .addOption(audienceOption(EVERY_AUDIENCE, 'every audience'))
    .addOption(allOption('check'))
    .option(...ROOT_OPTION)
    .option('--strict', 'treat warnings as errors')
    .addOption(noCacheOption())
    .action(async (opts: { audience: string[]; all?: boolean; root: string; strict?: boolean; cache?: boolean }) => {
      const { audiences, diagnostics } = await checkProject({ root: opts.root, audiences: opts.audience, all: opts.all || opts.audience === EVERY_AUDIENCE, strict: opts.strict, cache: cli.cacheFor(opts) });
      cli.report(diagnostics, opts.root);
      const count = (severity: string) => groupByAudience(diagnostics.filter((d) => d.severity === severity)).length;
      const errors = count('error');
      const warnings = count('warning');
      const failed = errors > 0 || (Boolean(opts.strict) && warnings > 0);
      cli.out.result(!failed, `checked ${audiences.join(', ')}: ${errors} error(s), ${warnings} warning(s)${opts.strict && !errors && warnings ? ' (--strict counts warnings as errors)' : ''}`);
      if (failed) cli.fail();
    });
}
