import { describe, expect, it } from 'vitest';
import { normalizeContentTypes, partKinds } from '../../../src/pptx/post/content-types.js';

const PML = 'application/vnd.openxmlformats-officedocument.presentationml.';
const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  `<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="${PML}slideMaster+xml"/>` +
  `<Override PartName="/ppt/slides/slide1.xml" ContentType="${PML}slide+xml"/>` +
  `<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="${PML}slideMaster+xml"/>` +
  ` <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/ppt/slides/slide1.xml" ContentType="${PML}slide+xml"/></Types>`;
const PARTS = ['ppt/slideMasters/slideMaster1.xml', 'ppt/slides/slide1.xml', 'docProps/core.xml'];

describe('normalizeContentTypes', () => {
  const out = normalizeContentTypes(XML, PARTS);

  it('drops Overrides of parts that are not in the package (#1444 phantom slide masters)', () => {
    expect(out).not.toContain('slideMaster2.xml');
    expect(out).toContain('/ppt/slideMasters/slideMaster1.xml');
  });

  it('keeps one Override per part, sorted by part name, after the Defaults', () => {
    const names = [...out.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['/docProps/core.xml', '/ppt/slideMasters/slideMaster1.xml', '/ppt/slides/slide1.xml']);
    expect(out.indexOf('<Default Extension="rels"')).toBeLessThan(out.indexOf('<Override'));
  });

  it('compares part names ignoring case', () => {
    expect(normalizeContentTypes(XML, PARTS.map((p) => p.toUpperCase()))).toContain('/ppt/slides/slide1.xml');
  });
});

describe('partKinds', () => {
  it('classifies parts by their content type', () => {
    const kinds = partKinds(XML);
    expect(kinds.get('ppt/slides/slide1.xml')).toBe('slide');
    expect(kinds.get('ppt/slideMasters/slideMaster1.xml')).toBe('master');
    expect(kinds.get('docProps/core.xml')).toBe('core');
  });
});
