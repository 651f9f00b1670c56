import { describe, expect, it } from 'vitest';
import { parseContent, quoteStates } from '../../src/content/parse.js';
import { contentWith, replaceOnce, shippedContent } from '../helpers/project.js';

describe('parseContent', () => {
  it('accepts the shipped content without any diagnostic', async () => {
    const { content, diagnostics } = parseContent(await shippedContent());
    expect(diagnostics).toEqual([]);
    expect(content?.parts.map((p) => p.id)).toEqual([
      'announcement',
      'iraq-precedent',
      'international-demands',
      'legitimacy-sanctions',
      'northeast',
      'us-gains',
      'detainees-trials',
      'break-with-assad',
    ]);
    expect(content?.article.subtitle).toBe('ماذا يعني؟');
    expect(content?.article.date).toBe('2025-11-03');
    // the dataset's sources join the project's own
    expect(content?.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['A1', 'D1', 'S01', 'S29', 'S32']));
  });

  it('locates an unknown key and suggests the right one', async () => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '    heading: "حلّ متوقع', '    headng: "حلّ متوقع'));
    const { diagnostics } = parseContent(files);
    const unknown = diagnostics.find((d) => d.code === 'MJZ110');
    expect(unknown?.message).toMatch(/Unknown key "headng"/);
    expect(unknown?.hint).toBe('Did you mean "heading"?');
    expect(unknown?.location?.file).toBe('content/article.yaml');
    const line = files.get('content/article.yaml')!.text.split('\n').findIndex((l) => l.includes('headng')) + 1;
    expect(unknown?.location?.start).toEqual({ line, column: 5 });
    // the misspelt key and the missing field it should have been are one problem
    expect(unknown?.message).toContain('(and the field "heading" is missing)');
    expect(diagnostics.filter((d) => d.code === 'MJZ112')).toEqual([]);
  });

  it('reports every problem of a run, not only the first', async () => {
    let files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '    short: "سابقة العراق"', '    short: 7'));
    const facts = replaceOnce(files.get('content/facts.yaml')!.text, '    type: year', '    type: yaer');
    files = new Map(files).set('content/facts.yaml', { path: 'content/facts.yaml', text: facts });
    const { diagnostics } = parseContent(files);
    expect(diagnostics.map((d) => [d.code, d.location?.file])).toEqual([
      ['MJZ111', 'content/article.yaml'],
      ['MJZ111', 'content/facts.yaml'],
    ]);
    expect(diagnostics[1]?.hint).toMatch(/Did you mean "year"\?/);
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, '    label: "عدد أعضاء التحالف"', '    label: "عدد أعضاء التحالف'));
    const { diagnostics, content } = parseContent(files);
    expect(content).toBeUndefined();
    expect(diagnostics[0]?.code).toBe('MJZ100');
    expect(diagnostics[0]?.location?.file).toBe('content/facts.yaml');
    expect(diagnostics[0]?.location?.start?.line).toBeGreaterThan(5);
  });

  it('rejects a fact reference that does not exist, with a suggestion', async () => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '[[coalition.members]] عضواً، منها', '[[coalition.member]] عضواً، منها'));
    const { diagnostics } = parseContent(files);
    const d = diagnostics.find((x) => x.code === 'MJZ131');
    expect(d?.message).toBe('Unknown fact [[coalition.member]]');
    expect(d?.hint).toBe('Did you mean [[coalition.members]]?');
    expect(d?.severity).toBe('error');
  });

  it('warns when a basis is not the article’s own words', async () => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '- "تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب، ومن المقرر', '- "تنوي الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب، ومن المقرر'));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ132');
    expect(d?.severity).toBe('warning');
    expect(d?.location?.start?.line).toBeGreaterThan(1);
  });

  it('refuses a [[reference]] in a fact’s label or a source’s title, which nothing expands there', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'label: "مواقع المشاريع في العراق"', 'label: "مواقع المشاريع في العراق [[ffis.founded]]"'));
    const d = parseContent(files).diagnostics.filter((x) => x.code === 'MJZ131');
    expect(d.map((x) => [x.location?.file, x.message])).toEqual([['content/facts.yaml', expect.stringMatching(/holds a \[\[reference\]\], which content\/facts.yaml does not expand/)]]);
    const text = files.get('content/facts.yaml')!.text;
    expect(d[0]?.location?.start?.line).toBe(text.slice(0, text.indexOf('[[ffis.founded]]')).split('\n').length);
    // a dataset source's title is listed on the sources slides too
    const data = await contentWith('content/data/coalition-members.yaml', (t) => replaceOnce(t, "  title: 'SBS News:", "  title: '[[coalition.members]] SBS News:"));
    expect(parseContent(data).diagnostics.filter((x) => x.code === 'MJZ131').map((x) => [x.location?.file, x.location?.start?.line])).toEqual([['content/data/coalition-members.yaml', 19]]);
  });

  it('rejects an unknown source id', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, '      value: 28\n      source: A1', '      value: 28\n      source: A2'));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ130');
    expect(d?.message).toBe('Unknown source "A2"');
    expect(d?.hint).toMatch(/^Did you mean "A1"\? If not, add "A2" to content\/sources\.yaml \(id, kind, title, date\), or cite a known source: A1, D1, S01, /);
  });

  it('rejects a source id of the dataset that its sources: list does not hold, a member’s or a count’s, at the id', async () => {
    const DATASET = 'content/data/coalition-members.yaml';
    const edit = (t: string) => {
      const togo = t.indexOf('- en: Togo');
      const member = t.slice(0, togo) + replaceOnce(t.slice(togo), '  - S26', '  - S62');
      return replaceOnce(member, "  members: 87\n  note: + unidentified 87th member\n  source: S27", "  members: 87\n  note: + unidentified 87th member\n  source: S99");
    };
    const files = await contentWith(DATASET, edit);
    const text = files.get(DATASET)!.text;
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const d = parseContent(files).diagnostics.filter((x) => x.code === 'MJZ130');
    expect(d.map((x) => [x.severity, x.message, x.location?.file, x.location?.start?.line, x.location?.start?.column])).toEqual([
      ['error', 'Unknown source "S62" for the member "Togo": the dataset\'s sources: list has no such id, so the member, counted in every figure, cannot be traced to a source', DATASET, lineOf('  - S62'), 5],
      ['error', 'Unknown source "S99" for the count of 87 members (2024-09-30): the dataset\'s sources: list has no such id, so the count cannot be traced to a source', DATASET, lineOf('source: S99'), 11],
    ]);
    // S62 is S26 with two figures swapped; S99 is one keystroke from S09, S19 and S29 alike: no guess
    expect(d[0]!.hint).toBe('Did you mean "S26"? If not, add "S62" to the dataset\'s sources: (id, title, url, date); it lists S01 to S32 (32 sources).');
    expect(d[1]!.hint).toBe('Correct the id, or add "S99" to the dataset\'s sources: (id, title, url, date); it lists S01 to S32 (32 sources).');
    // an id of content/sources.yaml is no source of the dataset; nor does a member after the article go unchecked
    const project = await contentWith(DATASET, (t) => replaceOnce(t, '  sources:\n  - S29\n  confidence: high\n  joined_year: 2025', '  sources:\n  - A1\n  confidence: high\n  joined_year: 2025'));
    const own = parseContent(project).diagnostics.filter((x) => x.code === 'MJZ130');
    expect(own.map((x) => x.message)).toEqual(['Unknown source "A1" for the member "Syria" (after the article): the dataset\'s sources: list has no such id, so the member cannot be traced to a source']);
    expect(own[0]!.hint).toMatch(/^"A1" is a source of content\/sources\.yaml, not of the dataset, which cites its own sources: add "A1" to the dataset's sources: /);
    // the shipped dataset cites only its own sources
    expect(parseContent(await shippedContent()).diagnostics).toEqual([]);
  });

  it('reports a missing content file', async () => {
    const files = await shippedContent();
    files.delete('content/facts.yaml');
    const { diagnostics } = parseContent(files);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'MJZ120', location: { file: 'content/facts.yaml' } }));
  });

  it.each(['2025-11-31', '2025-02-30', '2025-13-03'])('refuses the impossible date %s where it is written', async (date) => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '  date: "2025-11-03"', `  date: "${date}"`));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ111');
    expect(d?.message).toMatch(/not a date of the calendar/);
    expect(d?.location).toMatchObject({ file: 'content/article.yaml', start: { column: 9 } });
  });

  it('refuses a month fact that is not a month, and a year that is not a year', async () => {
    let files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'value: "2014-09"', 'value: "2014-13"'));
    expect(parseContent(files).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/a month fact needs a month written YYYY-MM/)]);
    files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'value: 2015', 'value: "عام 2015"'));
    expect(parseContent(files).diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/a year fact needs a year/)]);
  });

  it.each([
    ['٢٨', 'Write the figure in Western digits, value: 28: the audience\'s theme decides how digits are shown on the slides (digits: arabic-indic).'],
    ['"١٬١٠٠"', 'Write the figure in Western digits, value: 1100: the audience\'s theme decides how digits are shown on the slides (digits: arabic-indic).'],
    ['"28"', 'Write the number without quotes, value: 28: in quotes it is a text.'],
    ['1,100', 'Write the number without thousands separators, value: 1100: the slides group the digits themselves.'],
    ['28 موقعاً', 'Write the figure as a plain number, e.g. value: 1100, without words or units: a word such as «أكثر من» goes on the qualifier line, a unit on the unit line.'],
    ['"-5"', 'Write the number without quotes, value: -5: in quotes it is a text.'],
    ['"1٬100"', 'Write the number without thousands separators, value: 1100: the slides group the digits themselves.'],
    ['"أكثر من ١١٠٠"', 'Write the figure alone (a word such as «أكثر من» goes on the qualifier line, a unit on the unit line) in Western digits, value: 1100: the audience\'s theme decides how digits are shown on the slides (digits: arabic-indic).'],
  ])('a number fact given %s says how to write the number', async (value, hint) => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'value: 28', `value: ${value}`));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ111');
    expect(d).toMatchObject({ message: expect.stringMatching(/a number fact needs a number such as 1100/), hint, location: { file: 'content/facts.yaml' } });
  });

  it('warns when a stated figure is not what its quote says', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(t, 'value: 28', 'value: 29'));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ145');
    expect(d).toMatchObject({ severity: 'warning', message: '"ffis.locations" states 29, but its quote does not say it' });
    expect(d?.location?.file).toBe('content/facts.yaml');
  });

  it('warns when a figure stated as the article\'s, without a quote, is not in the article at all (82 typed for its 28)', async () => {
    const files = await contentWith('content/facts.yaml', (t) => replaceOnce(replaceOnce(t, 'value: 28', 'value: 82'), '      quote: "في 28 موقعاً في جميع أنحاء العراق"\n', ''));
    const d = parseContent(files).diagnostics.filter((x) => x.code === 'MJZ145');
    expect(d.map((x) => [x.severity, x.message, x.location?.file])).toEqual([['warning', '"ffis.locations" states 82 as the article\'s, but the article does not say 82 anywhere', 'content/facts.yaml']]);
    // the article's own figure, without a quote: nothing to say
    const right = await contentWith('content/facts.yaml', (t) => replaceOnce(t, '      quote: "في 28 موقعاً في جميع أنحاء العراق"\n', ''));
    expect(parseContent(right).diagnostics.filter((x) => x.code === 'MJZ145')).toEqual([]);
    // a small number the article writes out, and a large one in thousands: not held to digits
    for (const value of ['3', '1100000']) {
      const words = await contentWith('content/facts.yaml', (t) => replaceOnce(replaceOnce(t, 'value: 28', `value: ${value}`), '      quote: "في 28 موقعاً في جميع أنحاء العراق"\n', ''));
      words.set('content/article.txt', { ...words.get('content/article.txt')!, text: `${words.get('content/article.txt')!.text}\nونحو 1.1 مليون مستفيد.\n` });
      expect(parseContent(words).diagnostics.filter((x) => x.code === 'MJZ145'), value).toEqual([]);
    }
  });

  it('reads a quote written in Arabic-Indic or Persian digits, with the Arabic decimal and thousands separators', () => {
    expect(quoteStates('نحو ١٫٣ مليون لاجئ', 'number', 1.3)).toBe(true);
    expect(quoteStates('نحو ٤٫٥ مليار دولار', 'number', 4.5)).toBe(true);
    expect(quoteStates('أكثر من ١٬١٠٠ مشروع', 'number', 1100)).toBe(true);
    expect(quoteStates('نحو ۱٫۳ مليون', 'number', 1.3)).toBe(true);
    expect(quoteStates('نحو ١٫٣ مليون لاجئ', 'number', 3)).toBe(false);
    expect(quoteStates('نحو ١٫٣٥ مليون لاجئ', 'number', 1.3)).toBe(false);
  });

  it('names a list item by its id, and says how many items a list too long has', async () => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '    notes: "يعمل التحالف في العراق', '    notez: "يعمل التحالف في العراق'));
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ112' || x.code === 'MJZ110');
    expect(d?.message).toMatch(/\(parts\[1\] is "iraq-precedent"\)/);
    const points = Array.from({ length: 9 }, (_, i) => `      - text: "نقطة ${i}"\n        basis: ["ب"]`).join('\n');
    const long = await contentWith('content/article.yaml', (t) => t.replace(/( {4}points:\n)(?: {6}- text:[^\n]*\n(?: {8}[^\n]*\n)*)+/, `$1${points}\n`));
    const tooMany = parseContent(long).diagnostics.find((x) => /holds at most 8/.test(x.message));
    expect(tooMany?.message).toBe('9 points at parts[0].points in the article outline (parts[0] is "announcement"): a part (the bullets of one slide) holds at most 8');
    expect(tooMany?.hint).toBe('Split the part into two parts, or condense its points.');
  });

  it('refuses a source of sources.yaml that takes the id of a dataset source', async () => {
    const files = await contentWith('content/sources.yaml', (t) => `${t}  - id: S05\n    kind: report\n    title: "تقرير"\n`);
    const d = parseContent(files).diagnostics.find((x) => x.code === 'MJZ133');
    expect(d?.message).toBe('Source id "S05" is also a source of the dataset (content/data/coalition-members.yaml)');
    expect(d?.location?.file).toBe('content/sources.yaml');
  });

  it('warns about a figure typed into a point that its basis does not state; facts, the basis’s own figures and Latin names pass', async () => {
    const point = 'يضمّ التحالف اليوم [[coalition.members]] عضواً، منها [[coalition.european_states]] دولة أوروبية و[[coalition.arab_states]] دولة عربية إضافة إلى [[coalition.middle_east_others]]';
    const typed = await contentWith('content/article.yaml', (t) => replaceOnce(t, point, `${point}، ونحو 15% من أعضاء G20 وطائرات F-16 منذ 2014`));
    const found = parseContent(typed).diagnostics.filter((x) => x.code === 'MJZ135');
    expect(found.map((d) => d.message)).toEqual(['The figure 15 is in the text, but not in the sentences it rests on (its basis)', 'The figure 2014 is in the text, but not in the sentences it rests on (its basis)']);
    expect(found[0]).toMatchObject({ severity: 'warning', location: { file: 'content/article.yaml' } });
    // in its basis, a figure is the article's
    const basis = '          - "ويضمّ في عضويته اليوم 89 عضواً من بينها 36 دولة أوروبية، و11 دولة عربية إضافة إلى تركيا وقبرص من دول الشرق الأوسط"';
    const stated = await contentWith('content/article.yaml', (t) => replaceOnce(replaceOnce(t, point, `${point} منذ 2014`), basis, `${basis}\n          - "وبذلك ستكون سوريا العضو رقم 90 في التحالف الذي تَشكَّل بقيادة الولايات المتحدة في أيلول/ سبتمبر 2014"`));
    expect(parseContent(stated).diagnostics.filter((x) => x.code === 'MJZ135')).toEqual([]);
  });

  it("warns about a figure typed where the fact it is belongs ([[key]] would follow it), and about figures typed outside points: headings, notes, tables' titles and columns, the article's title", async () => {
    const point = 'يضمّ التحالف اليوم [[coalition.members]] عضواً، منها';
    const codes = (files: Awaited<ReturnType<typeof contentWith>>) =>
      parseContent(files).diagnostics.filter((x) => x.code === 'MJZ135' || x.code === 'MJZ137').map((d) => [d.code, d.location?.start?.line, /figure (\S+)/.exec(d.message)![1], d.hint]);
    // 89 typed where [[coalition.members]] stood: its basis is the fact's quote, so it is that fact
    const typed = await contentWith('content/article.yaml', (t) => replaceOnce(t, point, 'يضمّ التحالف اليوم 89 عضواً، منها'));
    expect(codes(typed)).toEqual([['MJZ137', 20, '89', 'Write [[coalition.members]] in its place.']]);
    // typed into a heading (the part's points rest on the fact's quote), notes, a table's title and column, the article's title
    const elsewhere = await contentWith('content/article.yaml', (t) =>
      replaceOnce(
        replaceOnce(
          replaceOnce(replaceOnce(t, 'heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"', 'heading: "سوريا تنضم إلى تحالف الـ 89"'), 'title: "انضمام سوريا للتحالف الدولي لمكافحة الإرهاب"', 'title: "انضمام سوريا للتحالف في 2025"'),
          'title: "من يكسب ماذا من الانضمام"',
          'title: "من يكسب ماذا (12 طرفاً)"',
        ),
        'notes: "تعتزم الحكومة السورية',
        'notes: "يضم التحالف 77 عضواً. تعتزم الحكومة السورية',
      ),
    );
    const found = codes(elsewhere);
    // (the article's title, like a heading, is checked for a fact's figure only: 2025 is none)
    expect(found.map(([code, , figure]) => `${code} ${figure}`)).toEqual(['MJZ137 89', 'MJZ135 77', 'MJZ135 12']);
    const messages = parseContent(elsewhere).diagnostics.filter((x) => x.code === 'MJZ135').map((d) => d.message);
    expect(messages).toEqual([
      "The figure 77 is typed into a part's notes, and no sentence its points rest on states it",
      "The figure 12 is typed into a table's title, and no sentence its rows rest on states it",
    ]);
    // a heading or short label that numbers its part, or a title that counts questions, is no figure to trace
    const numbered = await contentWith('content/article.yaml', (t) =>
      replaceOnce(replaceOnce(replaceOnce(t, 'heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"', 'heading: "المحور 1: سوريا تعتزم الانضمام"'), 'short: "الإعلان والتحالف"', 'short: "المحور 1"'), 'title: "انضمام سوريا للتحالف الدولي لمكافحة الإرهاب"', 'title: "5 أسئلة عن انضمام سوريا"'),
    );
    expect(codes(numbered)).toEqual([]);
    // a fact's figure in any part's heading (not only where its quote is the part's basis); in notes, a figure equal to the part's place is a figure still
    const other = await contentWith('content/article.yaml', (t) =>
      replaceOnce(replaceOnce(t, 'heading: "الشرعية الدولية ورفع العقوبات"', 'heading: "الشرعية الدولية في تحالف من 89 عضواً"'), 'notes: "تعتزم الحكومة السورية', 'notes: "المحور 1 من المقال. تعتزم الحكومة السورية'),
    );
    expect(codes(other).map(([code, , figure]) => `${code} ${figure}`)).toEqual(['MJZ135 1', 'MJZ137 89']);
    expect(parseContent(other).diagnostics.find((d) => d.code === 'MJZ137')!.message).toBe('The figure 89 is typed: it is the figure of the fact coalition.members, and would not follow it when it changes');
  });

  it('compares a typed figure as written: leading zeros, ranges, separators and other digits', async () => {
    const point = 'تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب، ومن المقرر أن يزور الرئيس أحمد الشرع واشنطن للتوقيع';
    const basis = '          - "تعتزم الحكومة السورية الانضمام إلى التحالف الدولي لمكافحة الإرهاب، ومن المقرر أن يزور الرئيس \\"أحمد الشرع\\" واشنطن للتوقيع على هذا الانضمام"';
    const figures = (text: string, said: string) =>
      contentWith('content/article.yaml', (t) => replaceOnce(replaceOnce(t, point, `${point} ${text}`), basis, `${basis}\n          - "${said}"`)).then((files) =>
        parseContent(files).diagnostics.filter((x) => x.code === 'MJZ135').map((d) => /figure (\S+)/.exec(d.message)![1]),
      );
    expect(await figures('في 05/03/2024 الساعة 09:30', 'في 05/03/2024 الساعة 09:30')).toEqual([]);
    expect(await figures('بين 2014-2019', 'منذ 2014')).toEqual(['2019']);
    expect(await figures('نحو 1,100 مشروع و۱۲ موقعاً', 'أكثر من 1100 مشروع في 12 موقعاً')).toEqual([]);
    expect(await figures('نحو ١٫٣ مليون', 'نحو 1.3 مليون')).toEqual([]);
  });

  it('finds a basis retyped without its short vowels (tashkeel) in the article', async () => {
    const files = await contentWith('content/article.yaml', (t) => replaceOnce(t, '"وبذلك ستكون سوريا العضو رقم 90 في التحالف الذي تَشكَّل بقيادة', '"وبذلك ستكون سوريا العضو رقم 90 في التحالف الذي تشكل بقيادة'));
    expect(parseContent(files).diagnostics.filter((x) => x.code === 'MJZ132')).toEqual([]);
  });

  it('reports, in one run, what a sources file refused by its schema still shows: an id used twice, a fact citing one that is not there', async () => {
    let files = await contentWith('content/sources.yaml', (t) => `${replaceOnce(t, 'date: "2025-11-03"', 'date: "03/11/2025"')}  - id: A1\n    title: "مكرر"\n`);
    files = new Map(files);
    const facts = files.get('content/facts.yaml')!;
    files.set('content/facts.yaml', { ...facts, text: facts.text.replace('      value: 28\n      source: A1', '      value: 28\n      source: W4') });
    const { content, diagnostics } = parseContent(files);
    expect(content).toBeUndefined();
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['MJZ111', 'MJZ130', 'MJZ133']);
    // an entry the schema refused for its date (or title) keeps its id: no follow-on "unknown source"
    const dated = await contentWith('content/sources.yaml', (t) => replaceOnce(t, 'date: "2025-11-03"', 'date: "03/11/2025"'));
    expect(parseContent(dated).diagnostics.map((d) => d.code)).toEqual(['MJZ111']);
  });
});
