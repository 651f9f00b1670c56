/**
 * DEFLATE for the package's entries, on a second thread when the package is large.
 *
 * Compressing is a large share of the packaging of a 1,000-slide deck. With a
 * worker thread, it runs while the main thread is still rewriting the parts that follow: the
 * parts go to the worker in batches as they are finished, and once all are rewritten the main
 * thread takes the batches the worker has not begun. A worker costs about 25 ms to start, so a
 * small deck is compressed on the main thread.
 *
 * The bytes do not depend on the thread: the same zlib at the same level compresses each part
 * alone (WORKER_SOURCE runs the source of reusedDeflate and compressorHere, which therefore
 * refer to nothing outside themselves; the tests compare the threads' bytes). If
 * the worker cannot start, fails or stalls, the parts it has not answered are compressed on the
 * main thread; the build does not fail for it.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import * as zlib from 'node:zlib';
import { crc32, deflateRawSync } from 'node:zlib';

/** One zip entry's data: its DEFLATE body, the CRC-32 and size of what it holds. */
export interface Deflated {
  body: Uint8Array;
  crc: number;
  size: number;
}

export const DEFLATE_LEVEL = 6;

/** `level` 0: DEFLATE's stored blocks, for a zip read again at once (parts.ts). */
export function deflateEntry(data: Uint8Array, level = DEFLATE_LEVEL): Deflated {
  return { body: level === 0 ? storedBlocks(data) : level === DEFLATE_LEVEL ? deflateHere(data) : deflateRawSync(data, { level }), crc: crc32(data), size: data.length };
}

/**
 * A function that compresses one entry at `level` with one zlib compressor, reset between
 * entries, or null where this Node's zlib does not have what it uses.
 *
 * `deflateRawSync` builds a compressor for every call: a stream object in JavaScript and zlib's
 * state, used once and thrown away. For a deck's hundreds of small parts that is most of the
 * compressing: 46 ms for the 421 parts of a 100-slide deck in a fresh process, against 21 with
 * one compressor reset each time. zlib's reset puts the compressor back as it was made, so each
 * entry's bytes are the ones `deflateRawSync` gives. A sample is compressed both ways when the
 * compressor is made, and anything unexpected then or later (zlib's internals are Node's, not a
 * public interface) falls back to `deflateRawSync` for good (compressorHere).
 *
 * What it relies on, as Node 20 and 22 have it (checked on 20.20 and 22.23): a zlib stream's
 * `_handle`, with `reset()` and `writeSync(flush, in, inOff, inLen, out, outOff, outLen)`, and
 * its `_writeState` ([avail_out, avail_in] after a write), used as `processChunkSync` in Node's
 * lib/zlib.js uses them for `deflateRawSync`; and a failure destroying the stream at once.
 *
 * Self-contained (it is given zlib), because the worker runs its source too (WORKER_SOURCE): a
 * bundler that adds helpers to functions (rolldown's keepNames, say) would break that, and the
 * worker would then compress every part with `deflateRawSync`, the same bytes, more slowly.
 */
export function reusedDeflate(z: typeof zlib, level: number): ((data: Uint8Array) => Uint8Array) | null {
  type Handle = { reset(): void; writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void };
  type Stream = { _handle?: Handle; _writeState?: Uint32Array; destroyed?: boolean; close(): void; on(event: 'error', listener: (error: Error) => void): unknown };
  let stream: Stream | undefined;
  try {
    const made = new z.DeflateRaw({ level }) as unknown as Stream;
    stream = made;
    const handle = made._handle;
    const state = made._writeState;
    if (!handle || typeof handle.reset !== 'function' || typeof handle.writeSync !== 'function' || !(state instanceof Uint32Array)) throw new Error('no zlib handle');
    // (zlib reports an error by destroying the stream at once and emitting 'error' a moment later:
    // the entry that met it throws, seeing the stream destroyed; the event is heard, not left unheard)
    let failed: Error | undefined;
    made.on('error', (error) => (failed = error));
    const check = () => {
      if (failed || made.destroyed) throw failed ?? new Error('zlib failed');
    };
    const out = new Uint8Array(64 * 1024);
    const deflate = (data: Uint8Array): Uint8Array => {
      check();
      handle.reset();
      const chunks: Uint8Array[] = [];
      let total = 0;
      let inOff = 0;
      let inLen = data.length;
      for (;;) {
        handle.writeSync(z.constants.Z_FINISH, data, inOff, inLen, out, 0, out.length);
        check();
        const [outLeft, inLeft] = [state[0]!, state[1]!];
        const have = out.length - outLeft;
        if (have > 0) {
          chunks.push(out.slice(0, have));
          total += have;
        }
        inOff += inLen - inLeft;
        inLen = inLeft;
        if (outLeft > 0) break; // (room left over: the stream is finished)
      }
      if (chunks.length === 1) return chunks[0]!;
      // Each entry's bytes in an ArrayBuffer of their own (never a slice of a shared pool, as
      // Buffer.from gives a small one): the worker hands them back by transferring their buffers.
      const body = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.length;
      }
      return body;
    };
    const sample = new Uint8Array(2048).map((_, i) => (i * 7 + (i >> 5)) & 0x7f);
    if (!Buffer.from(deflate(sample)).equals(z.deflateRawSync(sample, { level }))) throw new Error('other bytes');
    return deflate;
  } catch {
    try {
      stream?.close();
    } catch {
      // (nothing more to do)
    }
    return null;
  }
}

