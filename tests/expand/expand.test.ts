import fc from 'fast-check';
import Handlebars from 'handlebars';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { TemplateContext } from '../../src/audience/context.js';
import { withYamlEscape, yamlEscape } from '../../src/expand/escape.js';
import { expandTemplates } from '../../src/expand/expand.js';
import { commentCuts, cutByComment } from '../../src/diagnostics/comment-cut.js';
import { insideDoubleQuotes, lintTemplate } from '../../src/expand/lint.js';
import { extractFactUses, markFact } from '../../src/facts/markers.js';
import { localizeDigits } from '../../src/format/arabic.js';
import { parseTemplate } from '../../src/expand/tree.js';
import { tagLines } from '../../src/expand/origins.js';

function context(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    audience: { name: 'test', label: 'اختبار', description: 'test' },
    theme: { digits: 'western' } as TemplateContext['theme'],
    article: { title: 'عنوان', date: '3 تشرين الثاني/نوفمبر 2025', dateIso: '2025-11-03', source: 'A1' },
    parts: [{ id: 'one', heading: 'الجزء الأول', short: 'الأول', points: ['نقطة'], notes: 'ملاحظات', facts: [] }],
    tables: {},
    highlights: {},
    facts: { 'coalition.members': { key: 'coalition.members', label: 'عدد الأعضاء', value: 89, text: '89', sources: ['A1'] } },
    data: { composition: { categories: [], values: [], points: [], total: 0, totalText: '0', note: '' }, growth: { categories: [], values: [], points: [], first: '', last: '', joined: [] }, members: [] },
    sources: [{ id: 'A1', title: 'المقال', kind: 'article' }],
    datasetSources: [],
    ...overrides,
  };
}

const file = (text: string, path = 'templates/test/deck.hbs') => ({ path, text });
const expand = (deck: string, ctx = context(), partials: Record<string, string> = {}) =>
  expandTemplates({ deck: file(deck), partials: new Map(Object.entries(partials).map(([n, t]) => [n, file(t, `templates/test/partials/${n}.hbs`)])) }, ctx);

