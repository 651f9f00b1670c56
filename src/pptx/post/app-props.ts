/**
 * docProps/app.xml, the extended properties PowerPoint shows in Properties > Contents (and
 * Windows in a file's details): pptxgenjs lists "Arial" and "Calibri" as the fonts used and
 * "Slide 1", "Slide 2"… as the slide titles, whatever the deck holds. Written here from the
 * deck: its theme's fonts and its slides' titles, what PowerPoint writes when it saves the deck
 * (it reads each title from the slide's title placeholder, where the renderer puts it).
 */
import { escapeText } from './xml.js';

const HEADING_PAIRS = /<HeadingPairs>[\s\S]*?<\/HeadingPairs>/;
const TITLES_OF_PARTS = /<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/;
/** The theme's name, as pptxgenjs writes it in ppt/theme/theme1.xml and lists it here. */
const THEME_NAME = 'Office Theme';

const lpstr = (value: string) => `<vt:lpstr>${escapeText(value)}</vt:lpstr>`;
const pair = (heading: string, count: number) => `<vt:variant>${lpstr(heading)}</vt:variant><vt:variant><vt:i4>${count}</vt:i4></vt:variant>`;

/** The fonts used (each once, in order) and the slide titles, in place of pptxgenjs's. */
export function setExtendedProperties(xml: string, deck: { fonts: readonly string[]; titles: readonly string[] }): string {
  const fonts = [...new Set(deck.fonts)];
  const headings = `<HeadingPairs><vt:vector size="6" baseType="variant">${pair('Fonts Used', fonts.length)}${pair('Theme', 1)}${pair('Slide Titles', deck.titles.length)}</vt:vector></HeadingPairs>`;
  const parts = [...fonts, THEME_NAME, ...deck.titles];
  const titles = `<TitlesOfParts><vt:vector size="${parts.length}" baseType="lpstr">${parts.map(lpstr).join('')}</vt:vector></TitlesOfParts>`;
  if (!HEADING_PAIRS.test(xml) || !TITLES_OF_PARTS.test(xml)) return xml;
  return xml.replace(HEADING_PAIRS, () => headings).replace(TITLES_OF_PARTS, () => titles);
}
