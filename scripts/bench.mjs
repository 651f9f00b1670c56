#!/usr/bin/env node
// npm run bench: where the time goes, on this machine. Prints a table; asserts nothing.
//   cold CLI (one deck, all audiences) · warm in-process rebuild per deck · time per stage ·
//   peak memory · synthetic outlines of 10, 100 and 1,000 slides against a bare pptxgenjs
//   script that draws the same slides (no templates, no validation, no post-processing), each as
//   a cold process (as a user runs them) and in one warm process (the stages' own cost).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticProject } from './synthetic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist/bin/mujaz.js');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const mib = (b) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const rows = [];
const row = (what, value, target = '', ok) => rows.push([what, value, target, ok === undefined ? '' : ok ? 'ok' : 'OVER']);

/** Peak resident memory of a child, printed by the child itself when it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

/**
 * Median wall time and peak memory of each command, the commands taking turns (A B A B ...) so
 * that a change in the machine's load falls on all of them alike. A command is its argv, or
 * { argv, before(i) }: `before` runs ahead of its i-th run, untimed (an edit of the project).
 */
function timeCommands(commands, runs) {
  const results = commands.map(() => ({ times: [], maxRss: 0 }));
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, k) => {
      const { argv, before } = Array.isArray(command) ? { argv: command } : command;
      before?.(i);
      const t = performance.now();
      const r = spawnSync(process.execPath, ['--import', REPORT_RSS, ...argv], { encoding: 'utf8' });
      results[k].times.push(performance.now() - t);
      if (r.status !== 0) throw new Error(`${argv.join(' ')} failed:\n${r.stderr}`);
      results[k].maxRss = Math.max(results[k].maxRss, Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024);
    });
  }
  return results.map((r) => ({ median: median(r.times), maxRss: r.maxRss }));
}

const { buildDeck, listAudiences } = await import(path.join(ROOT, 'dist/index.js'));
const { readContentFiles, readTemplateFiles } = await import(path.join(ROOT, 'dist/io/read.js'));
const { prepareContent, compileAudience } = await import(path.join(ROOT, 'dist/build.js'));
const { writeAtomicAll } = await import(path.join(ROOT, 'dist/io/write.js'));

// 1. Cold CLI: a fresh process, as a user runs it, on a copy of this project. The command line
// keeps what it read of the project's YAML in <root>/.mujaz-cache (src/io/parse-cache.ts), so
// it is timed three ways: nothing changed since the last build (every file and deck spec read
// from there); a figure changed before each run, in the fact, its quote, the outline's basis and
// the article (those files, and the specs that show it, parsed again); and with --no-cache (all
// of it parsed, as on a first build).
const out = mkdtempSync(path.join(os.tmpdir(), 'mujaz-bench-'));
const project = mkdtempSync(path.join(os.tmpdir(), 'mujaz-bench-project-'));
for (const folder of ['content', 'templates']) cpSync(path.join(ROOT, folder), path.join(project, folder), { recursive: true });
const runs = QUICK ? 3 : 7;
/** The files that state ffis.locations (28 in the article): the fact (its value and quote), the outline's basis, the article. */
const FIGURE_FILES = ['content/facts.yaml', 'content/article.yaml', 'content/article.txt'];
/** `text` of `file` with ffis.locations given the value `value` wherever it is stated, so that the build stays free of warnings. */
const withFigure = (file, text, value) => {
  let edited = text.replaceAll('في 28 موقعاً', `في ${value} موقعاً`);
  if (file === 'content/facts.yaml') edited = edited.replace('value: 28\n', `value: ${value}\n`);
  if (edited === text || (file === 'content/facts.yaml' && !edited.includes(`value: ${value}\n`))) throw new Error(`${file} no longer holds the figure 28 of ffis.locations: update the benchmark`);
  return edited;
};
/** Before the i-th run: ffis.locations is 29 + i in the files of `dir`. */
const changeFigure = (dir) => {
  const originals = FIGURE_FILES.map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]);
  return (i) => originals.forEach(([file, text]) => writeFileSync(path.join(dir, file), withFigure(file, text, 29 + i)));
};
const build = (...args) => [CLI, 'build', ...args, '--root', project, '--out', out];
// (one untimed build first, so that "nothing changed" finds the cache the last build left)
const warmUp = spawnSync(process.execPath, build('--all'), { encoding: 'utf8' });
if (warmUp.status !== 0) throw new Error(`the project did not build:\n${warmUp.stderr}`);
const [coldOne, coldOneFresh, coldAll, coldEdited, coldFresh] = timeCommands([build(), build('--no-cache'), build('--all'), { argv: build('--all'), before: changeFigure(project) }, build('--all', '--no-cache')], runs);
row('cold CLI, briefing deck, nothing changed', ms(coldOne.median));
row('cold CLI, briefing deck, all parsed (--no-cache)', ms(coldOneFresh.median));
row('cold CLI, all audiences (npm run deck), nothing changed', ms(coldAll.median), '≤ 1500 ms', coldAll.median <= 1500);
row('cold CLI, all audiences, after a figure changed', ms(coldEdited.median), '≤ 1500 ms', coldEdited.median <= 1500);
row('cold CLI, all audiences, all parsed (--no-cache)', ms(coldFresh.median), '≤ 1500 ms', coldFresh.median <= 1500);
row('peak memory, cold CLI all audiences', mib(Math.max(coldAll.maxRss, coldEdited.maxRss, coldFresh.maxRss)));
rmSync(project, { recursive: true, force: true });