describe('YAML escaping', () => {
  it('round-trips any string through a double-quoted YAML scalar', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(parse(`v: "${yamlEscape(s)}"`).v).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('delivers content verbatim through a template, quotes, braces and all', () => {
    const hostile = ['قال "الشرع": نعم', 'a: b # c', '{{x}} و }}', 'سطر\nسطر', 'back\\slash', '\u202Bbidi\u202C', '😀 & <b>', "it's"];
    for (const s of hostile) {
      const out = expand('title: "{{article.title}}"', context({ article: { title: s, date: '', dateIso: '2025-11-03', source: 'A1' } }));
      expect(out.diagnostics).toEqual([]);
      expect(parse(out.text!).title).toBe(s);
    }
  });

  it('restores HTML escaping for other Handlebars users', () => {
    withYamlEscape(() => undefined);
    expect(Handlebars.compile('{{x}}')({ x: '"<' })).toBe('&quot;&lt;');
  });
});

describe('template checks', () => {
  it('finds slide text YAML would cut at a " #", and leaves every legitimate comment alone', () => {
  const ok = ['  - kind: agenda #todo', '    showValues: false #hide', '{{#each parts}} #per-part', '{{> part-slide this}} #الأجزاء', '    values: {{json (factValue "a")}} #القيمة',
   '    items: ["أولاً", "ثانياً"] # محوران', '    callout: {value: "…", label: "أعضاء"} # الرقم', "    title: 'Syria''s role #1'", '    notes: "سطر أول', '      تكملة #وسم"', '    notes: |', '      سطر', '{{#if x}}', '      تابع # ليس تعليقاً', '{{/if}}', '    notes: |2-', '      سطر # ليس', '  - "مقتبس" # ملاحظة', '# header # x'];
  expect(cutByComment(ok.join('\n'))).toEqual([]);
  const bad = ['    title: نص "#x" #وسم', "      - الرئيس 'ترامب #وسم", '      - كلمة "غير #وسم', '      - متابعة أثر الانضمام #العقوبات', '    title: نص: تفصيل # x', '      - {{fact "a"}} عضواً #tag', '    title: نص [مرجع] #وسم', '    title: نص {x} #وسم', '      - الرئيس "الشرع" #سوريا'];
  expect(cutByComment(bad.join('\n')).map((c) => c.start.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // each is found through commentCuts too (its quick test lets no cut through)
  for (const line of bad) expect(commentCuts({ path: 'x', text: line }), line).toHaveLength(1);
  // the quick test of commentCuts lets no cut through, whatever the lines YAML reads (a text it
  // cannot read is reported as such: a quote closed then followed by text, say)
  const token = fc.constantFrom('نص', 'وسم', 'text:', '- ', '  ', ' ', '#', ' #', '"', "'", '[', ']', '|', '>', 'a', '{{x}}', '\\', ',', '\u2028');
  fc.assert(
    fc.property(fc.array(fc.array(token, { maxLength: 8 }).map((t) => t.join('')), { maxLength: 6 }), (lines) => {
      const text = lines.join('\n');
      fc.pre(parseDocument(text).errors.length === 0);
      expect(commentCuts({ path: 'x', text }).map((d) => d.location?.start)).toEqual(cutByComment(text).map((c) => c.start));
    }),
    { numRuns: 5000 },
  );
  // a value in double quotes over two lines, a comment after it: nothing is cut
  expect(cutByComment(['    heading: "سوريا تعتزم الانضمام', '      إلى التحالف الدولي" # على سطرين', '    short: "الإعلان"'].join('\n'))).toEqual([]);
  // a block (> or |) of a list item ends at the item's next key, whose text is then checked
  const item = ['      - text: >', '          تعتزم الحكومة السورية #الانضمام', '        basis:', '          - تعتزم الحكومة السورية #أحمد الشرع', '      - |', '        سطر # ليس', '      - نص #وسم'];
  expect(cutByComment(item.join('\n')).map((c) => [c.start.line, c.comment])).toEqual([
    [4, '#أحمد الشرع'],
    [7, '#وسم'],
  ]);
  });

  it('knows when an interpolation is inside double quotes', () => {
    expect(insideDoubleQuotes('title: "{{x}}"', 8)).toBe(true);
    expect(insideDoubleQuotes('title: {{x}}', 7)).toBe(false);
    expect(insideDoubleQuotes('title: "{{fact "a"}} و {{y}}"', 24)).toBe(true);
    expect(insideDoubleQuotes('# "{{x}}"', 3)).toBe(false);
    // a " inside a single-quoted value is a character, not a quote ('' is a quote there)
    expect(insideDoubleQuotes(`a: {label: 'قال "نعم', value: {{x}} }`, 33)).toBe(false);
    expect(insideDoubleQuotes(`a: 'it''s "x"' b: "{{x}}"`, 20)).toBe(true);
  });

  it('rejects an unquoted interpolation with its position', () => {
    const { diagnostics } = lintTemplate(file('deck:\n  title: {{article.title}}\n'), new Set(), 'test');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'MJZ162', location: { file: 'templates/test/deck.hbs', start: { line: 2, column: 10 } }, audience: 'test' })]);
  });

  it('allows {{json}} outside quotes and rejects triple-stash', () => {
    expect(lintTemplate(file('values: {{json data.growth.values}}'), new Set(), 't').diagnostics).toEqual([]);
    expect(lintTemplate(file('title: "{{{article.title}}}"'), new Set(), 't').diagnostics[0]?.code).toBe('MJZ162');
  });

  it('tags every line that holds a key, whatever its name, and no line a value runs on to', () => {
    const text = [
      'deck:', // 1
      '  ملاحظات: "x"', // 2: an Arabic key (a mistake, reported at its line)
      '  dek ck: "y"', // 3
      '  notes: "first', // 4: a quoted value left open
      '    then: more', // 5: its text, not a key
      '    end"', // 6
      '  body: |', // 7: a block scalar (its key is tagged, a comment there is YAML)
      '    label: text', // 8: its text
      '', // 9
      '    more: text', // 10
      '  items:', // 11
      '    - "item"', // 12
      '    - |', // 13: a list item's block scalar
      '      المصدر: وزارة', // 14: its text
      '    - \'سطر أول', // 15: a single-quoted value left open
      '      تابع: نص\'', // 16: its text
      '  speaker: | # للمتحدث', // 17: a block scalar with a comment
      '    الخلاصة: نص', // 18: its text
      '  plain: one', // 19: a plain value that runs on
      '    two', // 20
      '  more:', // 21
      '    - one item', // 22: a list item's plain value that runs on
      '      on two lines', // 23
      '{{#each parts}}', // 24
    ].join('\n');
    const tagged = tagLines(file(text), 0).split('\n');
    expect(tagged.map((line, i) => (line.endsWith(` #@0:${i + 1}`) ? i + 1 : 0)).filter(Boolean)).toEqual([1, 2, 3, 7, 11, 12, 13, 17, 21]);
    // the tags are comments: the same YAML
    const yamlPart = (lines: string[]) => parse(lines.slice(0, 23).join('\n'));
    expect(yamlPart(tagged)).toEqual(yamlPart(text.split('\n')));
  });

  it('places a syntax error where its own template stopped, whatever was parsed since', () => {
    // (a template is parsed once, and its error reported later: Handlebars' lexer has read others by then)
    const bad = 'a: "x"\nb: "y"\n{{/each}}\n';
    parseTemplate(bad);
    parseTemplate(`${'c: "z"\n'.repeat(30)}{{#with x}}\n{{/with}}\n`);
    const { diagnostics } = lintTemplate(file(bad), new Set(), 'test');
    expect(diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column])).toEqual([['MJZ160', 3, 1]]);
  });

  it('refuses template syntax that would reach the slide as text: a mustache in a quoted argument, a "}}" without its "{{"', () => {
    expect(expand('a: "write \\{{name}} here {{#if (eq article.title "{{")}}{{/if}}"\n').diagnostics).toEqual([]);
    // (an escaped mustache before it does not hide a lone "}}")
    expect(expand('a: "\\{{x}} and {lead}} y"\n').diagnostics.map((d) => [d.code, d.location?.start?.column])).toEqual([['MJZ160', 21]]);
    const out = expand('a: "{{> p t="{{article.title}}"}}"\nb: "{lead}} x"\nc: {d: {e: 1}}', context(), { p: 'x: "{{t}}"' });
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['MJZ167', 1, 13, '"{{article.title}}" is printed as written: a mustache inside a quoted argument is not expanded'],
      ['MJZ160', 2, 10, '"}}" without its "{{": the slide would show it'],
    ]);
  });

  it('refuses more arguments than a helper takes, saying options are name=value', () => {
    const out = expand('a: "{{fact "coalition.members" unit}}"\nb: "{{percent 1 2 3}}"\nc: "{{num 2254 grouping}}"');
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.message, d.hint])).toEqual([
      ['MJZ167', 1, 'fact takes one argument, not 2', 'Options are written name=value: {{fact "key" qualifier=true unit=true}}.'],
      ['MJZ167', 2, 'percent takes 2 arguments, not 3', 'Give it 2 arguments.'],
      ['MJZ167', 3, 'num takes one argument, not 2', 'Options are written name=value: {{num 2254 grouping=false}}.'],
    ]);
  });

  it('asks for a fact key in quotes, not a path of the context', () => {
    const { diagnostics } = lintTemplate(file('a: "{{fact coalition.members}}"\nb: "{{fact callout}}"\nc: "{{count (factValue x.y) one="ع"}}"'), new Set(), 't');
    expect(diagnostics.map((d) => [d.code, d.message, d.hint, d.location?.start])).toEqual([
      ['MJZ167', "fact takes a fact's key in quotes: coalition.members is read as a field of the context", 'Write {{fact "coalition.members"}}.', { line: 1, column: 12 }],
      ['MJZ167', "factValue takes a fact's key in quotes: x.y is read as a field of the context", 'Write {{factValue "x.y"}}.', { line: 3, column: 24 }],
    ]);
  });

  it('names unknown helpers and partials with a suggestion', () => {
    const { diagnostics } = lintTemplate(file('a: "{{fakt "coalition.members"}}"\n{{> part-slid}}'), new Set(['part-slide']), 't');
    expect(diagnostics.map((d) => [d.code, d.hint])).toEqual([
      ['MJZ163', 'Did you mean "fact"?'],
      ['MJZ164', 'Did you mean "part-slide"? A new one is a file part-slid.hbs in the audience\'s partials/ folder (or in templates/_shared/partials/, for every audience).'],
    ]);
  });

  it('has no log helper: it printed to the standard output, into facts --json', () => {
    const { diagnostics } = lintTemplate(file('a: "{{log heading}}"'), new Set(), 't');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['MJZ163', 'Unknown helper "log"']]);
    expect(diagnostics[0]!.hint).not.toMatch(/\blog\b/);
  });

  it('warns about a figure typed into slide text, not about ids, structure or comments', () => {
    const source = '# 2025 in a comment\ntitle: "يضم 89 عضواً"\nwidths: [1, 3]\nnote: "المصدر (D1) و S29"\nx: "{{json (chunk sources 16)}}"\n';
    const { diagnostics } = lintTemplate(file(source), new Set(), 't');
    expect(diagnostics.map((d) => [d.code, d.severity, d.message, d.location?.start])).toEqual([['MJZ165', 'warning', 'The figure 89 is typed into the template', { line: 2, column: 13 }]]);
  });

  it("warns about a chart's values typed in, flow or block, not about those a mustache prints", () => {
    const source = 'series:\n  - values: [30, 10.5] # typed\n  - values:\n      - 7\n      - 8  # typed\n    name: "x"\n  - values: {{json @root.data.composition.values}}\n  - values:\n{{#each @root.data.growth.values}}\n      - {{json this}}\n{{/each}}\nwidths: [1, 3]\n';
    const { diagnostics } = lintTemplate(file(source), new Set(), 't');
    expect(diagnostics.map((d) => [d.code, d.message, d.location?.start])).toEqual([
      ['MJZ165', "The figure 30 is typed into a chart's values", { line: 2, column: 14 }],
      ['MJZ165', "The figure 10.5 is typed into a chart's values", { line: 2, column: 18 }],
      ['MJZ165', "The figure 7 is typed into a chart's values", { line: 4, column: 9 }],
      ['MJZ165', "The figure 8 is typed into a chart's values", { line: 5, column: 9 }],
    ]);
    // saved on Windows (CRLF), and numbers written otherwise
    const crlf = lintTemplate(file('series:\r\n  - values:\r\n      - 7\r\n      - .5\r\n  - values: [1e2, -3]\r\n'), new Set(), 't').diagnostics;
    expect(crlf.map((d) => d.message)).toEqual(['The figure 7', 'The figure .5', 'The figure 1e2', 'The figure -3'].map((f) => `${f} is typed into a chart's values`));
    // words of a block scalar that read like a chart's values are no chart
    const notes = lintTemplate(file('slides:\n  - kind: bullets\n    notes: |\n      values: [30, 10]\n      more words\n    chart:\n      values: [5]\n'), new Set(), 't').diagnostics;
    expect(notes.map((d) => [d.message, d.location?.start?.line])).toEqual([["The figure 5 is typed into a chart's values", 7]]);
  });

  it('names the fact a typed figure is, now or as its source states it, as MJZ137 does in the outline', () => {
    const d = expand('title: "يضم 89 عضواً"\nnote: "من 7 أيام"\n').diagnostics.filter((x) => x.code === 'MJZ165');
    const ctx = context();
    const members = Object.values(ctx.facts).filter((f) => f.value === 89 || f.stated === 89).map((f) => f.key);
    expect(members).toEqual(['coalition.members']);
    expect(d.map((x) => x.message)).toEqual(['The figure 89 is typed into the template: it is the figure of the fact coalition.members, and would not follow it when it changes', 'The figure 7 is typed into the template']);
    expect(d[0]!.hint).toMatch(/^Write \{\{fact "coalition\.members"\}\} in its place \(with the noun after it, \{\{count "coalition\.members" one=… other=…\}\}\), if the figure means it\. Print figures from the facts/);
  });

  it('refuses [[key]] in a template: the outline\'s way to print a fact would reach the slide as written', () => {
    const d = lintTemplate(file('- title: "{{heading}}: [[coalition.members]] عضواً"\n  notes: "[[coalition.membrs]]"\n'), new Set(), 't').diagnostics.filter((x) => x.code === 'MJZ161');
    expect(d.map((x) => [x.severity, x.location?.start, x.message])).toEqual([
      ['error', { line: 1, column: 24 }, "[[coalition.members]] prints a fact in the outline's texts only: in a template the slide would show it as written"],
      ['error', { line: 2, column: 11 }, "[[coalition.membrs]] prints a fact in the outline's texts only: in a template the slide would show it as written"],
    ]);
    expect(d[0]?.hint).toBe('Print the fact with its helper: {{fact "coalition.members"}} (its label: {{factLabel "coalition.members"}}).');
  });

  it('refuses an unquoted Arabic text or Arabic-Indic number as an argument: read as a field that is not there, it came to nothing in silence', () => {
    const d = lintTemplate(file('{{> part-points (part "iraq") first=٣ title=العراق}}\n- a: "{{count "k" one=عضو}}"\n'), new Set(['part-points']), 't').diagnostics.filter((x) => x.code === 'MJZ167');
    expect(d.map((x) => [x.location?.start, x.message, x.hint])).toEqual([
      [{ line: 1, column: 37 }, 'first=٣ is read as a field of the context named «٣», which there is not: it would come to nothing', 'Write the number in Western digits: first=3.'],
      [{ line: 1, column: 45 }, 'title=العراق is read as a field of the context named «العراق», which there is not: it would come to nothing', 'Put the text in double quotes: title="العراق".'],
      [{ line: 2, column: 23 }, 'one=عضو is read as a field of the context named «عضو», which there is not: it would come to nothing', 'Put the text in double quotes: one="عضو".'],
    ]);
    // a field of the context passed on, quoted texts, and a name a block gives (as |جزء|) are fine
    expect(lintTemplate(file('{{#each parts as |جزء|}}\n{{> part-points جزء first=3}}\n{{/each}}\n'), new Set(['part-points']), 't').diagnostics).toEqual([]);
    // a partial reading a name=value its include gives it under an Arabic name
    expect(lintTemplate({ path: 'templates/t/partials/watch.hbs', text: '{{#each (highlight قائمة)}}\n- "{{this}}"\n{{/each}}\n' }, new Set(), 't').diagnostics).toEqual([]);
    expect(lintTemplate(file('{{> part-points (part "iraq") first=3 title="العراق" lead=heading}}\n'), new Set(['part-points']), 't').diagnostics).toEqual([]);
  });

  it('does not report the digits of Latin text (a resolution, a name, an English title), which stay as typed', () => {
    const figures = (text: string) => lintTemplate(file(text), new Set(), 't').diagnostics.filter((d) => d.code === 'MJZ165').map((d) => d.message.replace(/^The figure (.*) is typed into the template$/, '$1'));
    // the review's bullet, and Latin tokens and runs of every kind
    expect(figures('- "يستند التحالف إلى القرار UNSCR 2254 …"\n')).toEqual([]);
    expect(figures('- "القرار S/RES/2254 (2015) ومعيار ISO 3166 ومجموعة G20 وطائرات F-16 وجائحة COVID-19 وشبكات 5G"\n')).toEqual([]);
    expect(figures('- "تقرير Country Reports on Terrorism 2023 و«2023 Country Reports» و(12 March 2024)"\n')).toEqual([]);
    expect(figures('- "انظر https://www.un.org/2024/report.pdf أو 2024@un.org"\nnote: "UN Security Council Resolution 2254 (2015)"\n')).toEqual([]);
    expect(figures('- "{{fact "coalition.members"}} عضواً بحسب UNSCR 2254، والقرار UNSCR {{num 2254}}"\n')).toEqual([]);
    // a date as the spec writes it (the deck's own date: stays as typed), which read as 2025, 11 and 3
    expect(figures('deck:\n  date: "2025-11-03"\n')).toEqual([]);
  });

  it('still reports a figure typed in Arabic text, beside Latin or after it', () => {
    /** Each figure MJZ165 reports in a one-line template, with the column (1-based) where it is. */
    const figures = (text: string) => lintTemplate(file(`${text}\n`), new Set(), 't').diagnostics.filter((d) => d.code === 'MJZ165').map((d) => [d.message.replace(/^The figure (.*) is typed into the template$/, '$1'), d.location?.start?.column]);
    /** The figure `figure` at the column where `needle` starts in `text`. */
    const at = (text: string, figure: string, needle = figure) => [figure, text.indexOf(needle) + 1];
    const members = '- "يضم التحالف 89 عضواً"';
    expect(figures(members)).toEqual([at(members, '89')]);
    // Arabic punctuation or an Arabic letter ends a Latin run; a figure before a Latin name is the sentence's
    const mixed = '- "القرار UNSCR 2254 الصادر عام 2015، بحسب Reuters، 12 قتيلاً، نشرت 3 F-16"';
    expect(figures(mixed)).toEqual([at(mixed, '2015'), at(mixed, '12'), at(mixed, '3', '3 F')]);
    // Arabic-Indic digits and a figure with separators: the whole figure, without the full stop after it
    const separators = '- "يضم ٨٩ عضواً و1,100 مشروع عام 2024."';
    expect(figures(separators)).toEqual([at(separators, '٨٩'), at(separators, '1,100'), at(separators, '2024')]);
    // what a mustache prints is not known, and may be Arabic: between a Latin name and digits, they are reported
    const unknown = '- "UNSCR {{article.title}} 2254"';
    expect(figures(unknown)).toEqual([at(unknown, '2254')]);
  });

  it('reports exactly the digits an Arabic-Indic audience writes in its own digits', () => {
    const text = fc.stringMatching(/^(?:[0-9a-zA-Zسورياعم ،,.%\-/:@()«»]|https:\/\/|www\.)*$/);
    fc.assert(
      fc.property(text, (t) => {
        const reported = lintTemplate(file(`t: "${t}"\n`), new Set(), 't')
          .diagnostics.filter((d) => d.code === 'MJZ165')
          .map((d) => d.location!.start!.column - 5);
        const converted = localizeDigits(t, 'arabic-indic');
        const runs = [...t.matchAll(/[0-9]+(?:[.,][0-9]+)*/g)].filter((m) => /[٠-٩]/.test(converted[m.index]!)).map((m) => m.index);
        expect(reported).toEqual(runs);
      }),
      { numRuns: 1000 },
    );
  });

  it('hints {{year}} or {{num … grouping=false}} for a number of four digits, which {{num}} would group', () => {
    const hint = (text: string) => lintTemplate(file(text), new Set(), 't').diagnostics.find((d) => d.code === 'MJZ165')?.hint;
    expect(hint('- "القرار 2254"\n')).toContain('A year that is no figure of the analysis goes through {{year 2254}}, a number that names something («القرار 2254») through {{num 2254 grouping=false}}');
    expect(hint('- "القرار ٢٢٥٤"\n')).toContain('{{num 2254 grouping=false}}');
    expect(hint('- "خلال 90 يوماً"\n')).toContain('goes through {{num 90}}');
    expect(hint('- "خلال 90 يوماً"\n')).not.toContain('grouping');
    expect(hint('- "خلال 90 يوماً"\n')).toContain('Digits of a Latin name or reference (UNSCR 2254, S/RES/2254, F-16) stay as typed and are not reported.');
  });

  it('reports a syntax error with its line', () => {
    const { diagnostics } = lintTemplate(file('a: "x"\n{{#each parts}}\n  - "{{heading}}"\n'), new Set(), 't');
    expect(diagnostics[0]?.code).toBe('MJZ160');
    expect(diagnostics[0]?.location?.start?.line).toBeGreaterThanOrEqual(3);
  });
});

