import { describe, expect, it } from 'vitest';
import { dedupeShapeIds, sectionGuid, stableSectionIds } from '../../../src/pptx/post/ids.js';

describe('dedupeShapeIds', () => {
  it('renumbers later duplicates above the largest id, keeping the first use (#1532)', () => {
    const xml =
      '<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="Text 0"/><p:cNvPr id="3" name="Text 1"/><p:cNvPr id="3" name="Table 0"/><p:cNvPr id="25" name="Slide Number Placeholder 0"/><p:cNvPr id="3" name="Text 2"/>';
    expect(dedupeShapeIds(xml)).toBe(
      '<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="Text 0"/><p:cNvPr id="3" name="Text 1"/><p:cNvPr id="26" name="Table 0"/><p:cNvPr id="25" name="Slide Number Placeholder 0"/><p:cNvPr id="27" name="Text 2"/>',
    );
  });

  it('leaves unique ids alone', () => {
    const xml = '<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"></p:cNvPr>';
    expect(dedupeShapeIds(xml)).toBe(xml);
  });
});

describe('stableSectionIds', () => {
  it('replaces random section GUIDs by GUIDs derived from the position', () => {
    const xml =
      '<p14:sectionLst><p14:section name="أ" id="{89d40552-4e31-32a3-58ef-e44e71d7b6e4}"><p14:sldIdLst/></p14:section><p14:section name="ب" id="{771c91d4-963f-1281-0c5b-bddbbb64fbb2}"/></p14:sectionLst>';
    const out = stableSectionIds(xml);
    expect(out).toBe(
      `<p14:sectionLst><p14:section name="أ" id="${sectionGuid(0)}"><p14:sldIdLst/></p14:section><p14:section name="ب" id="${sectionGuid(1)}"/></p14:sectionLst>`,
    );
  });

  it('formats GUIDs that are distinct and well-formed', () => {
    const guid = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/;
    expect(sectionGuid(0)).toMatch(guid);
    expect(sectionGuid(300)).toMatch(guid);
    expect(sectionGuid(0)).not.toBe(sectionGuid(1));
  });
});
