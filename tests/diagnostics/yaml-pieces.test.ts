/**
 * A long YAML text is read a piece at a time, each item of its longest top-level sequence once
 * per process (readInPieces, src/diagnostics/yaml-source.ts): these tests hold that reading to
 * js-yaml's reading of the whole text (readQuickly), which yaml-quick.test.ts holds to `yaml`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { quickValue, readInPieces, readQuickly, sequencePieces } from '../../src/diagnostics/yaml-source.js';
import { audienceSpecs, projectYamlFiles, REPO, yamlValue } from './yaml-samples.js';


/** The pieces agree with the whole: when they answer, with its value; returns whether they answered. */
function agree(text: string, label = text): boolean {
  const pieces = readInPieces(text, 0);
  const whole = readQuickly(text);
  if (pieces) {
    expect(whole, `${label}: read in pieces, but not whole`).toBeDefined();
    expect(isDeepStrictEqual(pieces.value, whole!.value), `${label}: ${JSON.stringify(pieces.value)} vs ${JSON.stringify(whole!.value)}`).toBe(true);
  }
  return pieces !== undefined;
}

let runs = 0;

describe('a YAML text read in pieces', () => {
  it('cuts the longest top-level sequence into its items, with the lines around it left as they were', () => {
    const text = 'deck:\n  title: t\nslides:\n  # first\n  - kind: a\n    points:\n      - x\n\n  - kind: b\n    notes: |\n      - not an item\n# between\n  - kind: c\nafter: 1\n';
    expect(sequencePieces(text)).toEqual({
      key: 'slides',
      rest: 'deck:\n  title: t\nslides:\n  # first\nafter: 1\n',
      items: ['  - kind: a\n    points:\n      - x\n\n', '  - kind: b\n    notes: |\n      - not an item\n# between\n', '  - kind: c\n'],
    });
    expect(agree(text)).toBe(true);
    // a sequence at the key's own indentation, and one of a single item (not worth cutting)
    expect(sequencePieces('parts:\n- a\n- b\nother:\n- c\n')).toMatchObject({ key: 'parts', items: ['- a\n', '- b\n'], rest: 'parts:\nother:\n- c\n' });
    expect(sequencePieces('parts:\n  - a\n')).toBeUndefined();
  });

  it('reads every YAML file of the project, and every audience deck spec, as it reads the whole', async () => {
    const answered = projectYamlFiles()
      .filter((file) => agree(readFileSync(file, 'utf8'), file))
      .map((f) => path.relative(REPO, f));
    expect(answered).toEqual(expect.arrayContaining(['content/article.yaml', 'content/data/coalition-members.yaml']));
    for (const [name, text] of await audienceSpecs()) expect(agree(text, name), name).toBe(true);
  });

  it('reads an item again only when its text changed', () => {
    const slides = Array.from({ length: 60 }, (_, i) => `  - kind: bullets\n    title: "الشريحة ${i}"\n    points: ["نص ${i}", "FFIS"]\n`);
    const text = (n: number) => `deck:\n  title: "عنوان"\nslides:\n${slides.map((s, i) => (i === 7 ? s.replace('نص', `نص ${n}`) : s)).join('')}`;
    // read whole: the first text to begin so; the second, which begins alike, whole too, its items kept
    quickValue(text(1));
    quickValue(text(2));
    // in pieces: all but one item read before (and those kept from the whole reading read alone once)
    const third = quickValue(text(3))!.value as { slides: unknown[] };
    expect(third).toEqual(readQuickly(text(3))!.value);
    const fourth = quickValue(text(4))!.value as { slides: unknown[] };
    expect(fourth).toEqual(readQuickly(text(4))!.value);
    expect(fourth.slides[7]).not.toBe(third.slides[7]);
    // (the same objects: read once, kept)
    expect(fourth.slides.filter((slide, i) => slide === third.slides[i])).toHaveLength(59);
  });

  it('leaves to the whole text what a piece cannot say alone', () => {
    const cases: [string, string][] = [
      ['a quote left open across an item', 'slides:\n  - a: "x\n  - b"\nz: 1\n'],
      ['a bracket left open across an item', 'slides:\n  - [1,\n  - 2]\n'],
      ['a quote closed after the sequence', 'a: "x\nslides:\n  - y\n  - z\nb: w"\n'],
      ['a line less indented inside an item', 'slides:\n  - a: b\n c\n  - d\n'],
      ['an item as indented as a key', 'slides:\n  - a\n  - b\n  c: 1\n'],
      ['a second document', 'slides:\n  - a\n  - b\n---\nc: 1\n'],
      ['a duplicate key across the sequence', 'a: 1\nslides:\n  - x\n  - y\na: 2\n'],
      ['a key with a value before its items', 'slides: 1\n  - a\n  - b\n'],
    ];
    for (const [label, text] of cases) agree(text, label);
    // nesting just under and just over the whole text's limit, in an item
    for (const depth of [29, 30, 31, 32]) {
      let item = '1';
      for (let i = 0; i < depth; i++) item = `[${item}]`;
      agree(`slides:\n  - ${item}\n  - 2\n`, `an item ${depth} levels deep`);
      agree(`slides:\n  - a:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 3)}k${i}:`).join('\n')} 1\n  - 2\n`, `a mapping ${depth} levels deep`);
    }
  });

  it('is not cut in a document that is one flow collection, where a line in the first column may be inside a value', () => {
    // (found by a review: the pieces read `slides: [x, y]`, the whole text a quoted value)
    for (const text of ['{ a: "q\nslides:\n  - x\n  - y\n", slides: }\n', "{ a: 'q\nslides:\n  - x\n  - y\n', slides: }\n", '{ a: [\nslides:\n  - x\n  - y\n], slides: }\n']) {
      expect(sequencePieces(text), text).toBeUndefined();
      agree(text);
    }
    // nor are its "items" kept from its whole reading for a later text that holds them
    const pad = Array.from({ length: 60 }, (_, i) => `line ${i} ${'x'.repeat(70)}`).join('\n');
    const flow = (n: number) => `{ pad: "${pad}",\na: "q${n}\nslides:\n  - x\n  - y\n", slides: [p, q] }\n`;
    const spec = (n: number) => `${Array.from({ length: 60 }, (_, i) => `# comment ${i} ${'c'.repeat(70)}`).join('\n')}\ntitle: t${n}\nslides:\n  - x\n  - y\n`;
    for (const text of [flow(1), flow(2), spec(1), spec(2), spec(3)]) expect(quickValue(text), text.slice(-60)).toEqual(readQuickly(text));
  });

  it('keeps a key __proto__ written with an escape as a key, as the whole reading does', () => {
    const text = '"\\u005f_proto__": {title: evil}\nslides:\n  - x\n  - y\n';
    expect(agree(text)).toBe(true);
    const value = readInPieces(text, 0)!.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'slides']);
    expect(value.title).toBeUndefined();
  });

  it('reads random documents with a sequence as it reads them whole', () => {
    const node = yamlValue(['ا', ' ', '\n', ':', '#', '-', '"', "'", '1', '.', '[', '{', '|'], { size: 3 });
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block'), // (a sequence in flow style has no pieces)
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    let whole = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), node, { maxKeys: 3 }), fc.array(node, { minLength: 2, maxLength: 6 }), options, (around, items, opts) => {
        const text = stringify({ ...around, slides: items }, opts as never);
        if (readQuickly(text)) whole++;
        if (agree(text)) answered++;
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 400) },
    );
    // what js-yaml reads whole, it reads in pieces: else the comparison above compares little
    expect(answered / whole).toBeGreaterThan(0.9);
  });

  it('reads a document again in pieces, from the items its first reading kept, as it reads it whole', () => {
    const node = yamlValue(['ا', ' ', '\n', ':', '#', '-', '"', "'", '1', '[', '|'], { size: 3, doubles: false });
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      indentSeq: fc.boolean(),
      lineWidth: fc.constantFrom(0, 20, 80),
    });
    let again = 0;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), node, { maxKeys: 3 }), fc.array(node, { minLength: 2, maxLength: 6 }), node, options, (around, items, added, opts) => {
        // (a key of its own: texts new to the process; as they begin alike, the first may be cut too)
        const key = `k${runs++}`;
        // (comments ahead: long enough to be read in pieces)
        const pad = `# ${'.'.repeat(78)}\n`.repeat(52);
        const first = pad + stringify({ ...around, [key]: items }, opts as never);
        const second = pad + stringify({ ...around, [key]: [...items, added] }, opts as never);
        const kept = quickValue(first);
        const read = quickValue(second);
        expect(isDeepStrictEqual(read, readQuickly(second)), `${second}`).toBe(true);
        if (kept && read) again++;
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 300) },
    );
    // (documents both read quickly: the comparison above is of values, not of nothing)
    expect(again).toBeGreaterThan(0);
  });

  it('reads random YAML-like text after a sequence key as it reads it whole, or leaves it to the whole', () => {
    const piece = fc.oneof(
      fc.constantFrom('\n  - ', '\n- ', '\n    - ', '\n  ', '\n    ', '\n', '\nb: ', ': ', '"', "'", '[', ']', '{', '}', ',', '#', ' #', '|\n    ', '>-\n    ', '\n---\n', '\n...\n', '? ', '\\'),
      fc.constantFrom('a', 'key', 'نص', '1', '0x1F', 'null', ' '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.constantFrom('slides:\n  - ', 'x: 1\nslides:\n- ', 'slides:\n  -\n  - '), fc.array(piece, { maxLength: 30 }), (start, pieces) => {
        agree(start + pieces.join(''));
      }),
      { numRuns: Number(process.env.QUICK_RUNS ?? 3000) },
    );
  });
});
