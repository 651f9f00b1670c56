/**
 * What a process keeps of work it may be asked for again (a template compiled, a YAML text read):
 * by key, the entries used last, within a budget. A rebuild in one process (watch, the library
 * building several decks) finds there what has not changed since the last one.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  private held = 0;

  /**
   * @param budget what the entries may weigh together: past it, the least recently used are
   *   dropped (the one just made is always kept).
   * @param weigh an entry's weight (by default 1: `budget` counts entries).
   */
  constructor(
    private readonly budget: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  /** The value kept for `key`, or the one `make` gives, kept from now on as the one used last. */
  get(key: K, make: () => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = make();
    this.set(key, value);
    return value;
  }

  /** Whether a value is kept for `key` (which leaves it where it stands in the order of use). */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Keeps `value` for `key`, as the one used last. */
  set(key: K, value: V): void {
    if (this.entries.has(key)) {
      this.held -= this.weigh(key, this.entries.get(key) as V);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.held += this.weigh(key, value);
    for (const [old, was] of this.entries) {
      if (this.held <= this.budget || old === key) break;
      this.entries.delete(old);
      this.held -= this.weigh(old, was);
    }
  }

  /** How many entries are kept. */
  get size(): number {
    return this.entries.size;
  }
}
