import { describe, expect, it } from 'vitest';
import { relationships, relsPartOf, resolveTarget, retarget, targetsById } from '../../../src/pptx/post/rels.js';

const T = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const RELS =
  `<Relationships xmlns="urn:r"><Relationship Id="rId1" Type="${T}chart" Target="/ppt/charts/chart5.xml"/>` +
  `<Relationship Id="rId2" Type="${T}slideLayout" Target="../slideLayouts/slideLayout2.xml"/>` +
  `<Relationship Id="rId3" Type="${T}hyperlink" Target="https://example.org/chart5.xml" TargetMode="External"/></Relationships>`;

describe('relationships and targets', () => {
  it('reads relationships in order', () => {
    expect(relationships(RELS).map((r) => [r.id, r.external])).toEqual([
      ['rId1', false],
      ['rId2', false],
      ['rId3', true],
    ]);
  });

  it('resolves absolute and relative targets to part names', () => {
    expect(resolveTarget('ppt/slides/slide1.xml', '/ppt/charts/chart5.xml')).toBe('ppt/charts/chart5.xml');
    expect(resolveTarget('ppt/slides/slide1.xml', '../slideLayouts/slideLayout2.xml')).toBe('ppt/slideLayouts/slideLayout2.xml');
    expect(resolveTarget('ppt/presentation.xml', 'slides/slide1.xml')).toBe('ppt/slides/slide1.xml');
    expect(resolveTarget('', 'ppt/presentation.xml')).toBe('ppt/presentation.xml');
    expect(targetsById('ppt/slides/slide1.xml', RELS).get('rId1')).toBe('ppt/charts/chart5.xml');
  });

  it('names the .rels part of a part', () => {
    expect(relsPartOf('ppt/slides/slide1.xml')).toBe('ppt/slides/_rels/slide1.xml.rels');
    expect(relsPartOf('')).toBe('_rels/.rels');
  });

  it('retargets internal relationships to renamed parts, in the style they were written', () => {
    const out = retarget(RELS, 'ppt/slides/slide1.xml', new Map([['ppt/charts/chart5.xml', 'ppt/charts/chart1.xml']]));
    expect(out).toContain('Target="/ppt/charts/chart1.xml"');
    expect(out).toContain('Target="https://example.org/chart5.xml"');
  });
});
