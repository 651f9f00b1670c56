import type { Command } from 'commander';
import { previewDecks } from '../../api.js';
import { MissingToolError } from '../../preview/tools.js';
import { deckOptions, deckTarget, relative, type CliContext, type DeckOptions } from '../context.js';

const STEPS = { pdf: 'rendering with LibreOffice', slides: 'one image per slide', sheet: 'contact sheet' } as const;

export function previewCommand(program: Command, cli: CliContext): void {
  deckOptions(program.command('preview').description('build, then render through LibreOffice: a PDF, a PNG per slide and a contact sheet under <out>/preview/<audience>/'), 'preview')
    .action(async (opts: DeckOptions) => {
      let results;
      try {
        results = await previewDecks({
          ...deckTarget(opts),
          onStart: (audience, i, total) => cli.out.progress(`[${i + 1}/${total}] building ${audience}…`),
          onPreview: (audience, step, i, total) => cli.out.progress(`[${i + 1}/${total}] ${audience}: ${STEPS[step]}…`),
        });
      } catch (error) {
        if (!(error instanceof MissingToolError)) throw error;
        cli.out.done();
        process.stderr.write(`error: ${error.message}\n`);
        return cli.fail();
      }
      cli.report(results.flatMap((r) => r.diagnostics), opts.root);
      for (const r of results) {
        if (!r.preview) {
          cli.out.result(false, `${r.audience}: not built, no preview`);
          cli.fail();
          continue;
        }
        cli.out.result(true, `${r.audience}: ${r.preview.slides.length} slides → ${relative(r.preview.dir)}/ (contact-sheet.png, slide-NN.png, ${r.audience}.pdf)`);
      }
    });
}
