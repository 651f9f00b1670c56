/**
 * Hostile and broken templates: syntax, helpers, partials, prototypes, and problems found in the
 * spec a template produced, which must name the template file, its line and the audience.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkProject, describeAudiences } from '../../src/index.js';
import { sourceItemText, type DeckSpec } from '../../src/spec/schema.js';
import { tempProject } from '../helpers/project.js';
import { CASES, tableSlideYaml, type TableFixture } from '../helpers/tables.js';
import { expectError, expectWellFormed, positionOf, replace, run, summarize } from './harness.js';

const DECK = 'templates/briefing/deck.hbs';
const PART_SLIDE = 'templates/_shared/partials/part-slide.hbs';
const AGENDA = 'templates/_shared/partials/agenda.hbs';

/** The briefing deck with `slide` added after the agenda. */
const withSlide = (slide: string) => ({ [DECK]: replace('{{> agenda}}\n', `{{> agenda}}\n${slide}`) });
const bullets = (title: string, extra = '    bullets: ["x"]\n') => `  - kind: bullets\n    title: ${title}\n${extra}`;

describe('template syntax', () => {
  it('an include of a partial of slides indented: MJZ170 at the include (it was a YAML error in the shared partial, which is right)', async () => {
    const r = await run({ [DECK]: replace('{{> part-slide (part "northeast")}}', '    {{> part-slide (part "northeast")}}') });
    const d = expectError(r, 'MJZ170', { file: DECK, line: positionOf(r.texts.get(DECK)!, '    {{> part-slide (part "northeast")}}').line, column: 1 }, /^The include of "part-slide" stands 4 spaces in: Handlebars puts them before every line of the partial, whose slides would be out of line/);
    expect(d.hint).toBe("Start the include at the beginning of its line, as the slides: list's other items are.");
    // includes all indented alike, and no slide written beside them: a list in line
    const alike = await run({ [DECK]: 'deck:\n  title: "{{article.title}}"\n  date: "{{article.dateIso}}"\nslides:\n  {{> title-slide}}\n  {{> agenda}}\n  {{> part-slide (part "northeast")}}\n' });
    expect(summarize(alike.errors)).toBe('');
    // a "- kind:" shown in a partial's comment is no slide of it
    const PART_SLIDE = 'templates/_shared/partials/part-slide.hbs';
    const commented = await run({ [PART_SLIDE]: (t) => `{{!-- It writes:\n- kind: bullets\n  title: the heading\n--}}\n${t}` });
    expect(summarize(commented.errors)).toBe('');
    // a partial whose own slides stand too far in, included at the line's start: said in the partial
    const deep = await run({ [PART_SLIDE]: (t) => t.replace(/^ {2}/gm, '    ') });
    const d2 = expectError(deep, 'MJZ170', { file: PART_SLIDE }, /^The slides of "part-slide" stand 4 spaces in, where the slides: list's other items stand 2$/);
    expect(d2.hint).toBe("Indent the partial's slides 2 spaces in (the \"- kind:\" lines, and their fields with them).");
    expect(r.errors).toHaveLength(1);
  });

  it('a quote mark inside quoted slide text after an interpolation: MJZ170 at the text that follows it in the template line, in words', async () => {
    const r = await run({ [DECK]: replace('    title: "{{heading}}"\n    bullets:', '    title: "{{heading}} قال "الشرع" ذلك"\n    bullets:') });
    const d = expectError(r, 'MJZ170', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'الشرع" ذلك"') }, /^Text follows the closing quote of a quoted value: a quote mark inside the text ended it there/);
    expect(d.hint).toMatch(/^Text follows a closing quote: a double quote inside double quotes is written \\"/);
  });

  it('a stray --- line after a partial\'s include: MJZ170 at the --- line of the template, not at the partial\'s last line', async () => {
    const r = await run({ [DECK]: replace('{{> title-slide}}\n', '{{> title-slide}}\n---\n') });
    const d = expectError(r, 'MJZ170', { file: DECK, ...positionOf(r.texts.get(DECK)!, '---\n{{> agenda') }, /^A --- line ends the deck spec here/);
    expect(d.hint).toBe('A deck spec is one YAML document: remove the --- line from the template.');
    expect(r.errors).toHaveLength(1);
    // a --- inside a comment prints nothing: the one that prints is found
    const commented = await run({ [DECK]: (t) => `{{!--\nThe deck.\n---\n--}}\n${t.replace('{{> agenda}}\n', '{{> agenda}}\n---\n')}` });
    expectError(commented, 'MJZ170', { file: DECK, ...positionOf(commented.texts.get(DECK)!, '---\n{{#with') }, /^A --- line ends the deck spec here/);
    // a --- that opens the deck is valid; the stray one at the end of a partial is the one named
    const STATS = 'templates/_shared/partials/iraq-stats.hbs';
    const inPartial = await run({ [DECK]: (t) => `---\n${t}`, [STATS]: (t) => `${t.replace(/\n*$/, '')}\n---\n` });
    const lines = inPartial.texts.get(STATS)!.split('\n');
    expectError(inPartial, 'MJZ170', { file: STATS, line: lines.lastIndexOf('---') + 1 }, /^A --- line ends the deck spec here/);
    expect(inPartial.errors).toHaveLength(1);
  });

  it('a block never closed: MJZ160 naming where it opened', async () => {
    const r = await run(withSlide(`{{#each parts}}\n${bullets('"{{heading}}"')}`));
    const opened = positionOf(r.texts.get(DECK)!, '{{#each parts}}');
    const d = expectError(r, 'MJZ160', { file: DECK, audience: 'briefing' });
    expect(d.message).toBe(`The template ends inside {{#each}}, opened at line ${opened.line}, column ${opened.column}: it is never closed`);
    expect(d.hint).toBe('Add {{/each}} where the block ends.');
  });

  it('slide text after an unquoted " #": MJZ168 at the #, which YAML would drop as a comment', async () => {
    const r = await run(withSlide(bullets('"توصيات"', '    bullets:\n      - متابعة أثر الانضمام #العقوبات\n      - "مقتبس" # a note of the author\n    notes: |\n      سطر # ليس تعليقاً\n')));
    const d = expectError(r, 'MJZ168', { file: DECK, ...positionOf(r.texts.get(DECK)!, '#العقوبات') }, /"#العقوبات" follows unquoted text: YAML reads it as a comment/);
    expect(d.hint).toMatch(/double quotes/);
    expect(r.errors.filter((x) => x.code === 'MJZ168')).toHaveLength(1);
  });

  it('slide text that ends with a quote never opened: MJZ173 at the quote, with the line put right; paired quotes, a closing » and quoted text are fine', async () => {
    const r = await run(withSlide(bullets('التحالف بالأرقام"', '    bullets:\n      - قرار مجلس الأمن"\n      - قال "نعم"\n      - «بالأرقام»\n      - "مقتبس \\"بين علامتين\\""\n      - "{{fact "coalition.members"}} عضواً"\n')));
    const deck = r.texts.get(DECK)!;
    const title = expectError(r, 'MJZ173', { file: DECK, ...positionOf(deck, 'بالأرقام"', 8), audience: 'briefing' }, /^The text «التحالف بالأرقام"» ends with a quote mark \(\"\) that has no opening one: YAML keeps the " as part of the text, and the slide would show it$/);
    expect(title.hint).toBe('Add the opening quote where the text begins: title: "التحالف بالأرقام". A quote mark that belongs to the text is written \\" inside double quotes.');
    const item = expectError(r, 'MJZ173', { file: DECK, ...positionOf(deck, 'الأمن"', 5) });
    expect(item.hint).toMatch(/^Add the opening quote where the text begins: - "قرار مجلس الأمن"\./);
    expect(r.errors.filter((x) => x.code === 'MJZ173')).toHaveLength(2);
    expect(r.result.spec).toBeUndefined();
    // a mustache in such a text is that one mistake, not also one of a mustache outside quotes
    const mustache = await run({ [DECK]: replace('    title: "{{heading}}"', '    title: {{heading}}"') });
    expect(mustache.errors.map((x) => x.code)).toEqual(['MJZ173']);
    expect(mustache.errors[0]!.hint).toMatch(/^Add the opening quote where the text begins: title: "\{\{heading\}\}"\./);
    // the shipped templates have none, in any audience
    for (const audience of ['briefing', 'leadership', 'security', 'economy', 'media']) {
      expect((await run({}, audience)).result.diagnostics.filter((x) => x.code === 'MJZ173')).toEqual([]);
    }
  });

  it('a tab in the middle of a line\'s indentation (two spaces, a tab, two spaces): MJZ170 at the tab, saying so, not "the same column"', async () => {
    const r = await run({ [DECK]: replace('    title: "{{heading}}"', '  \t  title: "{{heading}}"') });
    const d = expectError(r, 'MJZ170', { file: DECK, ...positionOf(r.texts.get(DECK)!, '\t  title: "{{heading}}"'), audience: 'briefing' }, /^The indentation holds a tab \(column 3\): YAML does not count a tab as indentation/);
    expect(d.message).not.toMatch(/same column/);
    expect(d.hint).toMatch(/^Replace the tab with spaces: indent the line with spaces only/);
  });

  it('a list of sources too long for its slide even at the smallest size: warning MJZ171 at the list, naming the slide, with how to split it', async () => {
    const entry = (i: number) => `"R${i + 1}: تقرير عن أثر الانضمام في المنطقة"`;
    const plain = (n: number) => Array.from({ length: n }, (_, i) => `      - ${entry(i)}\n`).join('');
    const linked = (n: number) => Array.from({ length: n }, (_, i) => `      - text: ${entry(i)}\n        url: "https://example.org/${i}"\n`).join('');
    const slide = (items: string, columns = '') => withSlide(`  - kind: sources\n    title: "تقارير"\n${columns}    items:\n${items}`);
    const warned = async (files: Parameters<typeof run>[0]) => (await run(files)).result.diagnostics.filter((d) => d.code === 'MJZ171');

    const long = await run(slide(plain(30)));
    expect(long.errors).toEqual([]);
    const [d, ...more] = long.result.diagnostics.filter((x) => x.code === 'MJZ171');
    expect(more).toEqual([]);
    expect([d!.severity, d!.location?.file, d!.location?.start?.line]).toEqual(['warning', DECK, positionOf(long.texts.get(DECK)!, '      - "R1:').line]);
    expect(d!.message).toMatch(/^The sources slide "تقارير" \(slide \d+\) has more than it can hold even at 10 pt \(30 entries\): its last lines would run off the slide/);
    expect(d!.hint).toMatch(/^Split the list over slides: in a partial, \{\{#each \(chunk sources 10\)\}\} around the slide, as the shipped partials do; a list you type, over two slides\. Or give it columns: 2\. See the whole spec/);
    // where LibreOffice ran over: 26 one-line entries, 18 linked; 23 and 17 it held
    expect(await warned(slide(plain(23)))).toEqual([]);
    expect(await warned(slide(plain(26)))).toHaveLength(1);
    expect(await warned(slide(linked(17)))).toEqual([]);
    expect(await warned(slide(linked(18)))).toHaveLength(1);
    // each column of a two-column slide in its own box: 11 long English entries in the first ran off
    const english = Array.from({ length: 22 }, (_, i) => `      - "S${i + 1} — ${i < 11 ? 'State Department readout of the ministerial meeting '.repeat(4) : 'Note'}"\n`).join('');
    const two = await warned(slide(english, '    columns: 2\n'));
    expect(two).toHaveLength(1);
    expect(two[0]!.hint).not.toMatch(/columns: 2/);
    // ten long Arabic entries (about 390 letters each: two lines in LibreOffice) it holds
    const notes = Array.from({ length: 10 }, (_, i) => `      - "R${i + 1}: ${'تقرير عن أثر الانضمام في المنطقة '.repeat(12)}"\n`).join('');
    expect(await warned(slide(notes))).toEqual([]);
  });

  it("MJZ172's way to split a table, as its hint writes it, builds: the gains table in two slides, each with its title and columns", async () => {
    const chunked = [
      '{{!-- Who gains what, two rows a slide --}}',
      '{{#each (chunk rows 2)}}',
      '  - kind: table',
      '    title: "{{../title}}"',
      '    columns: {{json ../columns}}',
      '    rows: {{json this}}',
      '    notes: "{{#each this}}{{lookup this 0}}{{#unless @last}}؛ {{/unless}}{{/each}}"',
      '{{/each}}',
      '',
    ].join('\n');
    const r = await run({ 'templates/_shared/partials/gains-table.hbs': () => chunked });
    expect(summarize(r.errors)).toBe('');
    const tables = r.result.spec!.slides.filter((x) => x.kind === 'table') as Extract<DeckSpec['slides'][number], { kind: 'table' }>[];
    expect(tables.map((t) => t.rows.length)).toEqual([2, 1]);
    expect(new Set(tables.map((t) => t.title)).size).toBe(1);
    expect(tables[1]!.columns).toEqual(tables[0]!.columns);
  });

  it('a table too tall for its slide even at the smallest size: warning MJZ172 at its rows, naming the slide, with how to split it', async () => {
    const slide = (t: TableFixture) => withSlide(tableSlideYaml(t));
    const warned = async (t: TableFixture) => (await run(slide(t))).result.diagnostics.filter((d) => d.code === 'MJZ172');

    const tall = await run(slide(CASES.tooTall));
    expect(tall.errors).toEqual([]);
    const [d, ...more] = tall.result.diagnostics.filter((x) => x.code === 'MJZ172');
    expect(more).toEqual([]);
    const rows = positionOf(tall.texts.get(DECK)!, `      - ${JSON.stringify(CASES.tooTall.rows[0])}`);
    expect([d!.severity, d!.location?.file, d!.location?.start?.line, d!.location?.start?.column]).toEqual(['warning', DECK, rows.line, rows.column + 6]);
    expect(d!.message).toMatch(/^The table "جدول أطول من الشريحة" \(slide \d+\) is taller than its slide can hold even at 10 pt \(10 rows\): its last rows would run over the footer/);
    expect(d!.hint).toMatch(/^Give it fewer rows: split them over two table slides with the same columns \(for a table of the outline's tables:, \{\{#each \(chunk rows 5\)\}\} around the slide in its partial/);
    expect(d!.hint).toMatch(/or shorten its longest cells\. See the whole spec/);
    // one row too tall: it cannot be split, and the warning says so
    const oneRow = (await run(slide({ ...CASES.tooTall, rows: [[CASES.tooTall.rows[0]![0]!, CASES.tooTall.rows[0]![1]!.repeat(12), CASES.tooTall.rows[0]![2]!.repeat(12)]] }))).result.diagnostics.find((x) => x.code === 'MJZ172');
    expect(oneRow?.message).toMatch(/\(1 row\): it would run over the footer,/);
    expect(oneRow?.hint).toMatch(/^Shorten its cells: one row cannot be split\./);
    // tables the fitting holds: ten one-line rows, six rows of long cells, nine rows over a source line
    for (const t of [CASES.tenRows, CASES.longCells, CASES.nineRowsWithSource]) expect(await warned(t), t.title).toEqual([]);
    // a source line under the table takes room, and the hint says so
    const withSource = await warned({ ...CASES.longCells, rows: [...CASES.longCells.rows, ...CASES.longCells.rows.slice(0, 2)], source: 'المصدر: بيانات التحالف' });
    expect(withSource).toHaveLength(1);
    expect(withSource[0]!.hint).toMatch(/or move its source line into the notes/);
  });

  it('a text too long for its box even at the smallest size: warning MJZ174 at the template line, naming the text, the slide and the size, with how to shorten it', async () => {
    const title = 'عنوان طويل جداً عن انضمام سوريا للتحالف الدولي لمكافحة الإرهاب وما يعنيه '.repeat(8).slice(0, 540).trim();
    const point = `الحكومة السورية تعتزم الانضمام${' وهذا نص إضافي طويل لشرح الخلفية السياسية والأمنية'.repeat(80)}`;
    const r = await run(withSlide(`${bullets(`"${title}"`, '    bullets: ["نقطة قصيرة"]\n')}${bullets('"عنوان"', `    bullets:\n      - "قصيرة"\n      - "${point}"\n`)}`));
    expect(r.errors).toEqual([]);
    const [t, b, ...more] = r.result.diagnostics.filter((d) => d.code === 'MJZ174');
    expect(more).toEqual([]);
    const text = r.texts.get(DECK)!;
    expect([t!.severity, t!.audience, t!.location?.file, t!.location?.start]).toEqual(['warning', 'briefing', DECK, positionOf(text, `"${title.slice(0, 20)}`)]);
    expect(t!.message).toMatch(/^The title of slide 3 \("عنوان طويل جداً .*…"\) does not fit its box even at 16 pt, the smallest it is set in: 4 lines, about 1\.2 times the height of the box, so it would run out above and below it, in the spec this template produced$/);
    expect(t!.hint).toMatch(/^Shorten the title: a title reads best on one line, in under about 45 characters \(this one has 540\)/);
    // at the long bullet, not the list
    expect([b!.location?.file, b!.location?.start?.line]).toEqual([DECK, positionOf(text, `      - "${point.slice(0, 20)}`).line]);
    expect(b!.message).toMatch(/^The bullets of slide 4 \("عنوان"\) do not fit their box even at 14 pt, the smallest they are set in: \d+ lines, about 1\.\d times the height of the box, so their last lines would run out below it/);
    expect(b!.hint).toMatch(/^Split the bullets over two slides, or shorten them: a point reads best in under about 110 characters \(the longest here has 4,030 characters\)/);
    for (const d of [t!, b!]) expectWellFormed(d);
  });

  it('a subtitle of five million characters builds with warning MJZ174, not in silence', async () => {
    const r = await run({ [DECK]: replace('{{> title-slide}}\n', `  - kind: title\n    title: "عنوان"\n    subtitle: "${'نص إضافي '.repeat(555_556).slice(0, 5_000_000).trim()}"\n`) });
    expect(r.errors).toEqual([]);
    const [d, ...more] = r.result.diagnostics.filter((x) => x.code === 'MJZ174');
    expect(more).toEqual([]);
    expect(d!.message).toMatch(/^The subtitle of slide 1 \("عنوان"\) does not fit its box at 34 pt, the size the theme gives it: [\d,]+ lines, about [\d,]+ times the height of the box/);
    expect(d!.hint).toMatch(/^Shorten the subtitle to a line \(this one has 5,000,000 characters\)/);
  }, 30_000);

  it('a part’s point too long for its slide: MJZ174 at the point in the outline, where it is written, for each slide that shows it', async () => {
    const ARTICLE = 'content/article.yaml';
    const first = '      - text: "يُتوقع أن تحصل سوريا على فوائد كثيرة قياساً على العراق، الذي يعمل التحالف فيه بدعوة رسمية من الحكومة';
    const r = await run({ [ARTICLE]: replace(first, `${first}${' وهذا نص إضافي طويل لشرح الخلفية السياسية والأمنية'.repeat(80)}`) });
    const found = r.result.diagnostics.filter((d) => d.code === 'MJZ174');
    expect(found.length).toBeGreaterThanOrEqual(1);
    const at = positionOf(r.texts.get(ARTICLE)!, first, '      - text: '.length);
    for (const d of found) {
      expect([d.location?.file, d.location?.start]).toEqual([ARTICLE, at]);
      expect(d.audience).toBe('briefing');
      expect(d.message).toMatch(/^The bullets of slide \d+ \(".*"\) do not fit their box even at 14 pt/);
      expectWellFormed(d);
    }
  });

  it('a list with more items than its slide holds, or none: MJZ111 saying how many, the limit and how to split them, at the template line', async () => {
    const many = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => `      - ${item(i)}\n`).join('');
    const cases: [string, RegExp, RegExp][] = [
      [bullets('"نقاط"', `    bullets:\n${many(13, (i) => `"نقطة {{num ${i}}}"`)}`), /^13 bullets on slide 3: a slide holds at most 8 \(slides\[2\]\.bullets\), in the spec this template produced$/, /^Split them over two slides/],
      ['  - kind: stats\n    title: "أرقام"\n    stats:\n' + many(5, (i) => `{ value: "{{num ${i}}}", label: "ل" }`), /^5 stats on slide 3: a stats slide holds at most 4 /, /^Keep the 4 figures that matter most/],
      [bullets('"نقاط"', '    bullets: []\n'), /^No bullets on slide 3: a slide needs at least one /, /^Give the slide at least one bullet, or remove it\./],
      ['  - kind: table\n    title: "جدول"\n    columns: ["أ"]\n    rows:\n' + many(11, () => '["خ"]'), /^11 rows on slide 3: a table holds at most 10 /, /^Split the rows over two table slides with the same columns/],
      ['  - kind: agenda\n    title: "محاور"\n    items:\n' + many(13, () => '"بند"'), /^13 agenda items on slide 3: an agenda slide holds at most 12 /, /^Split the items over two agenda slides/],
    ];
    for (const [slide, message, hint] of cases) {
      const r = await run(withSlide(slide));
      const [d, ...more] = r.errors;
      expect(more, summarize(r.errors)).toEqual([]);
      expect(d!.message).toMatch(message);
      expect(d!.hint).toMatch(hint);
      expect(d!.hint).not.toMatch(/expected type/);
      expect(d!.location?.file).toBe(DECK);
      expectWellFormed(d!);
    }
  });

  it('a chart series without a value for each category: MJZ111 in words, with what to do', async () => {
    const chart = '  - kind: chart\n    title: "x"\n    chart:\n      type: column\n      categories: {{json (take @root.data.growth.categories 12)}}\n      series: [{ name: "s", values: {{json (take @root.data.growth.values 3)}} }]\n      alt: "x"\n';
    const r = await run(withSlide(chart));
    const d = expectError(r, 'MJZ111', { file: DECK, audience: 'briefing' }, /^On slide 3, series "s" has 3 values for 12 categories: a chart needs one value per category/);
    expect(d.hint).toMatch(/^Give the series a value for every category, in the same order \(9 missing\)/);
  });

  it('a key a template leaves empty (url:): the hint says it has no value, not that its place tag is a comment', async () => {
    const r = await run(withSlide('  - kind: sources\n    title: "المصادر"\n    items:\n      - text: "W3: هيئة قناة السويس"\n        url:\n'));
    const d = expectError(r, 'MJZ111', { file: DECK, line: positionOf(r.texts.get(DECK)!, '        url:').line }, /items\[0\]\.url .*has no value/);
    expect(d.message).toMatch(/has no value \(a value was expected\)/);
    expect(d.hint).toMatch(/^YAML reads nothing after the colon as null/);
    expect(d.hint).not.toMatch(/#@/);
  });

  it('a source only a template names is cited and listed; one nothing names is warning MJZ136', async () => {
    const extra = (t: string) => `${t}  - id: W3\n    kind: web\n    title: "هيئة قناة السويس"\n  - id: W4\n    kind: web\n    title: "مصدر لم يُستشهد به"\n`;
    const r = await run({ 'content/sources.yaml': extra, [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n  - kind: bullets\n    title: "ت"\n    source: "المصدر: {{source "W3"}}"\n    bullets: ["x"]\n') });
    expect(r.errors).toEqual([]);
    const listed = r.result.spec!.slides.flatMap((s) => (s.kind === 'sources' ? s.items.map(sourceItemText) : []));
    expect(listed.some((i) => i.startsWith('W3: هيئة قناة السويس'))).toBe(true);
    expect(listed.some((i) => i.startsWith('W4'))).toBe(false);
    const unused = r.result.diagnostics.filter((d) => d.code === 'MJZ136');
    expect(unused.map((d) => d.message)).toEqual(['The source "W4" is cited by no fact and no template, so no slide lists it']);
    expect(unused[0]?.location).toMatchObject({ file: 'content/sources.yaml' });
  });

  it('a source is named by a call in any quotes, not by a comment', async () => {
    const extra = (t: string) => `${t}  - id: W3\n    kind: web\n    title: "هيئة"\n  - id: W4\n    kind: web\n    title: "تعليق"\n`;
    const r = await run({ 'content/sources.yaml': extra, [DECK]: replace('{{> agenda}}\n', `{{> agenda}}\n{{!-- {{source "W4"}} --}}\n  - kind: bullets\n    title: "ت"\n    source: "المصدر: {{source 'W3'}}"\n    bullets: ["x"]\n`) });
    expect(r.errors).toEqual([]);
    expect(r.result.diagnostics.filter((d) => d.code === 'MJZ136').map((d) => d.message)).toEqual(['The source "W4" is cited by no fact and no template, so no slide lists it']);
  });

  it('a shared partial the deck does not include is not this audience’s problem', async () => {
    // (the media deck includes neither gains-table nor part-slide)
    const r = await run({ 'templates/_shared/partials/gains-table.hbs': replace('    notes: "', '    notes: "عام 2019 {{#each'), 'templates/_shared/partials/part-slide.hbs': replace('    notes: "', '    notes: "عام 2019 ') }, 'media');
    expect(r.errors).toEqual([]);
    expect(r.result.diagnostics.filter((d) => d.code === 'MJZ165' || d.code === 'MJZ160')).toEqual([]);
    const briefing = await run({ 'templates/_shared/partials/part-slide.hbs': replace('    notes: "', '    notes: "عام 2019 ') });
    expect(briefing.result.diagnostics.filter((d) => d.code === 'MJZ165').map((d) => d.location?.file)).toEqual(['templates/_shared/partials/part-slide.hbs']);
  });

  it('a block closed by the wrong tag: MJZ160 at the closing tag', async () => {
    const r = await run(withSlide(`{{#each parts}}\n${bullets('"{{heading}}"')}{{/with}}\n`));
    expectError(r, 'MJZ160', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{/with}}\n{{#with') }, /\{\{\/with\}\} closes \{\{#each\}\}, opened at line \d+/);
  });

  it('an escaped quote inside a mustache: MJZ160 at the exact character', async () => {
    const r = await run(withSlide(bullets('"{{lookup this \\"short\\"}}"')));
    expectError(r, 'MJZ160', { file: DECK, ...positionOf(r.texts.get(DECK)!, '\\"short') }, /Handlebars cannot read "\\"short/);
  });

  it('a mustache left open: MJZ160 at its {{, not at the next mustache, where Handlebars stops', async () => {
    const r = await run({ [DECK]: replace('{{#each points}}\n', '{{#each points\n') });
    const text = r.texts.get(DECK)!;
    const next = positionOf(text, '{{this}}');
    expectError(r, 'MJZ160', { file: DECK, ...positionOf(text, '{{#each points\n') }, new RegExp(`This \\{\\{ is never closed: there is no \\}\\} before the next \\{\\{ \\(line ${next.line}, column ${next.column}\\)`));
  });

  it('a mustache closed by one brace: MJZ160 at its {{', async () => {
    const r = await run({ [DECK]: replace('title: "{{heading}}"', 'title: "{{heading}"') });
    expectError(r, 'MJZ160', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{heading}"') }, /This \{\{ is never closed/);
  });

  it('a mustache left open at the end of the template, or a triple-stash: at its {{, saying what closes it', async () => {
    const end = await run({ [DECK]: (t) => `${t}{{> sources\n` });
    expectError(end, 'MJZ160', { file: DECK, ...positionOf(end.texts.get(DECK)!, '{{> sources\n') }, /This \{\{ is never closed: the template ends before its \}\}$/);
    const triple = await run({ [DECK]: replace('title: "{{heading}}"', 'title: "{{{heading"') });
    const d = expectError(triple, 'MJZ160', { file: DECK, ...positionOf(triple.texts.get(DECK)!, '{{{heading') }, /This \{\{\{ is never closed: there is no \}\}\} before/);
    expect(d.hint).toMatch(/Close it with \}\}\}/);
  });

  it('braces in a comment (with ~) or in a quoted argument are no mustache left open', async () => {
    const r = await run(withSlide('{{~!-- e.g. {{fact "x"}} --~}}\n{{#if (eq "{{" "x")}}\n{{/if}}\n{{/each}}\n'));
    const d = expectError(r, 'MJZ160', { file: DECK });
    expect(d.message).not.toMatch(/never closed/);
    expect(d.location?.start?.line).toBe(positionOf(r.texts.get(DECK)!, '{{/each}}\n{{#with').line);
  });

  it('a comment never closed: MJZ160 at the comment', async () => {
    const r = await run({ [DECK]: (t) => `${t}{{!-- to do\n` });
    expectError(r, 'MJZ160', { file: DECK, line: positionOf(r.texts.get(DECK)!, '{{!-- to do').line }, /unclosed \{\{!-- comment/);
  });
});

describe('helpers and partials', () => {
  it('an unknown helper: MJZ163 with "did you mean"', async () => {
    const r = await run(withSlide(bullets('"{{facts "coalition.members"}}"')));
    const d = expectError(r, 'MJZ163', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{facts'), audience: 'briefing' }, /Unknown helper "facts"/);
    expect(d.hint).toBe('Did you mean "fact"?');
  });

  it('an unknown decorator: MJZ163', async () => {
    const r = await run(withSlide('{{* track}}\n'));
    expectError(r, 'MJZ163', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{* track}}') }, /Unknown decorator "track"/);
  });

  it('an unknown partial: MJZ164 with "did you mean"', async () => {
    const r = await run(withSlide('{{> part-slid (part "northeast")}}\n'));
    const d = expectError(r, 'MJZ164', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{> part-slid') });
    expect(d.hint).toMatch(/^Did you mean "part-slide"\? A new one is a file part-slid\.hbs in the audience's partials\/ folder/);
  });

  it('a partial of the audience that the deck never includes (misnamed, so the shared one is drawn): warning MJZ169 naming the one it would replace', async () => {
    const shared = '{{!-- the growth chart, retitled for this audience --}}\n';
    const r = await run({ 'templates/briefing/partials/growth_chart.hbs': shared });
    const d = r.result.diagnostics.find((x) => x.code === 'MJZ169');
    expect(d).toMatchObject({ severity: 'warning', audience: 'briefing', location: { file: 'templates/briefing/partials/growth_chart.hbs' } });
    expect(d?.message).toBe('The partial "growth_chart" of this audience is never included, and "growth-chart" is: a copy meant to replace it?');
    expect(d?.hint).toMatch(/^To replace the partial "growth-chart" for this audience, name the file growth-chart\.hbs/);
    // a partial of its own that only the audiences extending it include is no mistake
    const kept = await run({ 'templates/briefing/partials/closing.hbs': shared });
    expect(kept.result.diagnostics.filter((x) => x.code === 'MJZ169')).toEqual([]);
    // named right, it replaces the shared one and nothing is said
    const right = await run({ 'templates/briefing/partials/growth-chart.hbs': shared });
    expect(right.result.diagnostics.filter((x) => x.code === 'MJZ169')).toEqual([]);
  });

  it('a partial named by an expression: MJZ164, since it cannot be checked', async () => {
    const r = await run(withSlide('{{> (lookup this "short")}}\n'));
    expectError(r, 'MJZ164', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{> (lookup') }, /named by an expression/);
  });

  it('an inline partial defined in the template is known, not "unknown"', async () => {
    const r = await run(withSlide(`{{#*inline "extra"}}\n${bullets('"{{article.title}}"')}{{/inline}}\n{{> extra}}\n`));
    expect(summarize(r.errors)).toBe('');
    expect(r.result.spec?.slides[2]?.title).toBe(r.result.context?.article.title);
  });

  it('a partial that includes itself: MJZ164 at the include, not a stack overflow', { timeout: 5_000 }, async () => {
    const r = await run({ [AGENDA]: (t) => `${t}{{> agenda}}\n` });
    expectError(r, 'MJZ164', { file: AGENDA, line: positionOf(r.texts.get(AGENDA)!, '{{> agenda}}').line, column: 1 }, /includes itself: agenda → agenda/);
  });

  it('a partial given two contexts: MJZ167', async () => {
    const r = await run(withSlide('{{> part-slide (part "northeast") (part "us-gains")}}\n'));
    expectError(r, 'MJZ167', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{> part-slide (part "northeast") (part') }, /takes at most one/);
  });

  it('a built-in block helper without its argument: MJZ167 before it runs', async () => {
    const r = await run(withSlide('{{#with}}\n{{/with}}\n'));
    expectError(r, 'MJZ167', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{#with}}') }, /with takes one argument, not 0/);
  });

  it('an unknown fact in a helper: MJZ161 at the call, with "did you mean"', async () => {
    const r = await run(withSlide(bullets('"{{fact "coalition.membres"}}"')));
    expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{fact "coalition.membres"'), audience: 'briefing' }, /did you mean "coalition.members"/);
  });

  it('a missing field (strict): MJZ161 with "did you mean", in the partial it is in', async () => {
    const r = await run({ [PART_SLIDE]: replace('"{{heading}}"', '"{{headng}}"') });
    const d = expectError(r, 'MJZ161', { file: PART_SLIDE, ...positionOf(r.texts.get(PART_SLIDE)!, 'headng'), audience: 'briefing' }, /"headng" is not defined here/);
    expect(d.hint).toMatch(/^Did you mean "heading"\?/);
  });

  it('an error inside a partial names the include, and says the partial reads the name', async () => {
    const r = await run({ [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n{{> highlights-slide list="watch" section="متابعة"}}\n') });
    const include = positionOf(r.texts.get(DECK)!, '{{> highlights-slide');
    const d = expectError(r, 'MJZ161', { file: 'templates/_shared/partials/highlights-slide.hbs' }, /"title" is not defined here \(included from templates\/briefing\/deck\.hbs:\d+:\d+\)$/);
    expect(d.message).toContain(`deck.hbs:${include.line}:${include.column})`);
    expect(d.hint).toBe('The partial reads "title": pass it where the partial is included, as its first line shows: {{> highlights-slide list="watch" title="…" section="…"}}.');
  });

  it('a partial included without the context it takes ({{> part-slide}}): the hint shows the include its first line gives, not a "did you mean"', async () => {
    const r = await run({ [DECK]: replace('{{> part-slide (part "international-demands")}}', '{{> part-slide}}') });
    const d = expectError(r, 'MJZ161', { file: PART_SLIDE }, /"short" is not defined here \(included from templates\/briefing\/deck\.hbs:\d+:\d+\)$/);
    expect(d.hint).toBe('The partial reads "short", a field of what it is given: include it as its first line shows, {{> part-slide (part "northeast")}}.');
  });

  it("a partial given its context, reading a field of the deck's own (subtitle): the hint gives the @root path, not the include", async () => {
    const r = await run({ [PART_SLIDE]: replace('"{{short}}"', '"{{subtitle}}"') });
    const d = expectError(r, 'MJZ161', { file: PART_SLIDE }, /"subtitle" is not defined here/);
    expect(d.hint).toBe('The partial reads "subtitle", but what it is given has no such field: the deck\'s own is {{@root.article.subtitle}}; or pass it where the partial is included (subtitle="…").');
  });

  it('a name=value a helper does not read: MJZ167 at it, with "did you mean" (it was lost unseen)', async () => {
    const r = await run(withSlide(bullets('"{{num 2254 groupng=false}} {{fact \'coalition.members\' qualifer=true}} {{year 2014 grouping=false}}"')));
    const text = r.texts.get(DECK)!;
    const at = (needle: string) => positionOf(text, needle).column;
    expect(r.errors.filter((d) => d.code === 'MJZ167').map((d) => [d.location?.start?.column, d.message, d.hint])).toEqual([
      [at('groupng='), 'num does not take groupng=: the value would be lost', 'Did you mean grouping=? As in {{num 2254 grouping=false}}.'],
      [at('qualifer='), 'fact does not take qualifer=: the value would be lost', 'Did you mean qualifier=? As in {{fact "key" qualifier=true unit=true}}.'],
      [at('grouping=false}}"'), 'year does not take grouping=: the value would be lost', 'year takes no name=value.'],
    ]);
  });

  it('a name=value the partial never reads: MJZ167 at the name, with "did you mean"', async () => {
    const r = await run({ [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n{{> highlights-slide list="watch" title="ت" section="م" calout="coalition.members"}}\n{{> growth-chart title="مسار"}}\n') });
    const text = r.texts.get(DECK)!;
    const calout = expectError(r, 'MJZ167', { file: DECK, ...positionOf(text, 'calout=') }, /The partial "highlights-slide" does not read calout=: the value would be lost/);
    expect(calout.hint).toMatch(/^Did you mean callout=\?/);
    const title = expectError(r, 'MJZ167', { file: DECK, ...positionOf(text, 'title="مسار"') }, /"growth-chart" does not read title=/);
    expect(title.hint).toMatch(/copy it into the audience.s partials\/ folder as growth-chart\.hbs/);
    // a name only read as a field of another (article.title) or of a list's items is not read
    const titled = await run({ [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n{{> title-slide title="عنوان خاص"}}\n{{> sources-brief title="مراجع"}}\n') });
    expect(titled.errors.filter((x) => x.code === 'MJZ167').map((x) => x.message)).toEqual([
      'The partial "title-slide" does not read title=: the value would be lost',
      'The partial "sources-brief" does not read title=: the value would be lost',
    ]);
    // a partial that reads its context whole is not judged
    const whole = await run({ [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n{{> every a="1"}}\n'), 'templates/briefing/partials/every.hbs': '{{#each this}}{{/each}}\n' });
    expect(whole.errors.filter((x) => x.code === 'MJZ167')).toEqual([]);
    // what the partials read, themselves or through the partials they include, is accepted
    const ok = await run({ [DECK]: replace('{{> agenda}}\n', '{{> agenda}}\n{{> part-points (part "northeast") title="ت" section="م" first=2 callout="coalition.members"}}\n') });
    expect(ok.errors).toEqual([]);
  });

  it('a misspelt field of the context: "did you mean" among the fields beside it', async () => {
    const r = await run({ [DECK]: replace('date: "{{article.dateIso}}"', 'date: "{{article.dat}}"') });
    const d = expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'article.dat}}') }, /"dat" is not defined here/);
    expect(d.hint).toMatch(/^Did you mean "date"\?/);
  });

  it('a misspelt field given to a helper ({{json @root.data.growth.categoris}}): "did you mean" at the field, as a misspelt {{article.titel}} gets', async () => {
    const chart = (categories: string) => withSlide(`  - kind: chart\n    title: "x"\n    chart:\n      type: column\n      categories: ${categories}\n      series: [{ name: "s", values: {{json @root.data.growth.values}} }]\n      alt: "x"\n`);
    const r = await run(chart('{{json @root.data.growth.categoris}}'));
    const d = expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, '@root.data.growth.categoris'), audience: 'briefing' }, /: json was given nothing: "categoris" is not defined here$/);
    expect(d.hint).toBe('Did you mean "categories"? The template names a field the context does not have; check the spelling, or `npx mujaz build --emit context` to see the context.');
    // in quotes, in a block (read from its context), in a partial, and given to another helper
    const cases: [Record<string, string | ((t: string) => string)>, string, string, string][] = [
      [withSlide(bullets('"{{json @root.data.composition.totl}}"')), DECK, '@root.data.composition.totl', 'total'],
      [withSlide(`{{#with article}}\n${bullets('"{{date dat}}"')}{{/with}}\n`), DECK, 'dat}}', 'date'],
      [{ 'templates/_shared/partials/gains-table.hbs': (t) => t.replace('{{json rows}}', '{{json rowz}}') }, 'templates/_shared/partials/gains-table.hbs', 'rowz', 'rows'],
      [withSlide(bullets('"{{#each (chunk @root.data.growth.pionts 3)}}x{{/each}}"')), DECK, '@root.data.growth.pionts', 'points'],
    ];
    for (const [files, file, at, meant] of cases) {
      const c = await run(files);
      const e = expectError(c, 'MJZ161', { file, ...positionOf(c.texts.get(file)!, at) }, /was given nothing: "\w+" is not defined here/);
      expect(e.hint).toMatch(new RegExp(`^Did you mean "${meant}"\\?`));
    }
  });

  it('a block over a misspelt field ({{#each pionts}}, {{#with aritcle}}, {{#if notse}}): MJZ161 at the block with "did you mean", not a slide with no bullets', async () => {
    // before: the block went through nothing, and the build failed later at the spec's "bullets: has no value"
    const r = await run({ [DECK]: replace('{{#each points}}', '{{#each pionts}}') });
    const d = expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'pionts}}'), audience: 'briefing' }, /: each was given nothing: "pionts" is not defined here$/);
    expect(d.hint).toMatch(/^Did you mean "points"\?/);
    expect(r.errors.map((x) => x.code)).toEqual(['MJZ161']);
    // with, from the root and through @root, and in a partial
    const cases: [Record<string, string | ((t: string) => string)>, string, string, string][] = [
      [withSlide(`{{#with aritcle}}\n${bullets('"{{title}}"')}{{/with}}\n`), DECK, 'aritcle', 'article'],
      [withSlide(`{{#each @root.data.growth.pionts}}\n${bullets('"{{label}}"')}{{/each}}\n`), DECK, '@root.data.growth.pionts', 'points'],
      [{ [PART_SLIDE]: (t) => t.replace('{{#each points}}', '{{#each ponits}}') }, PART_SLIDE, 'ponits', 'points'],
    ];
    for (const [files, file, at, meant] of cases) {
      const c = await run(files);
      const e = expectError(c, 'MJZ161', { file, ...positionOf(c.texts.get(file)!, at) }, /(each|with) was given nothing: "\w+" is not defined here/);
      expect(e.hint).toMatch(new RegExp(`^Did you mean "${meant}"\\?`));
    }
    // a presence test over a misspelt field: the notes, or the part-points' first=, would be left out
    const tested = await run({ [DECK]: replace('    notes: "{{notes}}"\n{{/with}}', '{{#if notse}}\n    notes: "{{notes}}"\n{{/if}}\n{{/with}}') });
    expect(expectError(tested, 'MJZ161', { file: DECK, ...positionOf(tested.texts.get(DECK)!, 'notse}}') }, /: if was given nothing: "notse" is not defined here$/).hint).toMatch(/^Did you mean "notes"\?/);
    const PART_POINTS = 'templates/_shared/partials/part-points.hbs';
    const first = await run({ [PART_POINTS]: (t) => t.replace('{{#if first}}', '{{#if frist}}') });
    expect(expectError(first, 'MJZ161', { file: PART_POINTS, ...positionOf(first.texts.get(PART_POINTS)!, 'frist}}') }, /if was given nothing: "frist"/).hint).toMatch(/^Did you mean "first"\?/);
    // and like a name the partial takes, read elsewhere in it, though this include did not give it
    const titled = await run({ [PART_POINTS]: (t) => t.replace('{{#if title}}', '{{#if titel}}') });
    expect(expectError(titled, 'MJZ161', { file: PART_POINTS, ...positionOf(titled.texts.get(PART_POINTS)!, 'titel}}') }, /if was given nothing: "titel"/).hint).toMatch(/^Did you mean "title"\?/);
    // at the deck's top level, whose fields are always the same: a part's field, said so
    const top = await run(withSlide(`${bullets('"x"', '    bullets:\n{{#each points}}\n      - "{{this}}"\n{{/each}}\n')}`));
    const d2 = expectError(top, 'MJZ161', { file: DECK, ...positionOf(top.texts.get(DECK)!, 'points}}\n      - "{{this}}"') }, /each was given nothing: "points" is not defined here$/);
    expect(d2.hint).toBe('"points" is a field of each of parts, not of the deck\'s top level: read it inside {{#with (part "id")}} … {{/with}} or {{#each parts}} … {{/each}}.');
    expect(top.errors.map((x) => x.code)).toEqual(['MJZ161']);
    // a name no field is spelt like (a list a partial is given only sometimes), and a field that
    // may be absent (a source's note, spelt like its date), still go through nothing
    // and what a newcomer's review found taken for misspellings: a block's own name (as |s|), an
    // optional value of a partial spelt like a field beside it (source, sources; point, points),
    // a short name, an inline partial's fields at the deck's top level
    const quiet = await run({
      ...withSlide(
        [
          '{{> maybe}}',
          '{{#each sources}}{{#with note}}{{/with}}{{/each}}',
          '{{#each @root.sources as |s|}}{{#if s.url}}{{/if}}{{/each}}',
          '{{> closing}}',
          '{{> closing source="A1"}}',
          '{{> part-tail (part "northeast")}}',
          '{{#*inline "aside"}}',
          bullets('"{{#if heading}}{{heading}}{{else}}خلاصة{{/if}}"').trimEnd(),
          '{{/inline}}',
          '{{> aside}}',
          '',
        ].join('\n'),
      ),
      'templates/briefing/partials/maybe.hbs': `{{#each extras}}\n${bullets('"{{this}}"')}{{/each}}\n{{#if lead}}\n${bullets('"{{lead}}"')}{{/if}}\n{{#if s}}{{/if}}\n`,
      'templates/briefing/partials/closing.hbs': `${bullets('"خلاصة"')}{{#if source}}\n    source: "{{source source}}"\n{{/if}}\n`,
      'templates/briefing/partials/part-tail.hbs': `${bullets('"{{heading}}"')}{{#if point}}\n    notes: "{{point}}"\n{{/if}}{{#if caption}}\n    source: "{{caption}}"\n{{/if}}{{#if captions}}\n    source: "{{#each captions}}{{this}} {{/each}}"\n{{/if}}\n`,
    });
    expect(quiet.errors).toEqual([]);
  });

  it('a path above the root: MJZ161 "is not defined here", not "not defined in undefined"', async () => {
    const r = await run(withSlide(bullets('"{{../../title}}"')));
    const d = expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, '../../title') }, /"title" is not defined here$/);
    expect(d.message).not.toMatch(/undefined|\[object Object\]/);
  });

  it('a helper given what it cannot print (NaN, ∞, a missing field): MJZ161 at the call, never "NaN" on a slide', async () => {
    const cases: [string, string, RegExp][] = [
      ['{{num "abc"}}', '{{num "abc"', /num needs a number, e.g. \{\{num 1234\}\}; it got "abc"/],
      ['{{num 2254 grouping="no"}}', '{{num 2254 grouping', /num takes grouping=false, unquoted, e\.g\. \{\{num 2254 grouping=false\}\}; it got grouping="no"/],
      // (a quoted "false" is a text, which is true: the qualifier would be printed)
      ['{{fact "ffis.projects" qualifier="false"}}', '{{fact "ffis.projects" qualifier', /fact takes qualifier=true or qualifier=false, unquoted, e\.g\. \{\{fact "ffis\.projects" qualifier=true\}\}; it got qualifier="false"/],
      ['{{fact "ffis.projects" unit=1}}', '{{fact "ffis.projects" unit', /fact takes unit=true or unit=false, unquoted.*; it got unit=1$/],
      ['{{add "a" 1}}', '{{add "a"', /add needs a number/],
      ['{{percent 1 0}}', '{{percent 1 0', /percent of a whole that is 0/],
      ['{{year "x"}}', '{{year "x"', /year needs a number/],
      ['{{date "2025-02-30"}}', '{{date "2025-02-30"', /"2025-02-30" is not a date of the calendar/],
      ['{{json nosuch}}', 'nosuch}}', /json was given nothing: "nosuch" is not defined here$/],
      ['{{json}}', '{{json}}', /json was given nothing/],
      ['{{num}}', '{{num}}', /num needs a number.*it got nothing/],
      ['{{source}}', '{{source}}', /source needs a source id in quotes/],
      ['{{count "coalition.leader" one="a" two="b" few="c" many="d" other="e"}}', '{{count "coalition.leader"', /count needs a fact that is a number; "coalition.leader" is/],
    ];
    for (const [call, at, message] of cases) {
      const r = await run(withSlide(bullets(`"${call}"`)));
      expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, at), audience: 'briefing' }, message);
    }
  });

  it('count without all its noun forms: MJZ161 naming every one missing', async () => {
    const r = await run(withSlide(bullets('"{{count "coalition.members" one="عضو"}}"')));
    const d = expectError(r, 'MJZ161', { file: DECK, audience: 'briefing' }, /count needs the noun forms one, two, few, many and other \(missing two=, few=, many=, other=\)/);
    expect(d.hint).toMatch(/^Check the helper call at the marked place/);
  });

  it('asInArticle: whether each fact shows the figure the article states', async () => {
    const slide = withSlide(bullets('"{{#if (asInArticle "coalition.members" "coalition.european_states")}}as stated{{else}}moved{{/if}}"'));
    const r = await run(slide);
    expect(summarize(r.errors)).toBe('');
    expect(r.result.spec!.slides.some((x) => x.title === 'as stated')).toBe(true);
    // the article says 37 European states where the data counts 36: no longer as stated
    const moved = await run({ ...slide, 'content/facts.yaml': replace('value: 36', 'value: 37'), 'content/article.txt': (t) => t.replace('من بينها 36 دولة', 'من بينها 37 دولة') });
    expect(summarize(moved.errors)).toBe('');
    expect(moved.result.spec!.slides.some((x) => x.title === 'moved')).toBe(true);
    // no stated figure, or another source's: nothing says the article agrees
    const unstated = await run({ ...slide, 'content/facts.yaml': replace('    data: groups.europe\n    stated:\n      value: 36\n      source: A1\n      quote: "من بينها 36 دولة أوروبية"\n', '    data: groups.europe\n') });
    expect(summarize(unstated.errors)).toBe('');
    expect(unstated.result.spec!.slides.some((x) => x.title === 'moved')).toBe(true);
    const elsewhere = await run({ ...slide, 'content/facts.yaml': replace('      value: 36\n      source: A1\n      quote: "من بينها 36 دولة أوروبية"', '      value: 36\n      source: D1') });
    expect(summarize(elsewhere.errors)).toBe('');
    expect(elsewhere.result.spec!.slides.some((x) => x.title === 'moved')).toBe(true);
    const none = await run(withSlide(bullets('"{{#if (asInArticle)}}x{{/if}}"')));
    expectError(none, 'MJZ161', { file: DECK, audience: 'briefing' }, /asInArticle needs one or more fact keys/);
  });

  it('isMember given what is no ISO code ("fr", "France", «فرنسا»): MJZ161 at the call, with the code meant; a code the dataset does not list is a plain no', async () => {
    const cases: [string, string, string][] = [
      ['fr', 'FR', 'France'],
      ['France', 'FR', 'France'],
      ['فرنسا', 'FR', 'France'],
      ['Frnace', 'FR', 'France'],
      ['سوريا', 'SY', 'Syria'], // (listed after the article)
      ['كوريا الجنوبية', 'KR', 'Republic of Korea'],
    ];
    for (const [given, meant, name] of cases) {
      const r = await run(withSlide(bullets(`"{{#if (isMember "${given}")}}عضو{{else}}ليس عضواً{{/if}}"`)));
      const d = expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, `(isMember "${given}")`), audience: 'briefing' });
      expect(d.message).toBe(`Template error in ${DECK}: isMember takes a state's two-letter ISO 3166 code in capitals, as the dataset's iso2 writes it: given "${given}", it would always answer no; did you mean "${meant}" (${name})?`);
      expect(d.hint).toBe(`Write (isMember "${meant}"): the dataset (content/data/coalition-members.yaml) gives each state's code as its iso2.`);
    }
    const unknown = await run(withSlide(bullets('"{{#if (isMember "Atlantis")}}x{{/if}}"')));
    expect(expectError(unknown, 'MJZ161', { file: DECK }).hint).toMatch(/^Write the code the dataset .* gives the state as its iso2, e\.g\. \(isMember "SY"\)/);
    // every one is reported in one run, in the branches not taken too
    const both = await run(withSlide(bullets('"{{#if (isMember "SY")}}{{#if (isMember "sy")}}x{{/if}}{{else}}{{#unless (isMember "Syria")}}y{{/unless}}{{/if}}"')));
    expect(both.errors.map((x) => [x.code, x.location?.start?.column])).toEqual([
      ['MJZ161', positionOf(both.texts.get(DECK)!, '(isMember "sy")').column],
      ['MJZ161', positionOf(both.texts.get(DECK)!, '(isMember "Syria")').column],
    ]);
    // a well-formed code: a member (FR), one that joins after the article (SY), one the dataset does not know (XX)
    const ok = await run(withSlide(bullets('"{{#if (isMember "FR")}}نعم{{else}}لا{{/if}} {{#if (isMember "SY")}}نعم{{else}}لا{{/if}} {{#if (isMember "XX")}}نعم{{else}}لا{{/if}}"')));
    expect(summarize(ok.errors)).toBe('');
    expect(ok.result.spec!.slides.some((x) => x.title === 'نعم لا لا')).toBe(true);
  });

  it('an interpolation outside quotes: MJZ162, its hint showing the line put in quotes', async () => {
    const r = await run(withSlide(bullets('{{article.title}}')));
    const d = expectError(r, 'MJZ162', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'title: {{article.title}}', 7) });
    expect(d.hint).toBe('Write it inside double quotes, as in title: "{{article.title}}"; use {{json value}} for lists and numbers.');
    const label = await run({ [DECK]: replace('      label: "{{factLabel "syria.member_number"}}"', '      label: {{factLabel "syria.member_number"}}') });
    expect(expectError(label, 'MJZ162', { file: DECK }).hint).toBe('Write it inside double quotes, as in label: "{{factLabel "syria.member_number"}}"; use {{json value}} for lists and numbers.');
    const item = await run({ [DECK]: replace('      - "{{this}}"', '      - {{this}}') });
    expect(expectError(item, 'MJZ162', { file: DECK }).hint).toMatch(/^Write it inside double quotes, as in - "\{\{this\}\}";/);
    // a comment after the value stays out of the quotes; a list written on the line gets the general example
    const commented = await run(withSlide(bullets("{{heading}}   # the part's heading")));
    expect(expectError(commented, 'MJZ162', { file: DECK }).hint).toMatch(/^Write it inside double quotes, as in title: "\{\{heading\}\}";/);
    const flow = await run(withSlide(`  - kind: table\n    title: "t"\n    columns: [{{article.date}}, {{article.source}}]\n    rows: [["a", "b"]]\n`));
    expect(expectError(flow, 'MJZ162', { file: DECK }).hint).toMatch(/^Write it inside double quotes, e\.g\. title: "\{\{heading\}\}";/);
  });

  it('json given a text inside double quotes ("{{json heading}}") prints it as {{heading}} does, not with JSON\'s quotes that end the YAML text', async () => {
    const r = await run({ [DECK]: replace('    title: "{{heading}}"\n    bullets:', '    title: "{{json heading}}"\n    bullets:') });
    expect(summarize(r.errors)).toBe('');
    const plain = await run({});
    expect(r.result.spec!.slides[2]!.title).toBe(plain.result.spec!.slides[2]!.title);
  });

  it('a key of a slide out of line with the others: MJZ170, its hint with a slide\'s example (not the outline\'s)', async () => {
    const r = await run({ [DECK]: replace('    bullets:\n{{#each points}}', '     bullets:\n{{#each points}}') });
    const d = expectError(r, 'MJZ170', { file: DECK, audience: 'briefing' }, /must start at the same column/);
    expect(d.hint).toMatch(/^This key is not lined up with the keys beside it: indent it with as many spaces as the other keys of its entry \(in a slide, bullets: stands under title:, two spaces in from the -\)\./);
  });

  it('a triple-stash (no escaping): MJZ162', async () => {
    const r = await run(withSlide(bullets('"{{{article.title}}}"')));
    expectError(r, 'MJZ162', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{{article.title') }, /Triple-stash/);
  });
});

describe('templates reaching for prototypes', () => {
  it('{{constructor.constructor}}: MJZ166', async () => {
    const r = await run(withSlide(bullets('"{{constructor.constructor}}"')));
    expectError(r, 'MJZ166', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'constructor.constructor'), audience: 'briefing' }, /reaches for "constructor"/);
  });

  it('{{lookup this "__proto__"}}: MJZ166', async () => {
    const r = await run(withSlide(bullets('"{{lookup this "__proto__"}}"')));
    expectError(r, 'MJZ166', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{lookup this "__proto__"') }, /lookup reaches for "__proto__"/);
  });

  it('{{@root.__proto__}} and {{this.constructor}}: MJZ166 for each', async () => {
    const r = await run(withSlide(bullets('"{{@root.__proto__}} {{this.constructor}}"')));
    expect(r.errors.map((d) => [d.code, d.location?.start?.column])).toEqual([
      ['MJZ166', positionOf(r.texts.get(DECK)!, '@root.__proto__').column],
      ['MJZ166', positionOf(r.texts.get(DECK)!, 'this.constructor').column],
    ]);
  });

  it('{{fact "constructor"}}: an unknown fact, not Object.prototype.constructor', async () => {
    const r = await run(withSlide(bullets('"{{fact "constructor"}}"')));
    expectError(r, 'MJZ161', { file: DECK, ...positionOf(r.texts.get(DECK)!, '{{fact "constructor"') }, /unknown fact "constructor"/);
  });

  it('(highlight "constructor"): an unknown list, not a function to iterate', async () => {
    const r = await run(withSlide(`{{#each (highlight "constructor")}}\n${bullets('"{{this}}"')}{{/each}}\n`));
    expectError(r, 'MJZ161', { file: DECK }, /unknown highlight list "constructor"/);
  });
});

describe('problems in the spec a template produced', () => {
  it('an unknown slide kind (layout): MJZ111 at the template line, with "did you mean"', async () => {
    const r = await run(withSlide('  - kind: bulets\n    title: "x"\n    bullets: ["x"]\n'));
    const d = expectError(r, 'MJZ111', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'bulets'), audience: 'briefing' }, /Unknown kind "bulets"/);
    expect(d.hint).toMatch(/^Did you mean "bullets"\? Known: title, agenda, bullets, chart, stats, table, sources\./);
  });

  it('an unknown chart kind: MJZ111 at the template line, with "did you mean"', async () => {
    const chart = '  - kind: chart\n    title: "x"\n    chart:\n      type: pi\n      categories: ["a"]\n      series: [{ name: "s", values: [1] }]\n      alt: "x"\n';
    const r = await run(withSlide(chart));
    const d = expectError(r, 'MJZ111', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'pi\n'), audience: 'briefing' }, /chart\.type/);
    expect(d.hint).toMatch(/^Did you mean "pie"\?/);
  });

  it('an unknown key in a slide: MJZ110 at the template line', async () => {
    const r = await run(withSlide(bullets('"x"', '    bulets: ["x"]\n')));
    const d = expectError(r, 'MJZ110', { file: DECK, ...positionOf(r.texts.get(DECK)!, 'bulets'), audience: 'briefing' }, /Unknown key "bulets"/);
    expect(d.message).toMatch(/of the deck spec \(slide 3\)/); // counted from 1, as everywhere else
    expect(d.hint).toMatch(/^Did you mean "bullets"\?/);
  });

  it('a slide without its title: MJZ112 at the template line', async () => {
    const r = await run(withSlide('  - kind: bullets\n    bullets: ["x"]\n'));
    expectError(r, 'MJZ112', { file: DECK, line: positionOf(r.texts.get(DECK)!, '  - kind: bullets\n    bullets: ["x"]').line, audience: 'briefing' }, /title/);
  });

  it('a deck date that is no day of the calendar: MJZ111 at the template line, not a crash', async () => {
    const r = await run({ [DECK]: (t) => t.replace(/date: "\{\{article\.dateIso\}\}"/, 'date: "2025-02-30"') });
    expectError(r, 'MJZ111', { file: DECK, ...positionOf(r.texts.get(DECK)!, '"2025-02-30"'), audience: 'briefing' }, /deck\.date.*not a date of the calendar/);
  });

  it('a pie with a negative part, or with nothing to divide: MJZ111 at the template line', async () => {
    const pie = (values: string) => `  - kind: chart\n    title: "x"\n    chart:\n      type: pie\n      categories: ["a", "b"]\n      series: [{ name: "s", values: ${values} }]\n      alt: "x"\n`;
    const negative = await run(withSlide(pie('[-5, 3]')));
    expectError(negative, 'MJZ111', { file: DECK, audience: 'briefing' }, /-5 is negative/);
    const zero = await run(withSlide(pie('[0, 0]')));
    expectError(zero, 'MJZ111', { file: DECK, audience: 'briefing' }, /every value of this pie chart is 0/);
  });

  it('a quote the template leaves open: MJZ170 at the template line that produced it', async () => {
    const r = await run(withSlide(bullets('"x')));
    expectError(r, 'MJZ170', { file: DECK, line: positionOf(r.texts.get(DECK)!, 'title: "x\n').line, audience: 'briefing' }, /Missing closing/);
  });

  it('the same mistake in every slide of a loop is reported once', async () => {
    const r = await run(withSlide('{{#each parts}}\n  - kind: bullets\n    title: "{{heading}}"\n    bulets: ["x"]\n{{/each}}\n'));
    expect(r.errors.filter((d) => d.code === 'MJZ110')).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/and 7 more times from the same line/);
  });
});

describe('audiences and themes', () => {
  it('an unknown audience: MJZ150 with "did you mean"', async () => {
    const r = await run({}, 'breifing');
    const d = r.errors.find((x) => x.code === 'MJZ150')!;
    expect(d.hint).toMatch(/^Did you mean "briefing"\? Known audiences: briefing, /);
  });

  it('the keys of a theme setting written without their indentation: one MJZ110 that says to indent them, not "colors has no value" and unknown keys', async () => {
    const THEME = 'templates/briefing/theme.yaml';
    const unindented = (t: string) => t.replace(/^colors:\n((?:  .*\n)+)/m, (_all, keys: string) => `colors:\n${keys.replace(/^  /gm, '')}`);
    const r = await run({ [THEME]: unindented });
    expect(r.errors.map((x) => x.code)).toEqual(['MJZ110']);
    const d = expectError(r, 'MJZ110', { file: THEME, ...positionOf(r.texts.get(THEME)!, 'primary: ', 0) });
    expect(d.message).toBe('"primary", "onPrimary", "accent" and 6 more are keys of "colors", but are not indented under it: YAML reads "colors" as empty');
    expect(d.hint).toBe('Indent their lines by two more spaces than colors:, so that they stand under it.');
    // one key (a theme that sets one colour)
    const one = await run({ [THEME]: (t) => t.replace(/^colors:\n(?:  .*\n)+/m, 'colors:\nprimary: "17324D"\n') });
    expect(one.errors.map((x) => [x.code, x.message])).toEqual([['MJZ110', '"primary" is a key of "colors", but is not indented under it: YAML reads "colors" as empty']]);
    // each empty setting takes the keys up to the next setting, not past it (body is a key of fonts and of sizes)
    const two = await run({ [THEME]: (t) => t.replace(/^fonts:\n(?:  .*\n)+/m, 'fonts:\nheading: "Amiri"\n').replace(/^sizes:\n(?:  .*\n)+/m, 'sizes:\nbody: 30\n') });
    expect(two.errors.map((x) => x.message)).toEqual(['"heading" is a key of "fonts", but is not indented under it: YAML reads "fonts" as empty', '"body" is a key of "sizes", but is not indented under it: YAML reads "sizes" as empty']);
    // an unknown key beside an empty one that does not have it stays an unknown key
    const other = await run({ [THEME]: (t) => t.replace(/^colors:\n(?:  .*\n)+/m, 'colors:\nprimry: "17324D"\n') });
    expect(other.errors.map((x) => x.code).sort()).toEqual(['MJZ110', 'MJZ111']);
  });

  it('a partial named in quotes ({{> "gains-table"}}) is drawn as one named without', async () => {
    const r = await run({ [DECK]: replace('{{> gains-table}}', '{{> "gains-table"}}') });
    expect(summarize(r.errors)).toBe('');
    const plain = await run({});
    expect(r.result.spec).toEqual(plain.result.spec);
  });

  it('a misspelt theme setting: MJZ111 with "did you mean"', async () => {
    const r = await run({ 'templates/briefing/theme.yaml': replace('digits: western', 'digits: westren') });
    const d = expectError(r, 'MJZ111', { file: 'templates/briefing/theme.yaml', ...positionOf(r.texts.get('templates/briefing/theme.yaml')!, 'westren') });
    expect(d.hint).toBe('Did you mean "western"? Allowed: western, arabic-indic.');
  });

  it('a font name that would break the XML (& < > " \'): MJZ111 at the theme line, before any deck is written', async () => {
    const r = await run({ 'templates/briefing/theme.yaml': (t) => t.replace(/heading: [^,}\n]+/, 'heading: "A&B"') });
    expectError(r, 'MJZ111', { file: 'templates/briefing/theme.yaml', ...positionOf(r.texts.get('templates/briefing/theme.yaml')!, '"A&B"') }, /a font name holds no/);
  });

  it('an audience folder whose theme is misnamed (theme.yml): MJZ151 saying to rename it, not "unknown audience"', async () => {
    const r = await run({ 'templates/dip/theme.yml': 'extends: briefing\n' }, 'dip');
    const d = r.errors.find((x) => x.code === 'MJZ151')!;
    expect(d.message).toBe('The audience "dip" has no theme.yaml');
    expect(d.hint).toBe('Rename templates/dip/theme.yml to templates/dip/theme.yaml: an audience is the folder that holds theme.yaml.');
    expect(r.errors.some((x) => x.code === 'MJZ150')).toBe(false);
  });

  it('an audience that extends one left without its theme is told why, not that it extends no audience', async () => {
    const root = await tempProject();
    await rename(path.join(root, 'templates/briefing/theme.yaml'), path.join(root, 'templates/briefing/theme.yml'));
    const { diagnostics } = await checkProject({ root, audiences: ['economy'] });
    expect(diagnostics.map((d) => d.message)).toEqual(['"economy" extends "briefing", whose theme.yaml is missing']);
    expect(diagnostics[0]!.hint).toMatch(/^Rename templates\/briefing\/theme\.yml to templates\/briefing\/theme\.yaml; "economy" builds again then\.$/);
  });

  it('--all reports an audience folder left without its theme, instead of skipping it', async () => {
    const root = await tempProject();
    await mkdir(path.join(root, 'templates/dip'));
    await writeFile(path.join(root, 'templates/dip/theme.yml'), 'extends: briefing\n');
    const results = await checkProject({ root, audiences: [], all: true });
    expect(results.audiences).toContain('dip');
    expect(results.diagnostics.filter((d) => d.code === 'MJZ151').map((d) => d.location?.file)).toEqual(['templates/dip/theme.yaml']);
    // and `mujaz audiences` lists it, with that error, rather than leaving it out
    const listed = (await describeAudiences(root)).find((a) => a.name === 'dip');
    expect(listed?.diagnostics.map((d) => d.code)).toEqual(['MJZ151']);
  });

  it('the shipped templates of every audience pass every check', async () => {
    for (const audience of ['briefing', 'economy', 'leadership', 'media', 'security']) {
      expect(summarize((await run({}, audience)).errors), audience).toBe('');
    }
  });
});
