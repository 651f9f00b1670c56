/**
 * Hostile and broken content: one case per kind of mistake an author makes in content/*.yaml.
 * Each asserts the permanent code, the file, line and column, a hint and a code frame.
 */
import { describe, expect, it } from 'vitest';
import { prepareContent } from '../../src/build.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { shippedContent } from '../helpers/project.js';
import { expectError, expectWellFormed, positionOf, replace, run, summarize } from './harness.js';

const ARTICLE = 'content/article.yaml';
const FACTS = 'content/facts.yaml';
const SOURCES = 'content/sources.yaml';
const DATASET = 'content/data/coalition-members.yaml';
const GROUPS = 'content/data/groups.yaml';

/** A "billion laughs" document: ten levels of nine aliases each. */
function aliasBomb(): string {
  let s = 'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
  for (let i = 1; i < 10; i++) s += `lol${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return s;
}

describe('YAML syntax', () => {
  it('a quote left open: MJZ100 where the string starts', async () => {
    const r = await run({ [FACTS]: replace('    label: "عدد أعضاء التحالف"', '    label: "عدد أعضاء التحالف') });
    expect(r.result.spec).toBeUndefined();
    // at the opening quote (yaml itself says where it ran out: the end of the file)
    const d = expectError(r, 'MJZ100', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'label: "عدد أعضاء', 7) });
    expect(d.hint).toMatch(/never closed: add the closing quote/);
  });

  it('a key without its colon: MJZ100 at the line, with the hint to add it', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short "سابقة العراق"') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, 'short "سابقة') });
    expect(d.hint).toMatch(/is the colon after the key missing/);
  });

  it('a list item indented under the entry before it: MJZ100 at its dash, not at the start of the line', async () => {
    const r = await run({ [DATASET]: replace('- en: Belgium', '  - en: Belgium') });
    const d = expectError(r, 'MJZ100', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, '- en: Belgium') }, /^This list item is not lined up with its list: YAML reads it as part of the entry above it$/);
    expect(d.hint).toMatch(/^Start its dash \(-\) at the same column as the dashes of the list's other items/);
    // indented less than the one before it: the same words
    const less = await run({ [ARTICLE]: (t) => t.replace(/(\n {10}- "[^\n]*")/, '$1\n        - "سطر إضافي"') });
    expectError(less, 'MJZ100', { file: ARTICLE, ...positionOf(less.texts.get(ARTICLE)!, '- "سطر إضافي"') }, /^This list item is not lined up with its list/);
  });

  it('an item line without its dash: MJZ100, with the hint to indent it or add the dash', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '   short: "سابقة العراق"') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE });
    expect(d.hint).toMatch(/without its `- `/);
  });

  it('a key without its colon at the end of a file: MJZ100 at the key, with the hint to add it', async () => {
    const r = await run({ [SOURCES]: (t) => `${t}edition 2\n` });
    const d = expectError(r, 'MJZ100', { file: SOURCES, ...positionOf(r.texts.get(SOURCES)!, 'edition 2') });
    expect(d.hint).toMatch(/^Add a colon and a space after the key/);
  });

  it('text after a closing bracket: MJZ100 at the text, with the hint to put it inside', async () => {
    const r = await run({ [GROUPS]: replace('- { group: [oceania] }', '- { group: [oceania] } x') });
    const d = expectError(r, 'MJZ100', { file: GROUPS, ...positionOf(r.texts.get(GROUPS)!, '} x', 2) });
    expect(d.hint).toMatch(/^Text follows the closing \] or \}/);
  });

  it('a bracket left open: MJZ100, with the hint to close it, and what follows from it counted, not listed', async () => {
    const r = await run({ [GROUPS]: replace('- { group: [oceania] }', '- { group: [oceania }') });
    const d = expectError(r, 'MJZ100', { file: GROUPS });
    expect(d.hint).toMatch(/^A \[ or \{ must be closed/);
    expect(d.hint).toMatch(/3 more problems further down may follow from this one/);
    expect(r.errors.filter((x) => x.code === 'MJZ100' && x.location?.file === GROUPS)).toHaveLength(1);
  });

  it('a top-level key without its colon: one error, not one for every key below it', async () => {
    const r = await run({ [FACTS]: replace('\nfacts:\n', '\nfacts\n') });
    const d = expectError(r, 'MJZ100', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '\nfacts\n', 1) });
    expect(r.errors.filter((x) => x.location?.file === FACTS)).toHaveLength(1);
    expect(d.hint).toMatch(/is the colon after the key missing\? .* \d+ more problems further down may follow from this one: fix it, then check again\.$/);
  });

  it('a backslash in double quotes: MJZ100, with the hint on escapes', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "سابقة\\العراق"') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE });
    expect(d.hint).toMatch(/backslash starts an escape/);
  });

  it('a key indented too far: MJZ100 at the key, saying to line it up', async () => {
    const r = await run({ [FACTS]: replace('    data: members.total\n', '      data: members.total\n') });
    const d = expectError(r, 'MJZ100', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'data: members.total') }, /same column/);
    expect(d.hint).toMatch(/^This key is not lined up with the keys beside it/);
  });

  it('a tab used for indentation: MJZ100 at the tab', async () => {
    const r = await run({ [FACTS]: replace('    data: members.total\n', '\tdata: members.total\n') });
    const d = expectError(r, 'MJZ100', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '\tdata') }, /Tabs/);
    expect(d.hint).toMatch(/Indent with spaces/);
  });

  it('a duplicate key: MJZ100 at the second one, with its own hint', async () => {
    const r = await run({ [FACTS]: replace('    data: members.total\n', '    data: members.total\n    data: members.identified\n') });
    const d = expectError(r, 'MJZ100', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'data: members.identified\n    stated') });
    expect(d.hint).toMatch(/once in a mapping/);
  });

  it('a colon and space in unquoted pasted text: MJZ100 at the value', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: سابقة: العراق') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, 'سابقة: العراق') });
    expect(d.hint).toMatch(/put the value in double quotes/);
  });

  it('pasted text with unbalanced quotes: MJZ100 at the stray text', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "سابقة "العراق"') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '"سابقة "العراق"', 8) });
    expect(d.hint).toMatch(/Text follows a closing quote/);
  });

  it('a second document after ---: MJZ100 in words, not in library terms', async () => {
    const r = await run({ [SOURCES]: (t) => `${t}---\nsources: []\n` });
    const d = expectError(r, 'MJZ100', { file: SOURCES, line: positionOf(r.texts.get(SOURCES)!, '---').line, column: 1 });
    expect(d.message).toBe('The file holds a second YAML document (after a --- line)');
    expect(d.message).not.toMatch(/parseAllDocuments/);
  });

  it('an empty file: MJZ102 at 1:1', async () => {
    const r = await run({ [FACTS]: '' });
    expectError(r, 'MJZ102', { file: FACTS, line: 1, column: 1 }, /is empty/);
  });

  it('a file of comments only: MJZ102', async () => {
    const r = await run({ [SOURCES]: '# nothing yet\n# still nothing\n' });
    expectError(r, 'MJZ102', { file: SOURCES, line: 1, column: 1 });
  });
});

// Timeouts here are hang guards, not speed assertions (npm run bench measures speed).
describe('resource exhaustion', () => {
  it('an alias bomb ("billion laughs"): MJZ101 at the first alias, without hanging', { timeout: 30_000 }, async () => {
    const r = await run({ [FACTS]: (t) => aliasBomb() + t });
    const d = expectError(r, 'MJZ101', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '*a0') }, /Aliases expand to too many values/);
    expect(d.hint).toMatch(/write the values out/);
    expect(process.memoryUsage().heapUsed).toBeLessThan(1_500_000_000);
  });

  it('an alias bomb in a file the schema lets through (the dataset): MJZ101 too', { timeout: 30_000 }, async () => {
    const r = await run({ [DATASET]: (t) => aliasBomb() + t });
    expectError(r, 'MJZ101', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, '*a0') });
  });

  it('100,000 nested brackets: MJZ105, no stack overflow, without hanging', { timeout: 30_000 }, async () => {
    const r = await run({ [FACTS]: replace('facts:\n', `deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\nfacts:\n`) });
    const d = expectError(r, 'MJZ105', { file: FACTS, line: positionOf(r.texts.get(FACTS)!, 'deep:').line }, /nested too deeply/);
    expect(d.message).not.toMatch(/call stack/);
  });

  it('2,000 levels of indentation: MJZ105', { timeout: 30_000 }, async () => {
    let deep = 'deep:\n';
    for (let i = 1; i < 2000; i++) deep += `${' '.repeat(i)}k:\n`;
    const r = await run({ [FACTS]: replace('facts:\n', `${deep}facts:\n`) });
    expectError(r, 'MJZ105', { file: FACTS });
  });

  it('nesting deeper than the budget where the schema passes unknown keys through: MJZ105 at the first node too deep', { timeout: 30_000 }, async () => {
    const r = await run({ [DATASET]: (t) => `extra: ${'['.repeat(200)}1${']'.repeat(200)}\n${t}` });
    // the mapping at the top is level 1, so the 64th bracket opens level 65
    expectError(r, 'MJZ105', { file: DATASET, line: 1, column: 'extra: '.length + 64 }, /more than 64 levels/);
  });

  it('a one-megabyte string is built verbatim, in bounded time', { timeout: 30_000 }, async () => {
    const long = 'نص طويل جداً، '.repeat(75_000);
    const r = await run({ [ARTICLE]: replace('      - text: "الانضمام للتحالف سيعزز شرعية الحكومة على المستوى الدولي"', `      - text: "${long}"`) });
    expect(summarize(r.errors)).toBe('');
    expect(r.result.spec?.slides.some((s) => 'bullets' in s && s.bullets?.includes(long.trim()))).toBe(true);
  });

  it('a key longer than YAML allows: MJZ100, and the code frame stays readable', async () => {
    const r = await run({ [FACTS]: replace('facts:\n', `facts:\n  ${'k'.repeat(100_000)}:\n    label: x\n`) });
    const d = expectError(r, 'MJZ100', { file: FACTS, line: positionOf(r.texts.get(FACTS)!, 'kkk').line }, /1024/);
    expect(Math.max(...formatDiagnostic(d).split('\n').map((l) => l.length))).toBeLessThan(200);
  });
});

describe('keys and values', () => {
  it('a misspelt key: MJZ110 with "did you mean"', async () => {
    const r = await run({ [FACTS]: replace('    label: "مواقع المشاريع في العراق"', '    lable: "مواقع المشاريع في العراق"') });
    const d = expectError(r, 'MJZ110', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'lable') }, /Unknown key "lable"/);
    expect(d.hint).toBe('Did you mean "label"?');
    expect(d.message).toContain('(and the field "label" is missing)');
  });

  it('an unknown key like nothing known: MJZ110 listing the keys there are', async () => {
    const r = await run({ [ARTICLE]: replace('  date: "2025-11-03"\n', '  date: "2025-11-03"\n  publisher: "x"\n') });
    const d = expectError(r, 'MJZ110', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, 'publisher') });
    expect(d.hint).toBe('Known keys here: title, subtitle, date, source, text.');
  });

  it('a source whose url is no web address: MJZ111 at the url, before a slide links to it', async () => {
    const r = await run({ [SOURCES]: (t) => `${t}  - id: W7\n    title: "موقع"\n    url: "www.example.org/page"\n` });
    expectError(r, 'MJZ111', { file: SOURCES, ...positionOf(r.texts.get(SOURCES)!, '"www.example.org/page"') }, /url .*must be a whole web address, starting with https:\/\/ or http:\/\//);
  });

  it('a dataset source whose url is no web address: MJZ111 at its line in the dataset', async () => {
    const DATASET = 'content/data/coalition-members.yaml';
    const r = await run({ [DATASET]: replace('  url: https://sarabic.ae/20151031/1016178277.html', '  url: sarabic.ae/20151031/1016178277.html') });
    expectError(r, 'MJZ111', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, 'sarabic.ae/2015') }, /must be a whole web address/);
  });

  it('a list where text belongs: MJZ111 at the value', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: ["سابقة", "العراق"]') });
    expectError(r, 'MJZ111', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '["سابقة"') }, /expected a text, not a list/);
  });

  it('a mapping where a number or text belongs: MJZ111 naming both types', async () => {
    const r = await run({ [FACTS]: replace('      value: 28', '      value: { n: 28 }') });
    expectError(r, 'MJZ111', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '{ n: 28 }') }, /expected a number or a text, not a mapping/);
  });

  it('a value left empty: MJZ111 saying it has none', async () => {
    const r = await run({ [FACTS]: replace('      value: 28', '      value:') });
    const d = expectError(r, 'MJZ111', { file: FACTS, line: positionOf(r.texts.get(FACTS)!, '      value:\n').line }, /has no value \(a number or string was expected\)$/);
    expect(d.hint).toMatch(/^YAML reads nothing after the colon as null: give it a value, or delete the line/);
  });

  it('a list left empty (after_article: with nothing under it): the hint says to write [] or delete the line', async () => {
    const r = await run({ [DATASET]: (t) => t.slice(0, t.indexOf('after_article:\n')) + 'after_article:\n' + t.slice(t.indexOf('\ncounts_by_year:') + 1) });
    const d = expectError(r, 'MJZ111', { file: DATASET, line: positionOf(r.texts.get(DATASET)!, 'after_article:').line }, /after_article in the coalition dataset: has no value \(a list was expected\)$/);
    expect(d.hint).toMatch(/write \[\] for an empty list, or delete the line/);
  });

  it('a colour YAML reads as a number: the hint says to quote it', async () => {
    const theme = 'templates/briefing/theme.yaml';
    const r = await run({ [theme]: replace('primary: "17324D"', 'primary: 173240') });
    const d = expectError(r, 'MJZ111', { file: theme, ...positionOf(r.texts.get(theme)!, '173240') }, /expected a text, not the number 173240/);
    expect(d.hint).toMatch(/put it in double quotes/);
  });

  it('a key indented more than the key above it: MJZ100 at the key that stands too far in, not at the value above with the hint to quote it', async () => {
    const theme = 'templates/briefing/theme.yaml';
    const r = await run({ [theme]: replace('  body: Amiri\n', '   body: Amiri\n') });
    const d = expectError(r, 'MJZ100', { file: theme, ...positionOf(r.texts.get(theme)!, 'body: Amiri') }, /^This key is indented 3 spaces, more than the key above it \(2\): YAML reads it as part of that key's value$/);
    expect(d.hint).toMatch(/^Indent it as the keys beside it, 2 spaces in\./);
    // a value given to a key with fields under it: said at the value
    const both = await run({ [theme]: replace('fonts:\n', 'fonts: Amiri\n') });
    const v = expectError(both, 'MJZ100', { file: theme, ...positionOf(both.texts.get(theme)!, 'Amiri\n  heading') }, /^"fonts" has a value, and under it lines indented as its fields: a key holds a value or fields, not both$/);
    expect(v.hint).toMatch(/^If the lines under it are its fields, remove the value after fonts:;/);
    // a wrapped line of prose with a colon in it is no key: the hint to quote the value stays
    const prose = await run({ [FACTS]: replace('    label: "مواقع المشاريع في العراق"\n', '    label: مواقع المشاريع في العراق\n      وهي بحسب المقال: 28 موقعاً\n') });
    expect(prose.errors[0]?.hint).toMatch(/^A colon and a space inside a value start a new mapping: put the value in double quotes/);
    const english = await run({ [theme]: (t) => t.replace(/^description: .*$/m, 'description: The full analysis.\n  Note: the charts need the dataset,\n  and the Iraq precedent its facts.') });
    expect(english.errors[0]?.hint).toMatch(/^A colon and a space inside a value start a new mapping: put the value in double quotes/);
  });

  it('a Windows (CRLF) file with one stray CR in a text reads as before: the CR is no line end', async () => {
    const r = await run({ [FACTS]: (t) => t.replace('    label: "مواقع المشاريع في العراق"', '    label: "مواقع المشاريع\rفي العراق"').replace(/\n/g, '\r\n') });
    expect(summarize(r.errors)).toBe('');
    // a file converted twice, \r\r\n: every lone CR a line end too
    const twice = await run({ [FACTS]: (t) => t.replace(/\n/g, '\r\r\n') });
    expect(summarize(twice.errors)).toBe('');
  });

  it('a value out of range, a number written as text or with a unit, an empty text, a text for a mapping: said in words, with what to write', async () => {
    const theme = 'templates/briefing/theme.yaml';
    const cases: [string, string, string, RegExp, string][] = [
      ['  title: 30\n', '  title: 300\n', '300', /sizes\.title in the theme of "briefing": is 300, out of range: it takes a number from 12 to 60$/, 'Give a number from 12 to 60.'],
      ['  body: 24\n', '  body: "24pt"\n', '"24pt"', /sizes\.body in the theme of "briefing": expected a number, not the text "24pt"$/, 'Write the number alone, in Western digits, without quotes or a unit: 24.'],
      ['  title: 30\n', '  title: ٣٠\n', '٣٠', /sizes\.title in the theme of "briefing": expected a number, not the text "٣٠"$/, 'Write the number alone, in Western digits, without quotes or a unit: 30.'],
      ['  heading: Amiri\n', '  heading: ""\n', '""', /fonts\.heading in the theme of "briefing": is empty$/, 'Write the text between the quotes.'],
      ['sizes:\n', 'logo: logo.png\nsizes:\n', 'logo.png', /logo in the theme of "briefing": expected a mapping \(fields under it\), not a text$/, 'Write its fields on the lines under it, two spaces further in (key: value).'],
    ];
    for (const [from, to, at, message, hint] of cases) {
      const r = await run({ [theme]: replace(from, to) });
      // (one error each: an empty font name is not also said to hold a forbidden character)
      expect(r.errors, to).toHaveLength(1);
      const d = expectError(r, 'MJZ111', { file: theme, ...positionOf(r.texts.get(theme)!, at) }, message);
      expect(d.hint).toBe(hint);
    }
  });

  it('an upper-case fact key: MJZ111 at the key, saying what a key looks like', async () => {
    const r = await run({ [FACTS]: replace('  coalition.identified_members:', '  coalition.Identified_members:') });
    const d = expectError(r, 'MJZ111', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'coalition.Identified_members') }, /The key "coalition.Identified_members" of the facts is not allowed: use dotted lowercase keys/);
    expect(d.hint).toBe('Rename the key, e.g. "coalition.identified_members".');
  });

  it('a fact computed from the data typed as a month or a year: MJZ111 at its type, not a crash', async () => {
    for (const type of ['month', 'year']) {
      const r = await run({ [FACTS]: replace('  coalition.identified_members:\n', `  coalition.identified_members:\n    type: ${type}\n`) });
      expectError(r, 'MJZ111', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, type + '\n', 0) }, new RegExp(`a fact computed from the data is a count, so its type is number, not ${type}`));
    }
  });

  it('a misspelt choice: MJZ111 with "did you mean" and the allowed values', async () => {
    const r = await run({ [FACTS]: replace('    type: year', '    type: yaer') });
    const d = expectError(r, 'MJZ111', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'yaer') });
    expect(d.hint).toBe('Did you mean "year"? Allowed: number, year, month, text.');
  });

  it('text that is only white space: MJZ111 "must not be empty"', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "   "') });
    expectError(r, 'MJZ111', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '"   "') }, /must not be empty/);
  });

  it('a part with more points than a slide holds: MJZ111 in the outline, not in the template that shows it', async () => {
    const point = '      - text: "نقطة"\n        basis: ["الانضمام للتحالف سيعزز شرعية الحكومة على المستوى الدولي"]\n';
    const r = await run({ [ARTICLE]: replace('    points:\n', `    points:\n${point.repeat(8)}`) });
    const d = expectError(r, 'MJZ111', { file: ARTICLE }, /^\d+ points at parts\[\d+\]\.points in the article outline \(parts\[\d+\] is "[a-z-]+"\): a part \(the bullets of one slide\) holds at most 8$/);
    expect(d.hint).toBe('Split the part into two parts, or condense its points.');
    expect(d.location?.file).toBe(ARTICLE);
    expect(r.errors.every((x) => x.location?.file === ARTICLE)).toBe(true);
  });

  it('a source dated on no day of the calendar: MJZ111 in sources.yaml, not an error of the template that prints it', async () => {
    const r = await run({ [SOURCES]: replace('date: "2025-11-03"', 'date: "2025-11-31"') });
    expectError(r, 'MJZ111', { file: SOURCES, ...positionOf(r.texts.get(SOURCES)!, '"2025-11-31"') }, /not a date of the calendar/);
    expect(r.errors.filter((d) => d.code === 'MJZ161')).toEqual([]);
    // a date written another way: one error, saying how to write it (not also "not a date of the calendar")
    for (const date of ['03/11/2025', '2025-11-3', 'November 2025']) {
      const other = await run({ [SOURCES]: replace('date: "2025-11-03"', `date: "${date}"`) });
      expect(other.errors.map((d) => d.message), date).toEqual(['sources[0].date in the sources (sources[0] is "A1"): write the date as YYYY-MM-DD, YYYY-MM or YYYY']);
    }
  });

  it('a dataset that cannot be read does not make its source ids unknown elsewhere (no follow-on MJZ130)', async () => {
    const r = await run({
      [DATASET]: (t) => t.slice(0, t.indexOf('after_article:\n')) + 'after_article:\n' + t.slice(t.indexOf('\ncounts_by_year:') + 1),
      [FACTS]: replace('      value: 28\n      source: A1', '      value: 28\n      source: S29'),
    });
    expect(r.errors.map((d) => d.code)).toEqual(['MJZ111']);
    // an id it does not name is still a typo to report
    const typo = await run({
      [DATASET]: (t) => t.slice(0, t.indexOf('after_article:\n')) + 'after_article:\n' + t.slice(t.indexOf('\ncounts_by_year:') + 1),
      [FACTS]: replace('      value: 28\n      source: A1', '      value: 28\n      source: A11'),
    });
    expect(typo.errors.map((d) => d.code).sort()).toEqual(['MJZ111', 'MJZ130']);
  });

  it('a bracketed aside that ends or starts with a reference is text, not a mistyped reference', async () => {
    const r = await run({ [ARTICLE]: replace('اليوم [[coalition.members]] عضواً', 'اليوم [العدد: [[coalition.members]]] عضواً') });
    expect(summarize(r.errors)).toBe('');
    expect(JSON.stringify(r.result.spec)).toContain('[العدد: 89]');
    const open = await run({ [ARTICLE]: replace('اليوم [[coalition.members]] عضواً', 'اليوم [[coalition.members]]]] عضواً') });
    expect(open.errors.map((d) => d.message)).toEqual(['Malformed fact reference "[[coalition.members]]]]"']);
  });

  it('a required field left out: MJZ112 at the entry that lacks it', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"\n', '') });
    expectError(r, 'MJZ112', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, 'id: "iraq-precedent"') }, /Missing field "parts\[1\]\.short"/);
  });

  it('a list at the top of a file: MJZ111 at 1:1', async () => {
    const r = await run({ [SOURCES]: '- id: A1\n- id: D1\n' });
    expectError(r, 'MJZ111', { file: SOURCES, line: 1, column: 1 }, /expected a mapping \(fields under it\), not a list/);
  });

  it('a table row with a cell too few: MJZ111 at the row', async () => {
    const r = await run({ [ARTICLE]: replace('      - cells: ["الولايات المتحدة", ', '      - cells: [') });
    const d = expectError(r, 'MJZ111', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '["يصبح') }, /has 1 cell for 2 columns$/);
    expect(d.hint).toBe("Give the row a cell for every column, in the columns' order (1 missing).");
  });

  it('two parts with one id: MJZ133 at the second', async () => {
    const r = await run({ [ARTICLE]: replace('  - id: "northeast"', '  - id: "announcement"') });
    const text = r.texts.get(ARTICLE)!;
    const second = positionOf(text.slice(text.indexOf('id: "announcement"') + 1), 'id: "announcement"');
    expect(r.errors.find((d) => d.code === 'MJZ133')?.location?.start?.line).toBe(second.line + positionOf(text, 'id: "announcement"').line - 1);
    expectError(r, 'MJZ133', { file: ARTICLE }, /"announcement" is used twice/);
  });
});

describe('prototype keys', () => {
  it('__proto__ as a fact key: MJZ106, not silently dropped', async () => {
    const r = await run({ [FACTS]: replace('facts:\n', 'facts:\n  __proto__:\n    label: "x"\n    data: members.total\n') });
    expectError(r, 'MJZ106', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '__proto__') }, /"__proto__"/);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });

  it('__proto__ where only known keys belong: one MJZ106, no second "unknown key"', async () => {
    const r = await run({ [ARTICLE]: replace('  date: "2025-11-03"\n', '  date: "2025-11-03"\n  __proto__: { polluted: true }\n') });
    expectError(r, 'MJZ106', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '__proto__') });
    expect(r.errors.filter((d) => d.code === 'MJZ110')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('__proto__ deep in a list of a list: MJZ106 at that key, its path through both lists', async () => {
    const point = '      - text: "دعم الاستقرار: تطهير الألغام';
    const r = await run({ [ARTICLE]: replace(point, `      - __proto__: 1\n        text: "دعم الاستقرار: تطهير الألغام`) });
    const text = r.texts.get(ARTICLE)!;
    expectError(r, 'MJZ106', { file: ARTICLE, ...positionOf(text, '__proto__') }, /in parts\[1\]\.points\[1\] of the article outline/);
  });

  it('[[constructor]] in outline text: MJZ131 at the reference, not a crash', async () => {
    const r = await run({ [ARTICLE]: replace('[[coalition.members]] عضواً، منها', '[[constructor]] عضواً، منها') });
    expectError(r, 'MJZ131', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '[[constructor]]') }, /Unknown fact \[\[constructor\]\]/);
  });

  it('"constructor" as a fact key: MJZ106 at the key (a name every object inherits)', async () => {
    const r = await run({
      [FACTS]: replace('facts:\n', 'facts:\n  constructor:\n    label: "اختبار"\n    stated:\n      value: 7\n      source: A1\n'),
      [ARTICLE]: replace('ومن أعضائه دول آسيوية وأفريقية', 'ومن أعضائه [[constructor]] دول آسيوية وإفريقية'),
    });
    expectError(r, 'MJZ106', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'constructor:') }, /"constructor" cannot be a fact key/);
    expect(r.errors.map((d) => d.code)).toEqual(['MJZ106']); // the reference to it is not a second problem
  });

  it('"constructor" as a table id: MJZ106', async () => {
    const r = await run({ [ARTICLE]: replace('tables:\n', 'tables:\n  constructor:\n    title: "x"\n    columns: ["a"]\n    rows: []\n') });
    expectError(r, 'MJZ106', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, 'constructor:') });
  });
});

