import { describe, expect, it } from 'vitest';
import { parseFixedDate } from '../../../src/pptx/post/dates.js';

describe('parseFixedDate', () => {
  it('normalizes to W3CDTF in UTC, whole seconds', () => {
    expect(parseFixedDate('2024-03-01T09:30:00.789Z').w3c).toBe('2024-03-01T09:30:00Z');
    expect(parseFixedDate('2024-03-01T12:30:00+03:00').w3c).toBe('2024-03-01T09:30:00Z');
  });

  it('reads dates and zone-less date-times as UTC, whatever the local time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(-840);
      expect(parseFixedDate('2024-03-01').w3c).toBe('2024-03-01T00:00:00Z');
      expect(parseFixedDate('2024-03-01T09:30').w3c).toBe('2024-03-01T09:30:00Z');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('rejects what is not an ISO date', () => {
    expect(() => parseFixedDate('yesterday')).toThrow(RangeError);
    expect(() => parseFixedDate('2024-02-30')).toThrow(RangeError);
  });

  it('keeps a date outside the years of zip dates, and brings only the zip date within 1980–2107', () => {
    const early = parseFixedDate('1979-12-31');
    expect(early.w3c).toBe('1979-12-31T00:00:00Z');
    expect(early.date.toISOString()).toBe('1980-01-01T00:00:00.000Z');
    const late = parseFixedDate('2205-11-03');
    expect(late.w3c).toBe('2205-11-03T00:00:00Z');
    expect(late.date.toISOString()).toBe('2107-12-31T23:59:58.000Z');
    expect(parseFixedDate('2025-11-03').date.toISOString()).toBe('2025-11-03T00:00:00.000Z');
  });
});