/**
 * Compresses at `level` with the compressor `make` gives, made on first use (reusedDeflate);
 * where it cannot be made, or once it has thrown, with `deflateRawSync` for good.
 * Self-contained, like reusedDeflate: the worker runs its source too (WORKER_SOURCE).
 */
export function compressorHere(z: typeof zlib, level: number, make: () => ((data: Uint8Array) => Uint8Array) | null): (data: Uint8Array) => Uint8Array {
  let reused: ((data: Uint8Array) => Uint8Array) | null | undefined; // (undefined: not made yet; null: given up)
  return (data) => {
    if (reused === undefined) reused = make();
    if (reused) {
      try {
        return reused(data);
      } catch {
        reused = null;
      }
    }
    return z.deflateRawSync(data, { level });
  };
}

/** `data` compressed at DEFLATE_LEVEL by this thread's one compressor. */
const deflateHere = compressorHere(zlib, DEFLATE_LEVEL, () => reusedDeflate(zlib, DEFLATE_LEVEL));

/** The largest stored block DEFLATE allows (its length is 16 bits). */
const STORED_MAX = 0xffff;

/**
 * `data` as DEFLATE stored blocks (RFC 1951, 3.2.4: a header byte, the length and its one's
 * complement, the bytes as they are), written here: zlib asked for level 0 costs a compressor's
 * set-up per entry, about 50 µs, for a workbook's dozen small files each time a chart is drawn.
 */
export function storedBlocks(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_MAX));
  const out = new Uint8Array(data.length + 5 * blocks);
  let at = 0;
  for (let b = 0; b < blocks; b++) {
    const chunk = data.subarray(b * STORED_MAX, (b + 1) * STORED_MAX);
    out[at] = b === blocks - 1 ? 1 : 0; // BFINAL on the last; BTYPE 00 (stored)
    out[at + 1] = chunk.length & 0xff;
    out[at + 2] = chunk.length >>> 8;
    out[at + 3] = ~chunk.length & 0xff;
    out[at + 4] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  return out;
}

/**
 * Packages with at least this much text (UTF-16 code units of their XML parts) are compressed
 * with a worker: about 250 slides of bullets. Below, the worker's start costs as much as it saves.
 */
export const PARALLEL_FROM = 2_000_000;
/** Parts go to the worker in batches of about this many bytes: fewer messages, and the worker starts early. */
const BATCH_BYTES = 256 * 1024;

/**
 * The worker: answers each batch with its entries, in order, unless the main thread has claimed
 * the batch first (a flag both threads set with one atomic compare-and-swap: whoever sets it
 * compresses the batch). Needs only node:zlib.
 */
