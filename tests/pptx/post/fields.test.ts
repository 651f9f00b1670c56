import { describe, expect, it } from 'vitest';
import { SLIDE_NUMBER_MARK, markSlideNumberFields } from '../../../src/pptx/post/fields.js';

describe('markSlideNumberFields', () => {
  it('replaces the cached text of slidenum fields ("null" on the master, "1002" on layouts)', () => {
    const xml = '<a:fld id="{F}" type="slidenum"><a:rPr b="0" lang="en-US"/><a:t>null</a:t></a:fld>';
    expect(markSlideNumberFields(xml)).toBe(`<a:fld id="{F}" type="slidenum"><a:rPr b="0" lang="en-US"/><a:t>${SLIDE_NUMBER_MARK}</a:t></a:fld>`);
  });

  it('leaves other fields alone', () => {
    const xml = '<a:fld id="{D}" type="datetimeFigureOut"><a:t>7/23/19</a:t></a:fld>';
    expect(markSlideNumberFields(xml)).toBe(xml);
  });
});
