import { describe, expect, it } from 'vitest';
import { orderPresentation } from '../../../src/pptx/post/order.js';

describe('orderPresentation', () => {
  it('moves p:notesMasterIdLst before p:sldIdLst (pptxgenjs writes it after)', () => {
    const xml =
      '<?xml version="1.0"?>\r\n<p:presentation xmlns:p="urn:p" rtl="1"><p:sldMasterIdLst/><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId/></p:notesMasterIdLst><p:sldSz cx="1"/><p:notesSz cx="2"/><p:defaultTextStyle/><p:extLst/></p:presentation>';
    expect(orderPresentation(xml)).toBe(
      '<?xml version="1.0"?>\r\n<p:presentation xmlns:p="urn:p" rtl="1"><p:sldMasterIdLst/><p:notesMasterIdLst><p:notesMasterId/></p:notesMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:sldSz cx="1"/><p:notesSz cx="2"/><p:defaultTextStyle/><p:extLst/></p:presentation>',
    );
  });

  it('leaves an ordered presentation as it is', () => {
    const xml = '<p:presentation><p:sldMasterIdLst/><p:sldIdLst/><p:sldSz/><p:notesSz/></p:presentation>';
    expect(orderPresentation(xml)).toBe(xml);
  });
});
