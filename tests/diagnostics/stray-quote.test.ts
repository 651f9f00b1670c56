/**
 * MJZ173, a text that ends with a quote mark it never opened (`title: التحالف بالأرقام"`): the
 * line scanner that finds them, on the cases authors write and against what `yaml` itself reads.
 */
import fc from 'fast-check';
import { isMap, LineCounter, parse, parseDocument, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findStrayQuotes, strayQuotes } from '../../src/diagnostics/stray-quote.js';

const at = (text: string) => findStrayQuotes(text).map((s) => `${s.start.line}:${s.start.column}`);

describe('a text that ends with a quote it never opened', () => {
  it('a value, a list item, an item of a flow list, a value of a quoted key: at the stray quote, with the line put right', () => {
    const [title, item, flow, keyed] = findStrayQuotes('title: التحالف بالأرقام"\nbullets:\n  - قرار مجلس الأمن"\ncategories: ["أ", ب", "ج"]\n"coalition.members": عدد الأعضاء"\n');
    expect(title).toMatchObject({ start: { line: 1, column: 24 }, text: 'التحالف بالأرقام"', fixed: 'title: "التحالف بالأرقام"' });
    expect(item).toMatchObject({ start: { line: 3, column: 20 }, fixed: '- "قرار مجلس الأمن"' });
    expect(flow).toMatchObject({ start: { line: 4, column: 20 }, fixed: 'categories: ["أ", "ب", "ج"]' });
    expect(keyed).toMatchObject({ start: { line: 5, column: 33 }, fixed: '"coalition.members": "عدد الأعضاء"' });
  });

  it('a quote inside the text is escaped in the line put right, a mustache is left as it is', () => {
    expect(findStrayQuotes('title: قال "نعم" ثم غادر"\n')[0]!.fixed).toBe('title: "قال \\"نعم\\" ثم غادر"');
    expect(findStrayQuotes('  - title: {{fact "coalition.members"}} عضواً"  # note\n')[0]).toMatchObject({ start: { line: 1, column: 46 }, fixed: '- title: "{{fact "coalition.members"}} عضواً"' });
  });

  it('a text over several lines: the quote on its last line, the hint naming the line it begins on', () => {
    const [stray] = findStrayQuotes('notes: سطر أول\n  وسطر ثانٍ"\nnext: "x"\n');
    expect(stray).toMatchObject({ start: { line: 2, column: 12 }, from: { line: 1, column: 8 } });
    expect(stray!.fixed).toBeUndefined();
    const [d] = strayQuotes({ path: 'content/article.yaml', text: 'notes: سطر أول\n  وسطر ثانٍ"\n' });
    expect(d!.hint).toMatch(/^Add the opening quote where the text begins, on line 1\./);
  });

  it('left alone: quoted values (also over several lines), paired quotes, a measure, a closing », block scalars, comments, keys', () => {
    const fine = [
      'title: "التحالف بالأرقام"',
      "title: 'قال \"نعم'",
      'title: "سطر أول\n  وسطر ثانٍ"',
      'title: قال "نعم"',
      'title: الفيلم "الرسالة" # note "',
      'size: 5"',
      "height: 5'11\"",
      'title: «التحالف بالأرقام»',
      'title: “التحالف”',
      'notes: |\n  قال "نعم\n  وانتهى"\nnext: x',
      'notes: >-\n  سطر"\n\n  سطر آخر"',
      '- text: >\n    نص"\n  basis: ["x"]',
      '# a comment that ends with a quote"',
      'title: x # a comment "',
      'key"x: value',
      'list: ["a", "b"]',
      'title: "{{heading}}"',
      '{{#each points}}\n      - "{{this}}"\n{{/each}}',
      'title: "{{fact "coalition.formed"}}"',
    ];
    for (const text of fine) expect(at(`${text}\n`), text).toEqual([]);
    // a measure in Arabic text is no measure: Arabic writes inches «بوصة»
    expect(at('title: قرار 2254"\n')).toEqual(['1:17']);
  });

  it('reads a file of mixed line ends, and one with a byte-order mark, as YAML does', () => {
    expect(at('a: "x"\r\nb: نص"\r\nc: y\n')).toEqual(['2:6']);
    const [d] = strayQuotes({ path: 'content/facts.yaml', text: '\uFEFFlabel: نص"\n' });
    expect(d!.location?.start).toEqual({ line: 1, column: 10 });
    expect(d!.source).toBe('label: نص"\n');
  });

  it('ends a quoted value at a line not indented past its key, as yaml does when a closing quote comes further down', () => {
    // (yaml reads k as « x ''» and q3 as a quoted text of two lines: no stray quote; a case
    // fast-check found, with seed -509765663)
    const text = "k: ' x ''''\ntop3:\n  q3: \"'x'\n    y x\"\n";
    expect(parse(text)).toEqual({ k: " x ''", top3: { q3: "'x' y x" } });
    expect(at(text)).toEqual([]);
    // a quoted text whose next line is not indented past its key: the YAML error is the quote's
    // (MJZ100 or MJZ170 at the line above), not a stray quote on the next line
    expect(at('  - kind: bullets\n    title: "التحالف الدولي\n    ومن انضم إليه"\n')).toEqual([]);
  });

  it('finds exactly the plain scalars yaml reads as ending with a quote they never opened', () => {
    const word = fc.constantFrom('نص', 'التحالف', 'abc', 'قال "نعم"', '"', '""', 'x"', '5"', "it's", "'", '#', ' #c', 'a:b', '\\', '«نص»', '12', 'https://x.org/a"b');
    const scalar = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => JSON.stringify(w.join(' '))),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `'${w.join(' ').replace(/'/g, "''")}'`),
    );
    const unquoted = (s: string) => s.replace(/^["']/, 'z');
    const entry = (indent: string, n: number) =>
      fc.oneof(
        scalar.map((v) => `${indent}key${n}: ${v}`),
        scalar.map((v) => `${indent}- ${v}`),
        scalar.map((v) => `${indent}- k${n}: ${v}`),
        fc.constant(`${indent}# comment "x`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}b${n}: |\n${indent}  ${a}\n${indent}  ${b}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}f${n}: >-\n${indent}  ${a}"\n\n${indent}  ${b}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}m${n}: ${unquoted(a)}\n${indent}  ${b}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}q${n}: "${a.replace(/["\\]/g, '')}\n${indent}  ${b.replace(/["\\]/g, '')} x"`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}l${n}: [${a}, ${b}]`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}"qk${n}": ${a} # ${b}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}p${n}: ${unquoted(a)}\n\n${indent}   ${unquoted(b)}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}- - ${a}\n${indent}  - n${n}: ${b}`),
        fc.tuple(scalar, scalar).map(([a, b]) => `${indent}v${n}:\n${indent}  ${unquoted(a)}\n${indent}  ${b}`),
      );
    const doc = fc
      .array(fc.nat(), { minLength: 1, maxLength: 6 })
      .chain((ns) => fc.tuple(...ns.map((_, i) => fc.oneof(entry('', i), entry('  ', i).map((e) => `top${i}:\n${e}`)))))
      .map((entries) => `${entries.join('\n')}\n`);
    let compared = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const lines = new LineCounter();
        const parsed = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
        if (parsed.errors.length || !isMap(parsed.contents)) return; // (what yaml refuses is reported as a YAML error)
        compared++;
        const expected: string[] = [];
        visit(parsed, {
          Scalar(key, node) {
            if (key === 'key' || node.type !== 'PLAIN' || !node.range) return;
            const value = String(node.source);
            const quotes = value.split('"').length - 1;
            if (!value.endsWith('"') || quotes % 2 === 0 || (/[0-9]"$/.test(value) && !/[\u0600-\u06FF]/.test(value))) return;
            const place = lines.linePos(node.range[1] - 1);
            expected.push(`${place.line}:${place.col}`);
          },
        });
        expect(at(text).sort(), text).toEqual(expected.sort());
      }),
      { numRuns: Number(process.env.STRAY_RUNS ?? 1500) },
    );
    expect(compared).toBeGreaterThan(300);
  });
});