export const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { crc32 } = zlib;
const deflate = (${compressorHere.toString()})(zlib, ${DEFLATE_LEVEL}, () => (${reusedDeflate.toString()})(zlib, ${DEFLATE_LEVEL}));
parentPort.on('message', ({ id, claim, datas }) => {
  if (Atomics.compareExchange(claim, 0, 0, 1) !== 0) return;
  const out = datas.map((d) => ({ body: deflate(d), crc: crc32(d), size: d.length }));
  parentPort.postMessage({ id, out }, [...new Set(out.map((e) => e.body.buffer))]);
});
`;

/** node:worker_threads, loaded by the first deck that needs a worker: a small deck's cold start does without (about 4 ms alone; see scripts/bundle.mjs). */
const workerThreads = () => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

export interface Deflater {
  /** Where the next part is compressed: 'main' (this thread) or 'worker' (shared with a worker thread). */
  readonly threads: 'main' | 'worker';
  /** Compress `data` as the entry `name` (now, or in the worker). Each name once. */
  add(name: string, data: Uint8Array): void;
  /** Every entry added, once all are compressed. The deflater cannot be used after. */
  finish(): Promise<Map<string, Deflated>>;
  /** Stop without finishing (a build that failed half-way): the worker ends; a finish() still waiting throws. */
  close(): void;
}

/** Compresses each entry as it is added, on this thread. */
export function syncDeflater(): Deflater {
  const done = new Map<string, Deflated>();
  return {
    threads: 'main',
    add(name, data) {
      if (done.has(name)) throw new Error(`zip entry "${name}" added twice`);
      done.set(name, deflateEntry(data));
    },
    finish: async () => done,
    close: () => undefined,
  };
}

interface Batch {
  names: string[];
  datas: Uint8Array[];
  /** 0 until a thread takes the batch (shared with the worker). */
  claim: Int32Array;
}

const newBatch = (): Batch => ({ names: [], datas: [], claim: new Int32Array(new SharedArrayBuffer(4)) });

export interface WorkerDeflaterOptions {
  /** The worker's script (tests give broken ones). */
  source?: string;
  /** While finish() waits: with no answer from the worker for this long, compress its batches here. */
  patienceMs?: number;
  /** Batch size in bytes (tests make it small, to have many batches from a small deck). */
  batchBytes?: number;
}

/**
 * Compresses in a worker thread, batch by batch, as the entries are added. When all are added,
 * this thread compresses the last, partial batch and then takes each batch the worker has not
 * begun; it waits only for the ones the worker is compressing.
 *
 * The worker is given up for this thread's compressing (the batches it has not answered
 * compressed here) when it fails to start, throws, exits, sends an answer that cannot be read,
 * or stays silent for `patienceMs` while finish() waits.
 */
export function workerDeflater({ source = WORKER_SOURCE, patienceMs = 10_000, batchBytes: fullBatch = BATCH_BYTES }: WorkerDeflaterOptions = {}): Deflater {
  const done = new Map<string, Deflated>();
  const names = new Set<string>();
  const pending = new Map<number, Batch>(); // sent, not yet answered
  let worker: Worker | undefined;
  let state: 'shared' | 'here' | 'closed' = 'shared';
  let batch = newBatch();
  let batchBytes = 0;
  let nextId = 0;
  let waiting: { resolve: () => void; reject: (error: Error) => void; timer: NodeJS.Timeout } | undefined;

  const compressHere = (b: Batch) => b.names.forEach((name, i) => done.set(name, deflateEntry(b.datas[i]!)));
  const wake = () => {
    if (!waiting) return;
    clearTimeout(waiting.timer);
    const { resolve, reject } = waiting;
    waiting = undefined;
    if (state === 'closed') reject(new Error('the deflater was closed before it finished'));
    else resolve();
  };
  /** Give the worker up: what it has not answered is compressed here. */
  const fallBack = () => {
    if (state !== 'shared') return;
    state = 'here';
    void worker?.terminate();
    for (const b of pending.values()) compressHere(b);
    pending.clear();
    wake();
  };
  try {
    worker = new (workerThreads().Worker)(source, { eval: true });
    worker.unref(); // referenced only while finish() waits for it
    worker.on('message', ({ id, out }: { id: number; out: Deflated[] }) => {
      const b = pending.get(id);
      if (state !== 'shared' || !b) return;
      pending.delete(id);
      b.names.forEach((name, i) => done.set(name, out[i]!));
      if (pending.size === 0) wake();
      else waiting?.timer.refresh();
    });
    worker.on('error', fallBack);
    worker.on('messageerror', fallBack);
    worker.on('exit', () => pending.size > 0 && fallBack());
  } catch {
    state = 'here';
  }

  const send = () => {
    if (batch.names.length === 0) return;
    const id = nextId++;
    pending.set(id, batch);
    // copied, not transferred: a batch the worker does not answer is compressed here
    worker!.postMessage({ id, claim: batch.claim, datas: batch.datas });
    batch = newBatch();
    batchBytes = 0;
  };

  return {
    get threads() {
      return state === 'shared' ? 'worker' : 'main';
    },
    add(name, data) {
      if (state === 'closed') throw new Error('the deflater was closed');
      if (names.has(name)) throw new Error(`zip entry "${name}" added twice`);
      names.add(name);
      if (state === 'here') return void done.set(name, deflateEntry(data));
      batch.names.push(name);
      batch.datas.push(data);
      batchBytes += data.length;
      if (batchBytes >= fullBatch) send();
    },
    async finish() {
      if (state === 'closed') throw new Error('the deflater was closed');
      compressHere(batch);
      batch = newBatch();
      for (const [id, b] of pending) {
        if (state !== 'shared' || Atomics.compareExchange(b.claim, 0, 0, 1) !== 0) continue; // the worker has it
        pending.delete(id);
        compressHere(b);
      }
      if (state === 'shared' && pending.size > 0) {
        worker!.ref(); // an unreferenced worker would let the process exit before it answers
        await new Promise<void>((resolve, reject) => (waiting = { resolve, reject, timer: setTimeout(fallBack, patienceMs) }));
      }
      void worker?.terminate();
      return done;
    },
    close() {
      if (state === 'closed') return;
      state = 'closed';
      pending.clear();
      void worker?.terminate();
      wake();
    },
  };
}

/** The deflater for a package whose XML parts hold `textLength` code units in all. */
export function deflaterFor(textLength: number): Deflater {
  return textLength >= PARALLEL_FROM ? workerDeflater() : syncDeflater();
}
