/**
 * parseYaml reads a file with js-yaml first and keeps that value only when the file is plainly
 * clean (src/diagnostics/yaml-source.ts). These tests hold it to what `yaml` alone reads:
 * whenever the quick reader answers, its value is the same; whenever `yaml` finds a problem,
 * the quick reader declines, so the problem is reported as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate, parseFully, parseYaml, quickValue, type ParsedYaml } from '../../src/diagnostics/yaml-source.js';
import { audienceSpecs, projectYamlFiles, REPO, yamlValue } from './yaml-samples.js';


/** The two readers agree on `text`; returns whether the quick one answered. */
function agree(text: string, label = text): boolean {
  const full = parseFully({ path: 'x.yaml', text });
  const quick = quickValue(text);
  if (full.diagnostics.length) expect(quick, `${label}: yaml reports ${full.diagnostics[0]?.message}`).toBeUndefined();
  // isDeepStrictEqual, not toStrictEqual: a key named "constructor" would fool the latter's type check
  if (quick) expect(isDeepStrictEqual(quick.value, full.value), `${label}: ${JSON.stringify(quick.value)} vs ${JSON.stringify(full.value)}`).toBe(true);
  return quick !== undefined;
}

describe('the quick YAML reader', () => {
  it('reads every YAML file of the project as yaml does, and answers for the content', () => {
    const files = projectYamlFiles();
    expect(files.length).toBeGreaterThan(10);
    const answered = files.filter((file) => agree(readFileSync(file, 'utf8'), file));
    // the dataset and the outline are what make the quick reader worth having
    expect(answered.map((f) => path.relative(REPO, f))).toEqual(expect.arrayContaining(['content/article.yaml', 'content/data/coalition-members.yaml']));
  });

  it('reads the deck spec every audience expands to as yaml does', async () => {
    for (const [name, text] of await audienceSpecs()) expect(agree(text, name), name).toBe(true);
  });

  // [what, text, whether the quick reader answers]: both readers must agree either way, and
  // the quick one must answer for the plain files it exists for.
  it.each([
    ['numbers yaml 1.2 reads as strings', 'a: 1_000\nb: 0b101\nc: 1:20\nd: 0o17\ne: 0x1F\nf: +12\ng: 1.\nh: .5\ni: 1e3\nj: .inf\nk: -.Inf\nl: .NaN\nm: 012\n', true],
    ['null, booleans and words yaml 1.1 took for booleans', 'a: ~\nb: null\nc: Null\nd:\ne: yes\nf: no\ng: on\nh: True\ni: FALSE\nj: y\n', true],
    ['keys that are not strings', '1: a\ntrue: b\n1.5: c\n0x1F: z\n.inf: v\n', true],
    ['a null key', '? null\n: d\n', false],
    ['an empty key', '? \n: r\n', false],
    ['a key of null', 'null: x\n', false],
    ['block scalars', 'a: |\n  one\n  two\n\nb: |-\n  x\nc: >\n  folded\n  line\n\n  para\nd: |+\n  kept\n\ne: >-\n  folded\n    more indented\n  back\n', true],
    ['a block scalar with an indentation indicator (left to yaml: see below)', 'f: |2\n   two spaces kept\n', false],
    ['quoted escapes', 'a: "\\u0627\\x41\\t\\N\\_\\L"\nb: \'it\'\'s\'\nc: "line\n  folded"\n', true],
    ['plain scalars over lines', 'a: one\n  two\n  three\nb: "a:b"\nc: a #not a comment\nd: x # a comment\n', true],
    ['flow collections', 'a: {b: 1, c: [1, 2, {d: e}]}\nf: []\ng: {}\n', true],
    ['markers and CRLF', '---\r\na: 1\r\nb: نص عربي\r\n...\r\n', true],
    ['tabs in text', 'a: "x\ty"\nb: x\ty\n', true],
    ['signs in prose: R&D, 40%, 3*4, wow!', 'a: R&D grew 40% (3*4 wow!)\nb: "50%"\n', true],
    ['a second document', 'a: 1\n---\nb: 2\n', false],
    ['a duplicate key', 'a: 1\na: 2\n', false],
    ['a duplicate key in a flow mapping', 'a: {b: 1, b: 2}\n', false],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n', false],
    ['an alias in a flow sequence', 'a: &x 1\nb: [*x]\n', false],
    ['a tag', 'a: !!str 1\n', false],
    ['a directive', '%YAML 1.2\n---\na: 1\n', false],
    ['a __proto__ key', '__proto__: 1\n', false],
    ['a control character', 'a: "\\u0001"\n', false],
    ['lone carriage returns between lines', 'a:\r  - x\r  - y\r', false],
    ['a lone carriage return in a block scalar', 'a: |\n  x\r  y\n', false],
    ['a byte-order mark after the first line', '\n\uFEFF', false],
    ['a byte-order mark inside a value', 'a: "x\uFEFFy"\n', false],
    ['an indented document marker', ' ---\na: 1\n', false],
    ['a document end marker, then content', '...\n\na: 1\n', false],
    ['a document end marker at the end', '---\na: 1\n... # end\n', true],
    ['a tab in the indentation', 'a:\n\tb: 1\n', false],
    ['a root block scalar, less indented below its header', '\n     |\n  # x\n', false],
    ['a block scalar with an indentation indicator and a line of spaces past it (js-yaml keeps them, yaml does not)', '-: |2\n   \n', false],
    ['the same indicator after a key, chomping first', 'a: >-3\n    x\n', false],
    ['a float too large for a number', 'a: 1e311\n', false],
    ['a key too large for a number', '1e311: a\n', false],
    ['a scalar at the top', 'just text\n', false],
    ['an empty file', '', false],
    ['only a comment', '# nothing\n', false],
    ['a bad indent', 'a:\n  b: 1\n c: 2\n', false],
    ['an unclosed quote', 'a: "open\n', false],
    ['deep nesting', `${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`, false],
    ['a long implicit key', `${'k'.repeat(1100)}: 1\n`, false],
    ['a short key 1,100 spaces before its colon', `k${' '.repeat(1100)}: 1\n`, false],
    ['a short key written with long escapes', `"${'\\U00000041'.repeat(110)}": 1\n`, false],
    ['a long key in a flow sequence', `a: [${'k'.repeat(1100)}: 1]\n`, false],
    ['a long key after long values', `a: ${'x'.repeat(1100)}\nb: 1\n${'k'.repeat(1100)}: 1\n`, false],
    ['a long key on the last line, no line end', `a: 1\r\n${'k'.repeat(1100)}: 1`, false],
    ['a line of exactly 1,000 characters', `a: ${'x'.repeat(997)}\n`, true],
    ['a long value on one line', `a: ${'نص '.repeat(600)}\n`, true],
    ['a comment without a space', 'a: 1#2\nb: [1,#x\n 2]\n', false],
  ])('%s', (label, text, answers) => {
    expect(agree(text, label), label).toBe(answers);
  });

  it('reads random documents written in every style as yaml does', () => {
    const value = yamlValue(['ا', 'ب', ' ', '\n', ':', '#', '-', '"', "'", '1', '.', 'e', '\t'], { size: 4 });
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    let runs = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), value, { minKeys: 1, maxKeys: 5 }), options, (doc, opts) => {
        runs++;
        if (agree(stringify(doc, opts as never))) answered++;
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 400) },
    );
    // most documents must reach both readers, or the comparison above compares little
    expect(answered / runs).toBeGreaterThan(0.5);
  });

  it('reads random YAML-like text as yaml does, or leaves it to yaml', () => {
    // Pieces of YAML syntax and scalars that the two readers are known to take differently
    // (document markers, tabs in indentation, byte-order marks, floats too large, block scalar
    // headers, NEL and line separators), glued at random: a file either reader may meet.
    const piece = fc.oneof(
      fc.constantFrom('\n', '\n  ', '\n    ', '\n- ', ': ', '- ', '"', "'", '[', ']', '{', '}', ',', '#', '|\n  ', '>-\n  ', '|2\n', '? ', '\t', '\uFEFF', '\u0085', '\u2028', '\u00A0', '\r\n', '...\n', '---\n', ' ---', '%', '@', '`', '\\', '\\u0041'),
      fc.constantFrom('0x1F', '1e3', '1e311', '.inf', '~', 'null', 'yes', 'true', '0o17', '-.5', '+1', '2025-11-03', '12:30', '=', '<<', 'a', 'key', 'نص', '1', ' '),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        agree(pieces.join(''));
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 3000) },
    );
  });

  it('finds the nodes of a quickly read file when a diagnostic asks where', () => {
    const parsed = parseYaml({ path: 'f.yaml', text: 'a:\n  b: [1, 2]\n' });
    expect(parsed.value).toEqual({ a: { b: [1, 2] } });
    expect(locate(parsed, ['a', 'b', 1])).toMatchObject({ file: 'f.yaml', start: { line: 2, column: 10 } });
  });
});

describe('a file nested deeper than the parser can follow', () => {
  it("is reported as nested too deeply, wherever the stack runs out", { timeout: 60_000 }, () => {
    // yaml's parser and its composer both recurse once per level; which runs out of stack first,
    // and where, depends on how much stack is left when the file is read: try it at many depths.
    let deep = '';
    for (let i = 0; i < 2_000; i++) deep += `${' '.repeat(i)}k:\n`;
    deep += 'after: 1\n'; // back to the first column: the parser closes every level at once
    const readAt = (frames: number): ParsedYaml => (frames === 0 ? parseYaml({ path: 'deep.yaml', text: deep }) : readAt(frames - 1));
    for (let frames = 0; frames <= 4_000; frames += 50) {
      expect(readAt(frames).diagnostics.map((d) => d.code), `${frames} frames down`).toEqual(['MJZ105']);
    }
  });
});