describe('references and text', () => {
  it('outline text after an unquoted " #": MJZ168 at the #, for a heading, a point and a fact label; a quoted one and a comment of its own are fine', async () => {
    const r = await run({
      [ARTICLE]: (t) =>
        t
          .replace('    heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"', '    heading: سوريا تعتزم الانضمام إلى التحالف الدولي #العقوبات')
          .replace('    short: "الإعلان والتحالف"', '    short: "الإعلان #والتحالف"  # a note of the author'),
      [FACTS]: replace('    label: "عدد أعضاء التحالف"', '    label: عدد أعضاء التحالف #اليوم'),
    });
    const article = r.texts.get(ARTICLE)!;
    const d = expectError(r, 'MJZ168', { file: ARTICLE, ...positionOf(article, '#العقوبات') }, /"#العقوبات" follows unquoted text: YAML reads it as a comment, and the slide would lose it/);
    expect(d.hint).toBe('Put the text in double quotes, the # inside them: heading: "سوريا تعتزم الانضمام إلى التحالف الدولي #العقوبات". A comment of your own goes on a line of its own.');
    expectError(r, 'MJZ168', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '#اليوم') });
    expect(r.errors.filter((x) => x.code === 'MJZ168')).toHaveLength(2);
    expect(r.result.bytes).toBeUndefined();
  });

  it('outline text that ends with a quote never opened: MJZ173 at the quote, for a heading, a point and a fact label; paired quotes, » and quoted text are fine', async () => {
    const r = await run({
      [ARTICLE]: (t) =>
        t
          .replace('    heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"', '    heading: سوريا تعتزم الانضمام إلى التحالف الدولي"')
          .replace('    short: "الإعلان والتحالف"', '    short: الإعلان «والتحالف»')
          .replace('      - text: "الانضمام للتحالف سيعزز شرعية الحكومة على المستوى الدولي"', '      - text: الانضمام للتحالف سيعزز شرعية الحكومة على المستوى الدولي"  # a note'),
      [FACTS]: replace('    label: "عدد أعضاء التحالف"', '    label: عدد "أعضاء" التحالف"'),
    });
    const article = r.texts.get(ARTICLE)!;
    const d = expectError(r, 'MJZ173', { file: ARTICLE, ...positionOf(article, 'الدولي"\n', 6) }, /^The text «سوريا تعتزم الانضمام إلى التحالف الدولي"» ends with a quote mark/);
    expect(d.hint).toBe('Add the opening quote where the text begins: heading: "سوريا تعتزم الانضمام إلى التحالف الدولي". A quote mark that belongs to the text is written \\" inside double quotes.');
    expectError(r, 'MJZ173', { file: ARTICLE, ...positionOf(article, 'الدولي"  # a note', 6) });
    const label = expectError(r, 'MJZ173', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'التحالف"', 7) });
    expect(label.hint).toMatch(/^Add the opening quote where the text begins: label: "عدد \\"أعضاء\\" التحالف"\./);
    expect(r.errors.filter((x) => x.code === 'MJZ173')).toHaveLength(3);
    expect(r.result.bytes).toBeUndefined();
    // none in the shipped content
    expect((await run({})).result.diagnostics.filter((x) => x.code === 'MJZ173')).toEqual([]);
  });

  it('a tab in the middle of a line\'s indentation: MJZ100 at the tab, saying so and to replace it with spaces', async () => {
    const r = await run({ [ARTICLE]: replace('    heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"', '  \t  heading: "سوريا تعتزم الانضمام إلى التحالف الدولي"') });
    const d = expectError(r, 'MJZ100', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '\t  heading') }, /^The indentation holds a tab \(column 3\)/);
    expect(d.hint).toMatch(/^Replace the tab with spaces/);
  });

  it('a " #" in the shipped content files stands in quotes only (no MJZ168 for any)', async () => {
    const r = await run({});
    expect(r.result.diagnostics.filter((x) => x.code === 'MJZ168')).toEqual([]);
  });

  it('an unknown fact reference: MJZ131 at the reference itself, with "did you mean"', async () => {
    const r = await run({ [ARTICLE]: replace('منها [[coalition.european_states]]', 'منها [[coalition.europe_states]]') });
    const d = expectError(r, 'MJZ131', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '[[coalition.europe_states]]') });
    expect(d.hint).toBe('Did you mean [[coalition.european_states]]?');
  });

  it('a fact misspelt where it is defined: MJZ131 at each use, whose hint points at the definition, since the outline refers to the name there never and to the other twice', async () => {
    const r = await run({ [FACTS]: replace('  ffis.locations:', '  ffis.locaitons:') });
    const uses = r.errors.filter((x) => x.code === 'MJZ131');
    expect(uses.length).toBe(2);
    const line = r.texts.get(FACTS)!.split('\n').findIndex((l) => l.startsWith('  ffis.locaitons:')) + 1;
    for (const d of uses) {
      expect(d.location?.file).toBe(ARTICLE);
      expect(d.hint).toBe(`Did you mean [[ffis.locaitons]]? The outline names [[ffis.locations]] 2 times and [[ffis.locaitons]] never: if the name in ${FACTS} (line ${line}) is the one misspelt, correct it there.`);
    }
  });

  it('a reference mistyped ([[x]  [[X.Y]]  [[a b]]  [[]]): MJZ131 at it, never printed on a slide', async () => {
    const cases: [string, RegExp][] = [
      ['[[coalition.members]', /^Did you mean \[\[coalition.members\]\]\?/],
      ['[[Coalition.Members]]', /^Did you mean \[\[coalition.members\]\]\?/],
      ['[[coalition members]]', /^Did you mean \[\[coalition.members\]\]\?/],
      ['[[]]', /^A reference is two brackets on each side/],
      // a third bracket beside a good reference would print «90]» or «[90»
      ['[[coalition.members]]]', /^Did you mean \[\[coalition.members\]\]\?/],
      ['[[[coalition.members]]', /^Did you mean \[\[coalition.members\]\]\?/],
    ];
    for (const [typed, hint] of cases) {
      const r = await run({ [ARTICLE]: replace('اليوم [[coalition.members]] عضواً', `اليوم ${typed} عضواً`) });
      const d = expectError(r, 'MJZ131', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, typed) }, /^Malformed fact reference/);
      expect(d.hint, typed).toMatch(hint);
    }
  });

  it('every mistyped reference of a text is reported, each at its own place, after a good one like it', async () => {
    // the text already holds [[coalition.members]] and [[coalition.european_states]] before these
    const typed = 'منها [[coalition.european_states]] دولة أوروبية و[[coalition.arab_states]]';
    const r = await run({ [ARTICLE]: replace(typed, 'منها [[coalition.european_states]] دولة أوروبية و[[coalition.members] و[coalition.european_states]]') });
    const text = r.texts.get(ARTICLE)!;
    const errors = r.errors.filter((d) => d.code === 'MJZ131');
    expect(errors.map((d) => d.message)).toEqual(['Malformed fact reference "[[coalition.members]"', 'Malformed fact reference "[coalition.european_states]]"']);
    expect(errors[0]!.location?.start).toEqual(positionOf(text, 'و[[coalition.members] ', 1));
    expect(errors[1]!.location?.start).toEqual(positionOf(text, '[coalition.european_states]] دولة عربية'));
    expect(errors[1]!.hint).toMatch(/^Did you mean \[\[coalition.european_states\]\]\?/);
  });

  it('references in headings, short titles, the article title and table titles and columns are read and checked too', async () => {
    const unknown = await run({ [ARTICLE]: replace('    short: "الإعلان والتحالف"', '    short: "[[no.such]] عضواً"') });
    expectError(unknown, 'MJZ131', { file: ARTICLE, ...positionOf(unknown.texts.get(ARTICLE)!, '[[no.such]]') }, /Unknown fact \[\[no.such\]\]/);
    const r = await run({
      [ARTICLE]: (t) => replace('    short: "الإعلان والتحالف"', '    short: "التحالف: [[coalition.members]]"')(t).replace(/(\n  title: "[^"]*)"/, '$1 ([[coalition.members]])"'),
    });
    expect(summarize(r.errors)).toBe('');
    const strings = JSON.stringify(r.result.spec);
    expect(strings).toContain('التحالف: 89');
    expect(strings).not.toContain('[[coalition');
  });

  it('a decomposed (NFD) article text matches the composed quotes: no false "not verbatim" warning', async () => {
    const r = await run({ 'content/article.txt': (t) => t.normalize('NFD') });
    expect(r.result.diagnostics.filter((d) => d.code === 'MJZ132')).toEqual([]);
  });

  it('an unknown source id: MJZ130 with "did you mean"', async () => {
    const r = await run({ [FACTS]: replace('      value: 28\n      source: A1', '      value: 28\n      source: A2') });
    const d = expectError(r, 'MJZ130', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, 'A2') });
    expect(d.hint).toMatch(/^Did you mean "A1"\? If not, add "A2" to content\/sources\.yaml \(id, kind, title, date\), or cite a known source: A1, D1, S01, /);
  });

  it('a control character typed into the file: MJZ104 at the character', async () => {
    const r = await run({ [FACTS]: replace('    label: "عدد أعضاء التحالف"', '    label: "عدد\u0007 أعضاء التحالف"') });
    const d = expectError(r, 'MJZ104', { file: FACTS, ...positionOf(r.texts.get(FACTS)!, '\u0007') }, /U\+0007/);
    expect(formatDiagnostic(d)).toContain('عدد␇ أعضاء'); // shown, not sent to the terminal
  });

  it('a private-use character mujaz keeps for its marks (U+E000–U+E00F, as PDFs leave them): MJZ104 at its text, not a template error', async () => {
    const r = await run({ [ARTICLE]: replace('  title: "انضمام سوريا', '  title: "انضمام\uE00E سوريا\uE00E') });
    const d = expectError(r, 'MJZ104', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '"انضمام\uE00E') }, /U\+E00E, a private-use character that mujaz keeps for its own marks/);
    expect(d.hint).toMatch(/^Remove the character/);
  });

  it('lone carriage returns (old Mac line ends) are line ends: no error, the same spec', async () => {
    const plain = await run();
    const mac = await run({ [SOURCES]: (t) => t.replace(/\n/g, '\r'), [FACTS]: (t) => t.replace(/\n/g, '\r') });
    expect(mac.errors).toEqual([]);
    expect(mac.result.spec).toEqual(plain.result.spec);
  });

  it('in a file with lone carriage returns, an error points at the line and column an editor shows', async () => {
    const r = await run({ [FACTS]: (t) => replace('    type: year', '    type: yaer')(t).replace(/\n/g, '\r') });
    const d = expectError(r, 'MJZ111', { file: FACTS, ...positionOf(r.texts.get(FACTS)!.replace(/\r/g, '\n'), 'yaer') });
    const marked = formatDiagnostic(d).split('\n').find((l) => l.startsWith('>'))!;
    expect(marked).toMatch(/type: yaer$/); // the frame shows that line alone
  });

  it('stray carriage returns in a file with LF line ends: an error whose frame shows the line it names, and a hint that names the CR', async () => {
    // the ends of the two lines after `sources:` become lone CRs; the rest of the file keeps LF
    const r = await run({ [SOURCES]: (t) => t.replace('sources:\n  - id: A1\n    kind: article\n', 'sources:\n  - id: A1\r    kind: article\r') });
    const d = r.errors.find((x) => x.location?.file === SOURCES && x.location.start);
    expect(d, JSON.stringify(r.errors.map((x) => x.code))).toBeDefined();
    const frame = formatDiagnostic(d!).split('\n');
    const marked = frame.find((l) => l.startsWith('>'))!;
    const text = r.texts.get(SOURCES)!.split('\n')[d!.location!.start!.line - 1]!;
    expect(marked).toContain(text.slice(0, 40).replace(/\r/g, '␍')); // the line the position counts, CRs shown
    expect(formatDiagnostic(d!)).not.toContain('\r');
    const line = r.texts.get(SOURCES)!.slice(0, r.texts.get(SOURCES)!.indexOf('\r')).split('\n').length;
    expect(r.errors[0]!.hint).toContain(`stray carriage return (␍, first on line ${line})`);
    expect(r.errors.filter((x) => x.hint?.includes('carriage return'))).toHaveLength(1);
  });

  it('a carriage return inside a quoted value of an LF file is kept, as before: no error', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "سابقة\rالعراق"') });
    expect(r.errors).toEqual([]);
  });

  it('a NUL written as an escape ("\\0"): MJZ104 at the string', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "سابقة\\0العراق"') });
    expectError(r, 'MJZ104', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '"سابقة\\0') }, /U\+0000/);
  });

  it('a lone surrogate escape ("\\uD800"): MJZ104', async () => {
    const r = await run({ [ARTICLE]: replace('    short: "سابقة العراق"', '    short: "سابقة \\uD800"') });
    expectError(r, 'MJZ104', { file: ARTICLE, ...positionOf(r.texts.get(ARTICLE)!, '"سابقة \\uD800') }, /U\+D800/);
  });

  it('a content file missing: MJZ120 naming it', async () => {
    const files = await shippedContent();
    files.delete(SOURCES);
    const d = prepareContent(files).diagnostics.find((x) => x.code === 'MJZ120')!;
    expect(d.location?.file).toBe(SOURCES);
    expectWellFormed(d);
  });

  it('every problem of a run is reported, across files, not only the first', async () => {
    const r = await run({
      [ARTICLE]: replace('    short: "سابقة العراق"', '    short: 7'),
      [FACTS]: replace('    type: year', '    type: yaer'),
      [SOURCES]: replace('  - id: D1\n', '  - id: D1\n    titel: "x"\n'),
    });
    expect(r.errors.map((d) => `${d.code} ${d.location?.file}`).sort()).toEqual(['MJZ110 content/sources.yaml', 'MJZ111 content/article.yaml', 'MJZ111 content/facts.yaml']);
    r.errors.forEach(expectWellFormed);
  });
});