// 2. Warm rebuilds in one process (as watch mode does), per audience, and per stage.
// A rebuild reads the project, builds, and writes the deck with its manifest (all or none, as
// buildDecks writes them). With nothing changed, each part of the deck is as it was and is kept
// from the build before (post/index.ts, PackageMemo); the stages are timed where a figure changed.
const audiences = await listAudiences(ROOT);
const warmRuns = QUICK ? 10 : 30;
const writeDeck = (audience, r) => writeAtomicAll([[path.join(out, `${audience}.pptx`), r.bytes], [path.join(out, `${audience}.manifest.json`), `${JSON.stringify(r.manifest, null, 2)}\n`]]);
// The process is warmed up on every audience in turn first, as a watch of all decks would be:
// measured first after only its own five warm-up builds, the briefing ran code V8 had not yet
// optimised, which the audiences measured after it did not (a steady rebuild 10–30 ms shorter).
for (let round = 0; round < 5; round++) for (const audience of audiences) await buildDeck({ root: ROOT, audience });
for (const audience of audiences) {
  for (let i = 0; i < 5; i++) await buildDeck({ root: ROOT, audience }); // warm up
  const times = [];
  for (let i = 0; i < warmRuns; i++) {
    const t = performance.now();
    await writeDeck(audience, await buildDeck({ root: ROOT, audience }));
    times.push(performance.now() - t);
  }
  const target = audience === 'briefing' ? '≤ 50 ms' : '';
  row(`warm rebuild, ${audience} (nothing changed)`, ms(median(times)), target, audience === 'briefing' ? median(times) <= 50 : undefined);
  if (audience === 'briefing') {
    // A save of content/ as `watch` sees it: read, parse the changed content, rebuild the deck, write
    // it. Each save gives a figure the deck shows a new value (ffis.locations, 28 in the article:
    // 29, 30, ... in the fact, its quote, the outline's basis and the article's sentence, so that
    // the build stays free of warnings), so that the changed files are parsed and checked again (a
    // text seen before is not) and the slides, notes and manifest that show it are drawn and
    // packaged again.
    const saveTimes = [];
    const stages = { read: [], parse: [], expand: [], spec: [], render: [], package: [], write: [] };
    for (let i = 0; i < warmRuns; i++) {
      const t = performance.now();
      const [content, templates] = await Promise.all([readContentFiles(ROOT), readTemplateFiles(ROOT)]);
      const p = performance.now();
      const files = new Map(content.content);
      for (const file of FIGURE_FILES) files.set(file, { ...files.get(file), text: withFigure(file, files.get(file).text, 29 + i) });
      const prepared = prepareContent(files);
      const c = performance.now();
      const r = await compileAudience(prepared, templates.content, 'briefing');
      if (!r.bytes || r.diagnostics.length) throw new Error(`the edited briefing did not build without a warning: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      const w = performance.now();
      await writeDeck('briefing', r);
      const end = performance.now();
      saveTimes.push(end - t);
      stages.read.push(p - t);
      stages.parse.push(c - p);
      for (const k of ['expand', 'spec', 'render', 'package']) stages[k].push(r.timings[k]);
      stages.write.push(end - w);
    }
    row('rebuild after a figure changes (watch)', ms(median(saveTimes)), '≤ 50 ms', median(saveTimes) <= 50);
    row('  stage: read content/ and templates/', ms(median(stages.read)));
    row('  stage: parse and validate content', ms(median(stages.parse)));
    row('  stage: expand templates (Handlebars)', ms(median(stages.expand)));
    row('  stage: parse and validate the spec', ms(median(stages.spec)));
    row('  stage: render (pptxgenjs)', ms(median(stages.render)));
    row('  stage: package (post-processing, zip)', ms(median(stages.package)));
    row('  stage: write the deck and its manifest (atomic)', ms(median(stages.write)));
  }
}

// 3. Scaling: synthetic outlines built by the pipeline, and the same slides by bare pptxgenjs.
const bare = path.join(ROOT, 'scripts/bench-bare.mjs');
/** The synthetic outline with a word not seen before in a point of every part (`seed` in letters: a figure typed into a point would be a warning). */
const newWordInEveryPart = (text, seed) => {
  const word = [...String(seed)].map((c) => 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[c.charCodeAt(0) % 28]).join('');
  const edited = text.replaceAll('دول أوروبية وعربية', `دول أوروبية وعربية ${word}`);
  if (edited === text) throw new Error('the synthetic outline changed: update the edit of the benchmark');
  return edited;
};
const { drawBare } = await import(bare);
const sizes = QUICK ? [10, 100] : [10, 100, 1000];
let previous;
for (const n of sizes) {
  const dir = syntheticProject(n);
  const reps = n >= 1000 ? 5 : QUICK ? 7 : 11;
  // (before each of mujaz's runs, a point of every slide changes to a text not seen before, as
  // in the warm measure below: the outline and the spec are parsed again, not read from the
  // project's .mujaz-cache; the files left as they were, such as the dataset, are)
  const outlineFile = path.join(dir, 'content/article.yaml');
  const outlineText = readFileSync(outlineFile, 'utf8');
  const editOutline = (i) => writeFileSync(outlineFile, newWordInEveryPart(outlineText, `cold${i}`));
  const [pipeline, plain] = timeCommands([{ argv: [CLI, 'build', '--audience', 'bench', '--root', dir, '--out', path.join(dir, 'out')], before: editOutline }, [bare, String(n), path.join(dir, 'bare.pptx')]], reps);
  const ratio = pipeline.median / plain.median;
  const linear = previous ? ` (×${(pipeline.median / previous.median).toFixed(1)} for ×${n / previous.n} slides)` : '';
  row(`${n} slides: mujaz build (cold CLI)`, `${ms(pipeline.median)}${linear}`, n === 1000 ? '≤ 5000 ms' : '', n === 1000 ? pipeline.median <= 5000 : undefined);
  row(`${n} slides: bare pptxgenjs script`, ms(plain.median));
  row(`${n} slides: pipeline / bare`, `${ratio.toFixed(2)}×`, '≤ 1.30×', ratio <= 1.3);
  row(`${n} slides: peak memory`, mib(pipeline.maxRss), n === 1000 ? '≤ 500 MiB' : '', n === 1000 ? pipeline.maxRss <= 500 * 1024 * 1024 : undefined);

  // The same in one warm process, without Node's start and module loading: every stage's own
  // cost. The outline changes before each build, to a text not seen before, in a point of every
  // slide: it is parsed and checked each time, and every slide is drawn, rewritten and compressed
  // again. As in watch, the rest is kept from the build before: the other content files' parse,
  // and (below PARALLEL_FROM, 10 and 100 slides) the packaged parts that did not change, the
  // notes pages, layouts, masters and theme.
  const [content, templates] = await Promise.all([readContentFiles(dir), readTemplateFiles(dir)]);
  const warm = { pipeline: [], bare: [], zipped: [] };
  const measures = {
    bare: () => drawBare(n),
    zipped: () => drawBare(n, { compression: true }),
    pipeline: async (i) => {
      const files = new Map(content.content);
      const outline = files.get('content/article.yaml');
      files.set('content/article.yaml', { ...outline, text: newWordInEveryPart(outline.text, i) });
      const result = await compileAudience(prepareContent(files), templates.content, 'bench');
      if (!result.bytes) throw new Error(`the ${n}-slide outline did not build`);
    },
  };
  const names = Object.keys(measures);
  const rounds = (n >= 1000 ? 7 : QUICK ? 10 : 25) + 2;
  for (let i = 0; i < rounds; i++) {
    // each in turn goes first, so that the garbage one leaves is collected in the others' time alike
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      const t = performance.now();
      await measures[name](i);
      if (i >= 2) warm[name].push(performance.now() - t); // the first two rounds warm the code up
    }
  }
  row(`${n} slides: warm in one process, mujaz / bare`, `${ms(median(warm.pipeline))} / ${ms(median(warm.bare))} = ${(median(warm.pipeline) / median(warm.bare)).toFixed(2)}×`);
  // For comparison only (the target is against the script above): bare pptxgenjs asked to
  // compress its package as mujaz does, with JSZip's JavaScript DEFLATE.
  row(`${n} slides: warm, bare told to compress (for comparison)`, `${ms(median(warm.zipped))}: mujaz takes ${(median(warm.pipeline) / median(warm.zipped)).toFixed(2)}× of it`);
  previous = { n, median: pipeline.median };
  rmSync(dir, { recursive: true, force: true });
}
rmSync(out, { recursive: true, force: true });

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['measure', 'value', 'target', ''][i].length));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
console.log(`mujaz benchmark · node ${process.version} · ${os.cpus().length} cores · ${os.cpus()[0]?.model ?? ''}`);
console.log(line(['measure', 'value', 'target', '']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
