import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/util/lru.js';

describe('Lru', () => {
  it('makes a value once, and keeps it', () => {
    const lru = new Lru<string, number>(3);
    let made = 0;
    const make = () => ++made;
    expect(lru.get('a', make)).toBe(1);
    expect(lru.get('a', make)).toBe(1);
    expect(made).toBe(1);
    expect(lru.has('a')).toBe(true);
    expect(lru.has('b')).toBe(false);
  });

  it('drops the least recently used past its budget', () => {
    const lru = new Lru<string, string>(2);
    lru.get('a', () => 'A');
    lru.get('b', () => 'B');
    lru.get('a', () => 'x'); // (a used last: b is the oldest)
    lru.get('c', () => 'C');
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.size).toBe(2);
  });

  it('weighs its entries, and always keeps the one just made', () => {
    const lru = new Lru<string, string>(10, (key) => key.length);
    lru.get('aaaa', () => '1');
    lru.get('bbbb', () => '2');
    lru.get('cccc', () => '3'); // 12 > 10: aaaa goes
    expect([lru.has('aaaa'), lru.has('bbbb'), lru.has('cccc')]).toEqual([false, true, true]);
    lru.get('x'.repeat(20), () => 'big'); // over the budget alone: kept, everything else goes
    expect(lru.size).toBe(1);
    expect(lru.get('x'.repeat(20), () => 'again')).toBe('big');
  });

  it('replaces a value set again, counting its weight once', () => {
    const lru = new Lru<string, string>(8, (key, value) => value.length);
    lru.set('a', '1234');
    lru.set('a', '12345678');
    expect(lru.size).toBe(1);
    lru.set('b', '1'); // 8 + 1 > 8: a goes
    expect([lru.has('a'), lru.has('b')]).toEqual([false, true]);
    expect(lru.get('b', () => 'x')).toBe('1');
  });

  it('keeps nothing when making the value throws', () => {
    const lru = new Lru<string, string>(4);
    expect(() =>
      lru.get('a', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(lru.has('a')).toBe(false);
  });
});
