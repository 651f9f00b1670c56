import { describe, expect, it } from 'vitest';
import { splitNotesLines, splitParagraphLines } from '../../../src/pptx/post/notes.js';

// What pptxgenjs 4.0.1 writes for addNotes('سطر أول\nسطر ثان').
const PPTXGENJS_NOTES = '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>سطر أول\r\nسطر ثان</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>';

describe('splitParagraphLines', () => {
  it('splits a CRLF inside a:t into one paragraph per line', () => {
    expect(splitParagraphLines(PPTXGENJS_NOTES)).toBe(
      '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>سطر أول</a:t></a:r></a:p>' +
        '<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>سطر ثان</a:t></a:r><a:endParaRPr lang="en-US" dirty="0"/></a:p>',
    );
  });

  it('copies the paragraph properties to every line', () => {
    const out = splitParagraphLines('<a:p><a:pPr algn="r" rtl="1"/><a:r><a:rPr/><a:t>1\n2\n3</a:t></a:r></a:p>');
    expect(out.match(/<a:p>/g)).toHaveLength(3);
    expect(out.match(/<a:pPr algn="r" rtl="1"\/>/g)).toHaveLength(3);
  });

  it('keeps an empty line as an empty paragraph with the end properties', () => {
    const out = splitParagraphLines('<a:p><a:r><a:rPr/><a:t>1\n\n2</a:t></a:r><a:endParaRPr lang="x"/></a:p>');
    expect(out).toBe(
      '<a:p><a:r><a:rPr/><a:t>1</a:t></a:r></a:p><a:p><a:endParaRPr lang="x"/></a:p><a:p><a:r><a:rPr/><a:t>2</a:t></a:r><a:endParaRPr lang="x"/></a:p>',
    );
  });

  it('splits at character-reference line breaks too', () => {
    expect(splitParagraphLines('<a:p><a:r><a:t>1&#13;&#10;2</a:t></a:r></a:p>')).toBe('<a:p><a:r><a:t>1</a:t></a:r></a:p><a:p><a:r><a:t>2</a:t></a:r></a:p>');
  });

  it('leaves paragraphs without line breaks in their text untouched (pretty-printed XML included)', () => {
    const p = '<a:p>\n  <a:r><a:t>one line</a:t></a:r>\n</a:p>';
    expect(splitParagraphLines(p)).toBe(p);
  });

  it('applies to every paragraph of a notes part', () => {
    const xml = `<p:txBody>${PPTXGENJS_NOTES}</p:txBody><p:txBody><a:p><a:fld type="slidenum"><a:t>1</a:t></a:fld></a:p></p:txBody>`;
    expect(splitNotesLines(xml).match(/<a:p>/g)).toHaveLength(3);
  });
});
