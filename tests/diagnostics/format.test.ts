import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/diagnostics/format.js';

/** The frame's lines as the source splits at LF or CRLF (how codeFrame read them before it kept each file's line starts). */
function linesOf(source: string): string[] {
  return source.split(/\r?\n/);
}

describe('codeFrame', () => {
  it('shows the lines around the place, with a caret under its column', () => {
    const source = 'a: 1\nb: 2\nc: oops\nd: 4\ne: 5\nf: 6\n';
    expect(codeFrame(source, 3, 4)).toBe(['  1 | a: 1', '  2 | b: 2', '> 3 | c: oops', '    |    ^', '  4 | d: 4', '  5 | e: 5'].join('\n'));
  });

  it('ends lines at LF and CRLF; a lone CR stays in its line and shows, the last line too', () => {
    expect(codeFrame('a\r\nb\rc\nd\r', 2, 1, 1)).toBe(['  1 | a', '> 2 | b␍c', '    | ^', '  3 | d␍'].join('\n'));
  });

  it('gives every line as the source split at its line ends would, for any source and place, and any order of places', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '\n', '\r', '\r\n', '\t', '1'), maxLength: 60 });
    fc.assert(
      fc.property(text, text, fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 10 }), fc.boolean()), { maxLength: 6 }), (a, b, places) => {
        for (const [line, column, second] of places) {
          const source = second ? b : a; // (two sources in turn: the kept line starts must be the source's own)
          const lines = linesOf(source);
          const frame = codeFrame(source, line, column, 1).split('\n').filter((l) => l !== '' && !/^ +\| *\^$/.test(l));
          const expected: number[] = [];
          for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) expected.push(n);
          expect(frame.map((l) => Number(/^[> ] +(\d+) \|/.exec(l)?.[1]))).toEqual(expected);
          frame.forEach((l, i) => expect(l.replace(/^[> ] +\d+ \| ?/, '')).toBe(lines[expected[i]! - 1]!.replace(/[\u0000-\u0008\u000B-\u001F]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))));
        }
      }),
    );
  });
});