describe('the dataset', () => {
  /** The dataset with its one "from" that follows `after` replaced. */
  const after = (anchor: string, from: string, to: string) => (t: string) => {
    const at = t.indexOf(anchor);
    return t.slice(0, at) + replace(from, to)(t.slice(at));
  };

  it('a member citing a source the dataset does not list: MJZ130 at the id, with the id it was meant to be', async () => {
    const r = await run({ [DATASET]: after('- en: Togo', '  - S26', '  - S62') });
    const d = expectError(r, 'MJZ130', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, 'S62') }, /^Unknown source "S62" for the member "Togo"/);
    expect(d.hint).toMatch(/^Did you mean "S26"\?/);
  });

  it('a count citing a source the dataset does not list: MJZ130 at the id', async () => {
    const r = await run({ [DATASET]: after("- date: '2024-09-30'", '  source: S27', '  source: S99') });
    expectError(r, 'MJZ130', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, 'S99') }, /^Unknown source "S99" for the count of 87 members \(2024-09-30\)/);
  });

  it('a mistyped group: MJZ142 at the group, naming the group meant, and groups.yaml left out of it', async () => {
    const r = await run({ [DATASET]: after('- en: Togo', 'group: africa', 'group: afrika') });
    const d = expectError(r, 'MJZ142', { file: DATASET, ...positionOf(r.texts.get(DATASET)!, 'afrika') }, /^Unknown group "afrika" for the member "Togo"; did you mean "africa"\?$/);
    expect(d.hint).toMatch(/meta\.group_values/);
    expect(r.errors).toHaveLength(1);
  });

  it('a member deleted from the list: warning MJZ140 at the count the growth chart shows, which no longer matches it', async () => {
    const r = await run({ [DATASET]: (t) => t.slice(0, t.indexOf('- en: Togo')) + t.slice(t.indexOf('\n- en:', t.indexOf('- en: Togo')) + 1) });
    expect(summarize(r.errors)).toBe('');
    const d = r.result.diagnostics.filter((x) => x.location?.file === DATASET);
    expect(d.map((x) => `${x.severity} ${x.code}`)).toEqual(['warning MJZ140']);
    expect(d[0]!.location?.start).toEqual(positionOf(r.texts.get(DATASET)!, '89\n  note: + two unidentified members'));
    expect(d[0]!.message).toMatch(/this count, 89 members .* the member list gives 88 by the article's date/);
    expectWellFormed(d[0]!);
  });
});
