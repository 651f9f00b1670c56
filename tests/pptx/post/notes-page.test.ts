import { describe, expect, it } from 'vitest';
import { showSlideNumbersInMasters } from '../../../src/pptx/post/fields.js';
import { portraitNotesPage } from '../../../src/pptx/post/notes.js';

describe('the notes page', () => {
  it('is 7.5 × 10 in upright, whatever size pptxgenjs gave it', () => {
    expect(portraitNotesPage('<p:presentation><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="12192000"/></p:presentation>')).toBe(
      '<p:presentation><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>',
    );
  });
});

describe("the slide master's header and footer flags", () => {
  const master = '<p:sldMaster><p:cSld/><p:hf sldNum="0" hdr="0" ftr="0" dt="0"/></p:sldMaster>';
  const parts = (layout: string) => ({
    xml: new Map([
      ['ppt/slideMasters/slideMaster1.xml', master],
      ['ppt/slideLayouts/slideLayout1.xml', layout],
    ]),
    bin: new Map<string, Uint8Array>(),
  });

  it('show the slide number where a layout holds its placeholder', () => {
    const out = showSlideNumbersInMasters(parts('<p:sldLayout><p:nvPr><p:ph type="sldNum" sz="quarter" idx="4294967295"/></p:nvPr></p:sldLayout>'));
    expect(out.xml.get('ppt/slideMasters/slideMaster1.xml')).toBe('<p:sldMaster><p:cSld/><p:hf sldNum="1" hdr="0" ftr="0" dt="0"/></p:sldMaster>');
  });

  it('stay as they are where no layout numbers its slides (slide numbers written as text)', () => {
    const input = parts('<p:sldLayout><p:nvPr><p:ph type="title"/></p:nvPr></p:sldLayout>');
    expect(showSlideNumbersInMasters(input)).toBe(input);
  });
});