describe('expandTemplates', () => {
  it('prints facts in the audience’s digits', () => {
    const ctx = context();
    ctx.facts['coalition.members']!.text = '٨٩';
    const out = expand('t: "{{fact "coalition.members"}} — {{factLabel "coalition.members"}}"\nv: {{json (factValue "coalition.members")}}', ctx);
    const { spec, uses } = extractFactUses(parse(out.text!));
    expect(spec).toEqual({ t: '٨٩ — عدد الأعضاء', v: 89 });
    expect(uses).toEqual([
      { key: 'coalition.members', slide: -1, element: 't' },
      { key: 'coalition.members', slide: -1, element: 'v' },
    ]);
  });

  it('counts a fact’s raw value as a use wherever it lands: chart values, num, percent, text', () => {
    const ctx = context();
    ctx.facts['coalition.formed'] = { key: 'coalition.formed', label: 'التأسيس', value: '2014-09', text: 'أيلول 2014', sources: ['A1'] };
    ctx.facts['coalition.arab'] = { key: 'coalition.arab', label: 'عربية', value: 11, text: '11', sources: ['A1'] };
    const template = [
      'values: [{{json (factValue "coalition.members")}}, {{json 3}}]',
      'block:',
      '  - {{json (factValue "coalition.arab")}}',
      'n: "{{num (factValue "coalition.members")}}"',
      'p: "{{percent (factValue "coalition.arab") (factValue "coalition.members")}}"',
      'raw: "قرابة {{factValue "coalition.members"}} عضواً"',
      'quoted: "{{json (factValue "coalition.members")}} عضواً"',
      'month: {{json (factValue "coalition.formed")}}',
      'same: "{{#if (eq (factValue "coalition.members") 89)}}نعم{{/if}}"',
    ].join('\n');
    const out = expand(template, ctx);
    expect(out.diagnostics).toEqual([]);
    const { spec, uses } = extractFactUses(parse(out.text!));
    expect(spec).toEqual({ values: [89, 3], block: [11], n: '89', p: '12%', raw: 'قرابة 89 عضواً', quoted: '89 عضواً', month: '2014-09', same: 'نعم' });
    expect(JSON.stringify(spec)).not.toMatch(/[\uE000-\uE002]/);
    expect(uses.map((u) => `${u.key}@${u.element}`)).toEqual([
      'coalition.members@values[0]',
      'coalition.arab@block[0]',
      'coalition.members@n',
      'coalition.arab@p',
      'coalition.members@p',
      'coalition.members@raw',
      'coalition.members@quoted',
      'coalition.formed@month',
    ]);
  });

  it('fails on a missing field (strict) with the template line', () => {
    const out = expand('a: "x"\nb: "{{article.titel}}"');
    expect(out.text).toBeUndefined();
    expect(out.diagnostics[0]).toMatchObject({ code: 'MJZ161', audience: 'test', location: { file: 'templates/test/deck.hbs', start: { line: 2 } } });
    expect(out.diagnostics[0]?.message).toMatch(/titel/);
  });

  it('reports a mapping or a list printed as text at its line, where a slide would show [object Object] or items joined by commas', () => {
    const out = expand('a: "x"\n{{#each parts}}\n- title: "{{this}}"\n  bullets: "{{points}}"\n{{/each}}');
    expect(out.text).toBeUndefined();
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['MJZ161', 3, 11, 'Template error in templates/test/deck.hbs: it prints a mapping (fields: id, heading, short, points, notes, facts) as text'],
      ['MJZ161', 4, 13, 'Template error in templates/test/deck.hbs: it prints a list of 1 as text'],
    ]);
    // a fact's value, a text, a number and json print as they should
    expect(expand('a: "{{factValue "coalition.members"}} {{article.title}} {{json (factValue "coalition.members")}}"').diagnostics).toEqual([]);
  });

  it('reports {{json}} of a mapping or a list of texts inside quotes as printed as text (its JSON broke the YAML: 64 problems)', () => {
    const out = expand('{{#each parts}}\n- a: "{{json this}}"\n  b: "{{json points}}"\n{{/each}}');
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.message])).toEqual([
      ['MJZ161', 2, 'Template error in templates/test/deck.hbs: it prints a mapping (fields: id, heading, short, points, notes, facts) as text'],
      ['MJZ161', 3, 'Template error in templates/test/deck.hbs: it prints a list of 1 as text'],
    ]);
    // a list of numbers in quotes stays as JSON writes it
    expect(expand('a: "{{json (factValue "coalition.members")}} {{json @root.data.composition.values}}"').diagnostics).toEqual([]);
  });

  it('says a field was read from a text (not a mapping), at the mustache, with what to write', () => {
    const out = expand('{{#each parts}}\n{{#each points}}\n- "{{text}}"\n{{/each}}\n{{/each}}');
    expect(out.diagnostics).toMatchObject([{ code: 'MJZ161', location: { start: { line: 3, column: 6 } } }]);
    expect(out.diagnostics[0]?.message).toBe('Template error in templates/test/deck.hbs: "text" is not defined here: here is a text («نقطة»), which has no fields');
    expect(out.diagnostics[0]?.hint).toBe('Inside {{#each}} over a list of texts (points, a highlight list), the item is the text itself: print it with {{this}}.');
    // the part's own field, read inside its points: one level up
    const heading = expand('{{#each parts}}\n{{#each points}}\n- "{{heading}}"\n{{/each}}\n{{/each}}');
    expect(heading.diagnostics[0]?.hint).toBe('Inside {{#each}} over a list of texts (points, a highlight list), the item is the text itself: print it with {{this}}; the heading of what holds the list is one level up: {{../heading}}.');
  });

  it('places a helper argument read from a holder that is not there (the deck’s field inside a block), with where the deck’s own is', () => {
    // (Handlebars reads a helper's arguments without its strict lookup: JavaScript's own message, with no place, before)
    const out = expand('a: "{{source article.source}}"\n{{#each parts}}\n- n: "{{notes}}"\n  s: "{{source article.source}}"\n{{/each}}');
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['MJZ161', 4, 16, 'Template error in templates/test/deck.hbs: "article" is not defined here, so article.source cannot be read'],
    ]);
    expect(out.diagnostics[0]?.hint).toContain('the deck\'s own is read from the top, as @root.article.source');
    expect(expand('{{#each parts}}\n- s: "{{source @root.article.source}}"\n{{/each}}').diagnostics).toEqual([]);
    // the read that fails, not an @root one before it nor one at the top under an if
    const later = expand('{{#if article.source}}\nf: "{{source article.source}}"\n{{/if}}\n{{#each parts}}\n- s: "{{source @root.article.source}}"\n  t: "{{source article.source}}"\n{{/each}}');
    expect(later.diagnostics.map((d) => [d.location?.start?.line, d.location?.start?.column])).toEqual([[6, 16]]);
    // a misspelt @root path does fail, and is placed (in a helper's argument as in a mustache)
    for (const [template, column] of [['{{#each parts}}\n- v: {{json @root.data.compositon.values}}\n{{/each}}', 13], ['{{#each parts}}\n- v: "{{@root.data.compositon.total}}"\n{{/each}}', 9]] as const) {
      const d = expand(template).diagnostics;
      expect(d.map((x) => [x.location?.start?.line, x.location?.start?.column, x.message.replace(/^.*: /, '')])).toEqual([[2, column, expect.stringMatching(/^"compositon" is not defined here, so @root\.data\.compositon\.\w+ cannot be read$/)]]);
      expect(d[0]?.hint).toMatch(/^Did you mean "data\.composition"\?/);
    }
    // in a partial, at the partial's line, with where it was included; a misspelt holder gets a suggestion
    const partial = expand('{{#each parts}}\n{{> slide}}\n{{/each}}', context(), { slide: '- a: "{{notes}}"\n  b: "{{json artcle.title}}"\n' });
    expect(partial.diagnostics.map((d) => [d.location?.file, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['templates/test/partials/slide.hbs', 2, 14, 'Template error in templates/test/partials/slide.hbs: "artcle" is not defined here, so artcle.title cannot be read (included from templates/test/deck.hbs:2:1)'],
    ]);
    expect(partial.diagnostics[0]?.hint).toMatch(/^Did you mean "article"\? The partial reads "artcle"/);
  });

  it('names the holder that is missing, not the field after it ({{article.date}} inside a block; article.foo.bar), with what to write', () => {
    // (Handlebars' strict lookup named "date", and "did you mean data?" followed)
    const inBlock = expand('{{#each parts}}\n- t: "{{heading}} {{article.date}}"\n{{/each}}');
    expect(inBlock.diagnostics.map((d) => [d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([[2, 21, 'Template error in templates/test/deck.hbs: "article" is not defined here, so article.date cannot be read']]);
    expect(inBlock.diagnostics[0]?.hint).toContain('as @root.article.date.');
    const deep = expand('a: "{{article.titel.x}}"');
    expect(deep.diagnostics.map((d) => [d.location?.start?.column, d.message])).toEqual([[7, 'Template error in templates/test/deck.hbs: "titel" is not defined here, so article.titel.x cannot be read']]);
    expect(deep.diagnostics[0]?.hint).toMatch(/^Did you mean "article.title"\? The fields of article: title, /);
  });

  it('suggests the article\'s field for a name of it written at the top ({{title}}, {{titel}}); inside a block, the block\'s own', () => {
    const top = expand('a: "{{title}}"\nb: "{{titel}}"');
    expect(top.diagnostics[0]?.hint).toBe('Did you mean {{article.title}}? "title" is a field of article.');
    expect(expand('b: "{{titel}}"').diagnostics[0]?.hint).toBe('Did you mean {{article.title}}? "title" is a field of article.');
    // inside a block, the block's own fields come first (a source's title, a part's heading)
    const inBlock = expand('{{#each sources}}\n- t: "{{titel}}"\n{{/each}}');
    expect(inBlock.diagnostics[0]?.hint).toBe('Did you mean "title"? It is a field of what the block gives.');
    // a part has no title: the article's, from the top (it was "did you mean file")
    const inPart = expand('{{#each parts}}\n- t: "{{title}}"\n{{/each}}');
    expect(inPart.diagnostics[0]?.hint).toBe('Did you mean {{@root.article.title}}? "title" is a field of article, read from the top of the deck inside a block; what the block gives has id, heading, short, points, notes, facts.');
  });

  it('refuses {{#each}} over a text or a number, at the each (its list came out empty, blamed on the spec)', () => {
    const out = expand('{{#each parts}}\n- bullets:\n{{#each heading}}\n  - "{{this}}"\n{{/each}}\n{{/each}}');
    expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column, d.message])).toEqual([
      ['MJZ161', 3, 1, 'Template error in templates/test/deck.hbs: each was given a text («الجزء الأول»), not a list'],
    ]);
    expect(out.diagnostics[0]?.hint).toBe('{{#each …}} goes through a list (points, parts, a highlight list); a text is printed as it is, {{heading}}.');
  });

  it('refuses a block over a name read from a list as if it were a field ({{#with parts.announcement}} dropped its slide without a word)', () => {
    for (const template of ['{{#with parts.announcement}}\n- "{{heading}}"\n{{/with}}', '{{#each parts.announcement.points}}\n- "{{this}}"\n{{/each}}']) {
      const out = expand(template);
      expect(out.text).toBeUndefined();
      expect(out.diagnostics.map((d) => [d.code, d.location?.start?.line, d.location?.start?.column])).toEqual([['MJZ161', 1, 9]]);
      expect(out.diagnostics[0]?.hint).toBe('parts is a list: its items are read in turn with {{#each parts}} … {{/each}}, or one by its number (parts.[0]); a part by its id is (part "announcement"), e.g. {{#with (part "announcement")}}.');
    }
    // an item by its number that is not there stays a block over nothing, as before
    expect(expand('{{#with parts.[7]}}\n- "{{heading}}"\n{{/with}}\na: "x"').diagnostics).toEqual([]);
  });

  it('says a partial given a text where it takes a part ({{> slide "northeast"}}) was given a text, with how it is included', () => {
    const out = expand('{{> slide "northeast"}}\n', context(), { slide: '{{!-- A part as a slide: {{> slide (part "northeast")}} --}}\n- title: "{{heading}}"\n' });
    expect(out.diagnostics.map((d) => [d.location?.file, d.location?.start?.line])).toEqual([['templates/test/partials/slide.hbs', 2]]);
    expect(out.diagnostics[0]?.hint).toBe('The partial was given the text «northeast» where it reads the fields of what it shows: include it as its first line shows, {{> slide (part "northeast")}}.');
  });

  it('says a partial given nothing (its include\'s argument not there) at the include', () => {
    const out = expand('a: "x"\n{{> slide parts.[20]}}\n', context(), { slide: '- title: "{{heading}} {{source heading.x}}"\n' });
    expect(out.diagnostics.map((d) => [d.location?.file, d.location?.start?.line])).toEqual([['templates/test/deck.hbs', 2]]);
    expect(out.diagnostics[0]?.message).toMatch(/was given nothing to show \(the argument of its include is not there\)/);
  });

  it('takes a partial saved without its last newline as if it had one', () => {
    const withNewline = expand('a: "x"\n{{> p}}\n{{> p}}\n', context(), { p: 'b: "y"\nc: "z"\n' });
    const without = expand('a: "x"\n{{> p}}\n{{> p}}\n', context(), { p: 'b: "y"\nc: "z"' });
    expect(without.diagnostics).toEqual([]);
    expect(without.text).toBe(withNewline.text);
    const oneLine = expand('a: "x"\n{{> s}}\n{{> s}}\nb: "y"\n', context(), { s: '- "z"' });
    expect(oneLine.text?.replace(/ #@\S+/g, '')).toBe('a: "x"\n- "z"\n- "z"\nb: "y"\n');
    // an include inside a line is left as it is
    expect(expand('a: "x {{> w}} y"\n', context(), { w: 'z' }).text?.replace(/ #@\S+/g, '')).toBe('a: "x z y"\n');
  });

  it('names the partial an error comes from', () => {
    const out = expand('{{#each parts}}\n{{> slide}}\n{{/each}}', context(), { slide: '  - title: "{{heding}}"\n' });
    expect(out.diagnostics[0]?.location?.file).toBe('templates/test/partials/slide.hbs');
    expect(out.diagnostics[0]?.location?.start?.line).toBe(1);
  });

  it('asInArticle given a list counts the facts its texts print; given a word that is no fact\'s key, says so (it answered yes)', () => {
    expect(expand('a: "{{#if (asInArticle claim)}}x{{/if}}"', context({ claim: 'members' } as never)).diagnostics[0]?.message).toMatch(/unknown fact "members"/);
  });

  it('reports an unknown fact at the helper call', () => {
    const out = expand('a: "x"\n\nb: "{{fact "coalition.member"}}"');
    expect(out.diagnostics[0]).toMatchObject({ code: 'MJZ161', location: { start: { line: 3 } } });
    expect(out.diagnostics[0]?.message).toContain('unknown fact "coalition.member"');
    // with no near name, the facts there are
    const far = expand('b: "{{fact "syria.member_number"}}"');
    expect(far.diagnostics[0]?.message).toMatch(/unknown fact "syria.member_number"; facts: coalition.members/);
  });

  it('reports every misspelt name in one run, with a missing field the run meets first, each once, in template order', () => {
    const template = [
      'a: "{{article.titel}}"', // met by the run first (a missing field: not checked before it)
      'b: "{{fact "coalition.membrs"}}"',
      '{{#with (part "onee")}}',
      'c: "{{heading}}"',
      '{{/with}}',
      'd: "{{source "A2"}}"',
      'e: "{{#if article.title}}{{factLabel "in.a.branch"}}{{/if}}"', // a conditional block: left to the run (which stopped at line 1)
      '{{#each parts}}',
      'f: "{{factLabel "in.each"}}"', // each always runs, for the items there are
      '{{/each}}',
    ].join('\n');
    const out = expand(template, context(), { p: 'x: "{{#each (highlight "wach")}}{{this}}{{/each}}"' });
    expect(out.text).toBeUndefined();
    expect(out.diagnostics.map((d) => `${d.code} ${d.location?.start?.line}:${d.location?.start?.column} ${d.message.replace(/^Template error in [^:]+: /, '')}`)).toEqual([
      'MJZ161 1:7 "titel" is not defined here',
      'MJZ161 2:5 unknown fact "coalition.membrs"; did you mean "coalition.members"?',
      'MJZ161 3:9 unknown part "onee" (did you mean "one"?); parts: one',
      'MJZ161 6:5 unknown source "A2" (did you mean "A1"?): the deck cites A1',
      'MJZ161 9:5 unknown fact "in.each"; facts: coalition.members',
    ]);
    // (the partial p was not included above, so its names were not that deck's problem; here it
    // is, and the error says where from, as the run's own report does)
    const included = expand('{{> p}}', context(), { p: 'x: "{{#each (highlight "wach")}}{{this}}{{/each}}"' });
    expect(included.diagnostics).toMatchObject([{ code: 'MJZ161', location: { file: 'templates/test/partials/p.hbs', start: { line: 1, column: 13 } } }]);
    expect(included.diagnostics[0]?.message).toMatch(/unknown highlight list "wach"; lists: none \(included from templates\/test\/deck\.hbs:1:1\)$/);
  });

  it('does not check beforehand what the branch of a presence test names, nor the partials it includes (it fits outlines without them)', () => {
    const out = expand(
      [
        'a: "{{#if (hasFact "x.one")}}{{fact "x.one"}} {{count "x.two" one="a" two="b" few="c" many="d" other="e"}}{{/if}}"',
        'b: "{{#unless (hasFact "x.one")}}-{{else}}{{factLabel "x.one"}}{{/unless}}"',
      ].join('\n'),
    );
    expect(out.diagnostics).toEqual([]);
    expect(out.text?.replace(/ #@\S+/g, '')).toBe('a: ""\nb: "-"');
    // a guarded partial, and a table tested before it is taken
    const guarded = expand('{{#if (hasFact "x.one")}}\n{{> p}}\n{{/if}}\n{{#if tables.gains}}\n{{#with (table "gains")}}\nt: "{{title}}"\n{{/with}}\n{{/if}}\nz: "done"\n', context(), { p: 'y: "{{fact "x.one"}}"\n' });
    expect(guarded.diagnostics).toEqual([]);
    expect(guarded.text?.replace(/ #@\S+/g, '')).toBe('z: "done"\n');
    // the branches of other tests are checked: they switch when the data changes
    const member = expand('a: "{{#if (isMember "SY")}}{{fact "x.nope"}}{{else}}{{factLabel "x.nope2"}}{{/if}}"');
    expect(member.diagnostics.map((d) => d.message.replace(/^.*: unknown fact "([^"]+)".*$/, '$1'))).toEqual(['x.nope', 'x.nope2']);
    // the same partial included unguarded too: checked
    const both = expand('{{#if (hasFact "x.one")}}\n{{> p}}\n{{/if}}\n{{> p}}\n', context(), { p: 'y: "{{fact "x.one"}}"\n' });
    expect(both.diagnostics.map((d) => [d.location?.file, d.message])).toEqual([['templates/test/partials/p.hbs', expect.stringMatching(/unknown fact "x.one"/)]]);
    // the other branch is checked: it runs when the fact is there
    const other = expand('a: "{{#if (hasFact "x.one")}}x{{else}}{{fact "x.one"}}{{/if}}"');
    expect(other.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/unknown fact "x.one"/)]);
  });

  it('a fact’s raw value is tested, quoted and passed on as its value', () => {
    const ctx = context();
    ctx.facts['x.zero'] = { key: 'x.zero', label: 'صفر', value: 0, text: '0', sources: ['A1'] };
    ctx.facts['x.one'] = { key: 'x.one', label: 'واحد', value: 1, text: '1', sources: ['A1'] };
    const template = [
      'zero: "{{#if (factValue "x.zero")}}yes{{else}}no{{/if}}{{#unless (factValue "x.zero")}}!{{/unless}}"',
      'quoted: "{{json (factValue "coalition.members")}}"',
      'item: "{{lookup (lookup (lookup (chunk parts (factValue "x.one")) (factValue "x.zero")) 0) "short"}}"',
      'sum: {{json (add (factValue "x.one") 1)}}',
    ].join('\n');
    const out = expand(template, ctx);
    expect(out.diagnostics).toEqual([]);
    const { spec, uses } = extractFactUses(parse(out.text!));
    expect(spec).toMatchObject({ zero: 'no!', quoted: '89', item: 'الأول', sum: 2 });
    ctx.facts['x.text'] = { key: 'x.text', label: 'نص', value: 'قال "نعم"', text: 'قال "نعم"', type: 'text', sources: ['A1'] } as never;
    const mixed = expand(`a: {label: 'قال "نعم', value: {{json (factValue "coalition.members")}} }\nb: "{{json (factValue "x.text")}}"`, ctx);
    expect(extractFactUses(parse(mixed.text!)).spec).toEqual({ a: { label: 'قال "نعم', value: 89 }, b: 'قال "نعم"' });
    expect(uses.map((u) => `${u.key}@${u.element}`)).toEqual(['coalition.members@quoted', 'x.one@sum']);
    expect(expand('a: "{{lookup (highlight "watch") -1}}"', context({ highlights: { watch: ['أ'] } })).diagnostics[0]?.message).toMatch(/lookup asks for item -1 of a list of 1/);
    // an id left out: said so, not «unknown part "[object Object]"»
    const noId = expand('{{#with (part)}}a: "{{heading}}"{{/with}}').diagnostics[0]?.message ?? '';
    expect(noId).toMatch(/part takes the id of a part of the outline in quotes, e\.g\. \(part "one"\); parts: one/);
    expect(noId).not.toContain('object Object');
    // a table's id may be digits, unquoted
    const byYear = expand('{{#with (table 2024)}}a: "{{title}}"{{/with}}', context({ tables: { 2024: { title: 'عام', columns: [], rows: [] } } as never }));
    expect(byYear.diagnostics).toEqual([]);
    const partByYear = expand('{{#with (part 2024)}}a: "{{heading}}"{{/with}}', context({ parts: [{ id: '2024', heading: 'عام', short: 'عام', points: [] }] as never }));
    expect(partByYear.diagnostics).toEqual([]);
  });

  it('an error in an include’s own arguments is the including line’s, not the partial’s', () => {
    const out = expand('a: "x"\n{{> p (part "zzz")}}', context(), { p: 'b: "{{heading}}"' });
    expect(out.diagnostics[0]?.message).toMatch(/unknown part "zzz"/);
    expect(out.diagnostics[0]?.message).not.toMatch(/included from/);
    expect(out.diagnostics[0]?.location).toMatchObject({ file: 'templates/test/deck.hbs', start: { line: 2 } });
    const inside = expand('a: "x"\n{{> p (part "one")}}', context(), { p: 'b: "{{headng}}"' });
    expect(inside.diagnostics[0]?.message).toMatch(/\(included from templates\/test\/deck\.hbs:2:1\)$/);
  });

  it('prints a fact’s unit after it where asked (unit=true): a symbol joined, a word after a space', () => {
    const ctx = context();
    ctx.facts['x.share'] = { key: 'x.share', label: 'حصة', value: 48, text: '48', unit: '%', sources: ['A1'] };
    ctx.facts['x.trade'] = { key: 'x.trade', label: 'تجارة', value: 4.5, text: '4.5', unit: 'مليار دولار', sources: ['A1'] };
    const out = expand('a: "{{fact "x.share" unit=true}} {{fact "x.trade" unit=true}} {{fact "x.share"}} {{fact "coalition.members" unit=true}}"', ctx);
    expect(extractFactUses(parse(out.text!)).spec).toEqual({ a: '48% 4.5 مليار دولار 48 89' });
  });

  it('suggests a highlight list or table near a mistyped name', () => {
    const ctx = context({ highlights: { watch: ['أ'] } });
    expect(expand('a: "{{#each (highlight "wach")}}{{this}}{{/each}}"', ctx).diagnostics[0]?.message).toMatch(/unknown highlight list "wach" \(did you mean "watch"\?\); lists: watch/);
  });

  it('lookup is strict: an item past the end of a list or a field that is not there is an error at the call', () => {
    const ctx = context({ highlights: { watch: ['أ', 'ب'] } });
    expect(parse(expand('a: "{{lookup (highlight "watch") 1}} {{lookup (part "one") "short"}}"', ctx).text!).a).toBe('ب الأول');
    const past = expand('a: "x"\nb: "{{lookup (highlight "watch") 2}}"', ctx);
    expect(past.diagnostics[0]).toMatchObject({ code: 'MJZ161', location: { start: { line: 2 } } });
    expect(past.diagnostics[0]?.message).toMatch(/lookup asks for item 2 of a list of 2 \(its items are numbered 0 to 1\)/);
    const field = expand('b: "{{lookup (part "one") "shrt"}}"', ctx);
    expect(field.diagnostics[0]?.message).toMatch(/lookup asks for "shrt", which is not here; did you mean "short"\?/);
    expect(expand('b: "{{#if (hasFact "coalition.members")}}نعم{{/if}}{{#if (hasFact "x.y")}}لا{{/if}}"', ctx).text).toContain('b: "نعم"');
  });

  it('names a source the deck cites or a dataset source, and says which it knows when neither', () => {
    const ctx = context({ datasetSources: [{ id: 'S05', title: 'Reuters', kind: 'web' }] });
    const out = expand('a: "{{source "A1"}} {{source "S05"}}"', ctx);
    expect(parse(out.text!).a).toBe('المقال Reuters');
    const bad = expand('a: "{{source "R2"}}"', ctx);
    expect(bad.diagnostics[0]?.message).toMatch(/unknown source "R2".*the deck cites A1 and the dataset’s sources/);
  });

  it('reads a field named like a helper when it is called without arguments', () => {
    const out = expand('{{#each sources}}d: "{{source}}-{{id}}"{{/each}}', context({ sources: [{ id: 'A1', title: 't', kind: 'article', source: 'x' } as never] }));
    expect(parse(out.text!)).toEqual({ d: 'x-A1' });
  });

  it('cuts lists into chunks and filters them', () => {
    const out = expand('n: {{json (chunk (where sources "kind" "web") 2)}}', context({ sources: ['a', 'b', 'c'].map((id) => ({ id, title: id, kind: 'web' as const })) }));
    expect(parse(out.text!).n.map((c: unknown[]) => c.length)).toEqual([2, 1]);
  });

  it('takes the first n items of a list, all of them when it has fewer', () => {
    const sources = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id, kind: 'web' as const }));
    const ids = (n: number | string) => parse(expand(`n: {{json (take sources ${n})}}`, context({ sources })).text!).n.map((x: { id: string }) => x.id);
    expect(ids(3)).toEqual(['a', 'b', 'c']); // not chunk's 2 (4 items in runs of at most 3: 2 and 2)
    expect(ids(9)).toEqual(['a', 'b', 'c', 'd']);
    expect(expand('n: {{json (take sources 0)}}', context({ sources })).diagnostics[0]!.message).toMatch(/take needs a list and a whole number/);
  });

  it('cuts a list into runs as even as can be, at most n each, the longer first, in order', () => {
    const sources = Array.from({ length: 27 }, (_, i) => ({ id: `S${i + 1}`, title: 't', kind: 'web' as const }));
    const runs = (n: number, of = 27) => parse(expand(`n: {{json (chunk sources ${n})}}`, context({ sources: sources.slice(0, of) })).text!).n as { id: string }[][];
    expect(runs(16).map((c) => c.length)).toEqual([14, 13]); // not 16 and 11
    expect(runs(16, 17).map((c) => c.length)).toEqual([9, 8]); // not 16 and a lone one
    expect(runs(10, 25).map((c) => c.length)).toEqual([9, 8, 8]);
    expect(runs(10, 10).map((c) => c.length)).toEqual([10]);
    expect(runs(10, 0)).toEqual([]);
    expect(runs(4).flat().map((s) => s.id)).toEqual(sources.map((s) => s.id));
  });
});

describe('helper names', () => {
  it('factSources names where facts’ figures come from: the data’s sources, then the article’s while it states the same figure, each once', () => {
    const ctx = context();
    ctx.facts['x.data'] = { key: 'x.data', label: 'بيانات', value: 90, text: '90', sources: ['D1'], stated: 90, statedBy: 'A1' } as never;
    ctx.facts['x.moved'] = { key: 'x.moved', label: 'تغيّر', value: 91, text: '91', sources: ['D1'], stated: 90, statedBy: 'A1' } as never;
    const out = expand('a: "{{factSources "x.data"}}"\nb: "{{factSources "x.moved"}}"\nc: "{{factSources "coalition.members" "x.data" "x.moved"}}"', ctx);
    expect(out.diagnostics).toEqual([]);
    expect(parse(out.text!)).toEqual({ a: 'D1، A1', b: 'D1', c: 'A1، D1' });
    expect(expand('a: "{{factSources}}"').diagnostics[0]?.message).toMatch(/factSources needs one or more fact keys in quotes/);
    expect(expand('a: "{{factSources "x.nope"}}"').diagnostics[0]?.message).toMatch(/unknown fact "x.nope"/);
    // a list of keys (a part's facts) counts as its keys
    ctx.parts[0]!.facts = ['x.data', 'coalition.members'];
    const listed = expand('{{#with (lookup parts 0)}}a: "{{factSources "x.moved" facts}}"{{/with}}', ctx);
    expect(listed.diagnostics).toEqual([]);
    expect(parse(listed.text!)).toEqual({ a: 'D1، A1' });
    // a list of texts counts as the facts they print: the points a slide shows, none for a text without one
    ctx.parts[0]!.points = [markFact('x.data', '90'), 'نقطة بلا رقم'];
    const texts = expand('{{#with (lookup parts 0)}}a: "{{factSources "x.moved" points}}"{{/with}}', ctx);
    expect(texts.diagnostics).toEqual([]);
    expect(parse(texts.text!)).toEqual({ a: 'D1، A1' });
    ctx.parts[0]!.points = ['نقطة بلا رقم'];
    expect(parse(expand('{{#with (lookup parts 0)}}a: "{{factSources "x.moved" points}}"{{/with}}', ctx).text!)).toEqual({ a: 'D1' });
    // a text on its own, as a part's notes, the same; a key written out is still a key, and a misspelt one said
    ctx.parts[0]!.notes = 'ملاحظات بلا رقم';
    expect(parse(expand('{{#with (lookup parts 0)}}a: "{{factSources "x.moved" notes}}"{{/with}}', ctx).text!)).toEqual({ a: 'D1' });
    expect(expand('a: "{{factSources "x.movd"}}"', ctx).diagnostics[0]?.message).toMatch(/unknown fact "x.movd"; did you mean "x.moved"/);
  });

  it('knows how many arguments each helper takes (factSources and asInArticle: any number)', async () => {
    const { HELPER_NAMES } = await import('../../src/expand/helpers.js');
    const { HELPER_ARITY } = await import('../../src/expand/lint.js');
    expect([...HELPER_ARITY.keys(), 'factSources', 'asInArticle'].sort()).toEqual([...HELPER_NAMES].sort());
  });

  it('lists exactly the helpers there are, for the template checks', async () => {
    const { HELPER_NAMES, createHelpers } = await import('../../src/expand/helpers.js');
    // (and lookup, Handlebars' own, replaced by a strict one)
    expect([...HELPER_NAMES, 'lookup'].sort()).toEqual(Object.keys(createHelpers(context())).sort());
  });
});
