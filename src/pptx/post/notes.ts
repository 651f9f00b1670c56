/**
 * Speaker notes: pptxgenjs writes all notes text as one run of one paragraph,
 * with the line breaks (CRLF) inside a:t. Split each such run at its line
 * breaks into separate paragraphs, so each line can be a right-to-left
 * paragraph of its own (direction and language are set by paragraphs.ts).
 */
import { childElements, mapElements, mapStartTags, setAttr, splitElement } from './xml.js';

/** A line break inside a:t, raw or as a character reference. */
const LINE_BREAK = /\r\n|\r|\n|&#(?:13|x[dD]);(?:&#(?:10|x[aA]);)?|&#(?:10|x[aA]);/;

interface RunParts {
  before: string; // '<a:r>' + a:rPr + '<a:t ...>'
  text: string;
  after: string; // '</a:t></a:r>'
}

function runParts(run: string): RunParts | undefined {
  const m = /^(<a:r(?=[\s>])[^>]*>[\s\S]*?<a:t(?:\s[^>]*)?>)([\s\S]*?)(<\/a:t>\s*<\/a:r>)$/.exec(run);
  if (!m) return undefined;
  return { before: m[1] as string, text: m[2] as string, after: m[3] as string };
}

/**
 * One paragraph `<a:p>…</a:p>`: if a run's text holds line breaks, return one
 * paragraph per line (each with a copy of the original a:pPr; the original
 * a:endParaRPr ends the last paragraph and any empty one). Otherwise unchanged.
 */
export function splitParagraphLines(paragraph: string): string {
  if (!LINE_BREAK.test(paragraph)) return paragraph;
  const { start, inner, end } = splitElement(paragraph);
  if (end === '') return paragraph;
  const children = childElements(inner).filter((c) => c.name !== '#text' || c.text.trim() !== '');
  const props = children.find((c) => c.name === 'a:pPr')?.text ?? '';
  const endProps = children.find((c) => c.name === 'a:endParaRPr')?.text ?? '';
  const lines: string[][] = [[]];
  for (const child of children) {
    if (child.name === 'a:pPr' || child.name === 'a:endParaRPr') continue;
    const parts = child.name === 'a:r' ? runParts(child.text) : undefined;
    if (!parts || !LINE_BREAK.test(parts.text)) {
      (lines[lines.length - 1] as string[]).push(child.text);
      continue;
    }
    parts.text.split(LINE_BREAK).forEach((piece, i) => {
      if (i > 0) lines.push([]);
      if (piece !== '') (lines[lines.length - 1] as string[]).push(`${parts.before}${piece}${parts.after}`);
    });
  }
  if (lines.length === 1) return paragraph;
  return lines
    .map((runs, i) => {
      const last = i === lines.length - 1 || runs.length === 0;
      return `${start}${props}${runs.join('')}${last ? endProps : ''}${end}`;
    })
    .join('');
}

/** Every paragraph of a notes slide split at the line breaks of its text. */
export function splitNotesLines(xml: string): string {
  return mapElements(xml, 'a:p', splitParagraphLines);
}

/**
 * The notes page, 7.5 × 10 in upright as PowerPoint makes it for a wide deck: pptxgenjs gives it
 * the slide's size turned (7.5 × 13.33 in), while its notes master is laid out on 7.5 × 10, so a
 * printed notes page had its last third empty.
 */
export function portraitNotesPage(xml: string): string {
  return mapStartTags(xml, 'p:notesSz', (tag) => setAttr(setAttr(tag, 'cx', '6858000'), 'cy', '9144000'));
}
