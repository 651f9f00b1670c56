/**
 * What a rebuild keeps of the last one: each deck's parts as last packaged (finalizeParts).
 */
import type { Deflated } from './deflate.js';

/**
 * The parts of one deck's last build, each as it came from the renderer and as it was written
 * (compressed): a rebuild writes a part again only when its text, or what rewrites it, changed
 * (a fact changed, watch rebuilds every deck; most of each deck's parts are as they were). Kept
 * by the caller, one per deck; the bytes are the same with or without it. Packages from
 * PARALLEL_FROM on are not kept (the memory it would hold).
 */
export interface PackageMemo {
  parts: Map<string, KeptPart>;
}

export interface KeptPart {
  /** What rewrites it (the transforms and their arguments, or the workbook's options). */
  key: string;
  /** The part before it was rewritten. */
  input: string | Uint8Array;
  out: Deflated;
}

export const packageMemo = (): PackageMemo => ({ parts: new Map() });

/** About how many bytes a memo holds (text counted at two bytes a character). */
export function memoBytes(memo: PackageMemo): number {
  let bytes = 0;
  for (const part of memo.parts.values()) bytes += (typeof part.input === 'string' ? 2 * part.input.length : part.input.byteLength) + part.out.body.byteLength;
  return bytes;
}

export const sameInput = (a: string | Uint8Array, b: string | Uint8Array): boolean =>
  typeof a === 'string' || typeof b === 'string' ? a === b : a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

/**
 * The memos of the decks built last, by name (an audience): the ones used last are kept while
 * together they hold at most `budget` bytes (`size`), counted each time a memo is asked for (the
 * build that fills it may go over until the next); the one asked for is always kept. A part is
 * reused only when it is the same text, so two projects with an audience of one name share a
 * memo at no risk. By default a memo is a PackageMemo; a caller may keep more per deck (`make`).
 */
export class MemoShelf<M = PackageMemo> {
  private readonly memos = new Map<string, M>();

  constructor(
    private readonly budget: number,
    private readonly make: () => M = packageMemo as () => M,
    private readonly size: (memo: M) => number = memoBytes as (memo: M) => number,
  ) {}

  /** The memo of `name`, new or as its last build left it. */
  for(name: string): M {
    const memo = this.memos.get(name) ?? this.make();
    this.memos.delete(name);
    this.memos.set(name, memo); // (last used, last in the map)
    let total = 0;
    for (const [other, held] of [...this.memos].reverse()) {
      total += this.size(held);
      if (total > this.budget && held !== memo) this.memos.delete(other);
    }
    return memo;
  }

  /** The names whose memos are kept, the one used last first. */
  names(): string[] {
    return [...this.memos.keys()].reverse();
  }
}
