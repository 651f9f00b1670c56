#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { buildDecks, checkProject, describeAudiences, listFacts, ManifestError, readManifest, scaffoldAudience } from '../api.js';
import { diffManifests, formatDiff, isEmpty } from '../manifest/diff.js';
import { watchProject } from '../watch/watch.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic } from '../diagnostics/format.js';
import { EXIT } from './exit.js';

/** The command line: a thin shell over the library. Human messages on stderr, data on stdout. */
const pkg = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')) as { version: string };

function report(diagnostics: readonly Diagnostic[]): void {
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    if (seen.has(text)) continue; // content diagnostics repeat once per audience
    seen.add(text);
    process.stderr.write(`${text}\n\n`);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  const program = new Command()
    .name('mujaz')
    .description('Turn YAML outlines of an Arabic analysis into right-to-left Arabic PowerPoint briefing decks.')
    .version(pkg.version, '-v, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run mujaz --help for usage)');

  program
    .command('build')
    .description('build the deck of an audience into <out>/<audience>.pptx')
    .option('-a, --audience <name>', 'the audience (a folder of templates/)', 'briefing')
    .option('--all', 'build every audience')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .option('-o, --out <dir>', 'the output folder (default: <root>/output)')
    .addOption(new Option('--emit <what...>', 'also write <out>/<audience>.spec.json (spec) or .context.json (context)').choices(['spec', 'context']))
    .option('--strict', 'treat warnings as errors')
    .action(async (opts: { audience: string; all?: boolean; root: string; out?: string; emit?: ('spec' | 'context')[]; strict?: boolean }) => {
      const results = await buildDecks({
        root: opts.root,
        audiences: [opts.audience],
        all: opts.all,
        out: opts.out,
        emit: opts.emit,
        strict: opts.strict,
      });
      report(results.flatMap((r) => r.diagnostics));
      for (const r of results) {
        if (r.bytes) {
          const slides = r.spec?.slides.length ?? 0;
          process.stderr.write(`✓ ${r.audience}: ${slides} slides → ${path.relative(process.cwd(), r.files[0]!) || r.files[0]}\n`);
        } else {
          process.stderr.write(`✗ ${r.audience}: not built; the previous deck, if any, is unchanged\n`);
          exitCode = EXIT.INVALID_INPUT;
        }
      }
    });

  program
    .command('check')
    .description('check the content, the templates and every deck spec, without writing anything')
    .option('-a, --audience <name>', 'the audience to check', 'briefing')
    .option('--all', 'check every audience')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .option('--strict', 'treat warnings as errors')
    .action(async (opts: { audience: string; all?: boolean; root: string; strict?: boolean }) => {
      const { audiences, diagnostics } = await checkProject({ root: opts.root, audiences: [opts.audience], all: opts.all, strict: opts.strict });
      report(diagnostics);
      const errors = new Set(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).size;
      const warnings = new Set(diagnostics.filter((d) => d.severity === 'warning').map(formatDiagnostic)).size;
      process.stderr.write(`checked ${audiences.join(', ')}: ${errors} error(s), ${warnings} warning(s)\n`);
      if (errors || (opts.strict && warnings)) exitCode = EXIT.INVALID_INPUT;
    });

  program
    .command('audiences')
    .description('list the audiences (folders of templates/) with their descriptions')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .option('--json', 'print JSON')
    .action(async (opts: { root: string; json?: boolean }) => {
      const audiences = await describeAudiences(opts.root);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(audiences.map(({ diagnostics, ...a }) => ({ ...a, valid: diagnostics.length === 0 })), null, 2)}\n`);
      } else {
        const width = Math.max(0, ...audiences.map((a) => a.name.length));
        for (const a of audiences) {
          const extra = [a.extends ? `extends ${a.extends}` : '', a.digits === 'arabic-indic' ? 'Arabic-Indic digits' : ''].filter(Boolean).join('; ');
          process.stdout.write(`${a.name.padEnd(width)}  ${a.label ?? '(invalid theme)'} — ${a.description ?? ''}${extra ? ` (${extra})` : ''}\n`);
        }
      }
      report(audiences.flatMap((a) => a.diagnostics));
      if (audiences.some((a) => a.diagnostics.length)) exitCode = EXIT.INVALID_INPUT;
    });

  program
    .command('new-audience')
    .description('start a new audience as a working copy of an existing one')
    .argument('<name>', 'the new audience (lowercase letters, digits, dashes)')
    .requiredOption('--from <existing>', 'the audience to copy')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .action(async (name: string, opts: { from: string; root: string }) => {
      const { folder, diagnostics } = await scaffoldAudience(opts.root, name, opts.from);
      report(diagnostics);
      if (!folder) {
        exitCode = EXIT.INVALID_INPUT;
        return;
      }
      process.stderr.write(`✓ created ${path.relative(process.cwd(), folder) || folder}: edit its theme.yaml and deck.hbs, then: mujaz build --audience ${name}\n`);
    });

  program
    .command('facts')
    .description('list every fact: its value, its source, and where each audience shows it')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .option('--json', 'print JSON')
    .action(async (opts: { root: string; json?: boolean }) => {
      const { facts, diagnostics } = await listFacts({ root: opts.root });
      report(diagnostics);
      if (diagnostics.some((d) => d.severity === 'error')) exitCode = EXIT.INVALID_INPUT;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
        return;
      }
      for (const f of facts) {
        process.stdout.write(`${f.key} = ${f.value}  ${f.label}  [${f.origin === 'data' ? 'data' : 'stated'}; source ${f.sources.join(', ') || 'none'}; ${f.where}]\n`);
        if (!f.uses.length) process.stdout.write('    (not shown on any slide)\n');
        for (const u of f.uses) process.stdout.write(`    ${u.audience} slide ${u.slide} (${u.title}): ${u.element}\n`);
      }
    });

  program
    .command('diff')
    .description('compare two builds (two .pptx files mujaz made, or two .manifest.json files); exit 1 when they differ')
    .argument('<old>', 'the earlier deck or manifest')
    .argument('<new>', 'the later deck or manifest')
    .option('--json', 'print JSON')
    .action(async (oldFile: string, newFile: string, opts: { json?: boolean }) => {
      let before, after;
      try {
        [before, after] = await Promise.all([readManifest(oldFile), readManifest(newFile)]);
      } catch (error) {
        if (!(error instanceof ManifestError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        process.stderr.write(`error: ${(error as Error).message}\n`);
        exitCode = EXIT.USAGE;
        return;
      }
      const diff = diffManifests(before, after);
      process.stdout.write(opts.json ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff)}\n`);
      exitCode = isEmpty(diff) ? EXIT.OK : EXIT.INVALID_INPUT;
    });

  program
    .command('watch')
    .description('rebuild the decks whenever content/ or templates/ change, and say what changed')
    .option('-a, --audience <name>', 'the audience to rebuild', 'briefing')
    .option('--all', 'rebuild every audience')
    .option('-r, --root <dir>', 'the folder holding content/ and templates/', '.')
    .option('-o, --out <dir>', 'the output folder (default: <root>/output)')
    .action(async (opts: { audience: string; all?: boolean; root: string; out?: string }) => {
      const watcher = watchProject({ root: opts.root, audiences: [opts.audience], all: opts.all, out: opts.out }, (event) => {
        switch (event.type) {
          case 'ready':
            process.stderr.write(`watching ${event.watching.join(' and ')} (Ctrl-C to stop)\n`);
            break;
          case 'changed':
            process.stderr.write(`changed: ${event.files.join(', ')}\n`);
            break;
          case 'built': {
            const rel = path.relative(process.cwd(), event.file) || event.file;
            process.stderr.write(`✓ ${event.audience} → ${rel} (${event.ms} ms)\n`);
            if (event.diff) process.stdout.write(`${event.audience}: ${formatDiff(event.diff).replace(/\n/g, `\n${' '.repeat(event.audience.length + 2)}`)}\n`);
            break;
          }
          case 'failed':
            report(event.diagnostics);
            process.stderr.write(`✗ ${event.audience}: not rebuilt; the last good deck stays. Fix the problem and save again.\n`);
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

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    const debug = argv.includes('--debug');
    process.stderr.write(`internal error: ${(error as Error).message}\nThis is a bug in mujaz; please report it with the stack trace below.\n`);
    process.stderr.write(`${debug ? (error as Error).stack : (error as Error).stack?.split('\n').slice(0, 6).join('\n')}\n`);
    return EXIT.INTERNAL;
  }
  return exitCode;
}

/** Run when executed (node dist/cli/main.js, npx mujaz through a bin link), not when imported. */
function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  // `mujaz facts | head`: a closed pipe ends the output, not with a stack trace
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
