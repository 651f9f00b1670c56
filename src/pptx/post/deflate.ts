/**
 * DEFLATE for the package's entries, on a second thread when the package is large.
 *
 * Compressing is a third of the post-processing of a 1,000-slide deck (about 100 ms). With a
 * worker thread, it runs while the main thread is still rewriting the parts that follow: the
 * parts go to the worker in batches as they are finished, and only the last batch waits.
 * A worker costs about 25 ms to start, so a small deck is compressed on the main thread.
 *
 * The bytes do not depend on the thread: the same zlib at the same level compresses each part
 * alone. If the worker cannot start or fails, the parts it has not answered are compressed on
 * the main thread; the build does not fail for it.
 */
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';

/** One zip entry's data: its DEFLATE body, the CRC-32 and size of what it holds. */
export interface Deflated {
  body: Uint8Array;
  crc: number;
  size: number;
}

export const DEFLATE_LEVEL = 6;

export function deflateEntry(data: Uint8Array): Deflated {
  return { body: deflateRawSync(data, { level: DEFLATE_LEVEL }), crc: crc32(data), size: data.length };
}

/** Packages with at least this much text (UTF-16 code units of their XML parts) are compressed in a worker: about 250 slides of bullets. Below, the worker's start costs as much as it saves. */
export const PARALLEL_FROM = 2_000_000;
/** Parts go to the worker in batches of about this many bytes: fewer messages, and the worker starts early. */
const BATCH_BYTES = 256 * 1024;

/**
 * The worker: answers each batch with its entries, in order, unless the main thread has claimed
 * the batch first (a flag both threads set with one atomic compare-and-swap: whoever sets it
 * compresses the batch). Needs only node:zlib.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { crc32, deflateRawSync } = require('node:zlib');
parentPort.on('message', ({ id, claim, datas }) => {
  if (Atomics.compareExchange(claim, 0, 0, 1) !== 0) return;
  const out = datas.map((d) => ({ body: deflateRawSync(d, { level: ${DEFLATE_LEVEL} }), crc: crc32(d), size: d.length }));
  parentPort.postMessage({ id, out }, out.map((e) => e.body.buffer));
});
`;

export interface Deflater {
  /** Where the compressing happens: 'main' (this thread) or 'worker' (this thread and a worker). */
  readonly threads: 'main' | 'worker';
  /** Compress `data` as the entry `name` (now, or in the worker). */
  add(name: string, data: Uint8Array): void;
  /** Every entry added, once all are compressed. The deflater cannot be used after. */
  finish(): Promise<Map<string, Deflated>>;
  /** Stop without finishing (a build that failed half-way): the worker, if any, ends. */
  close(): void;
}

/** Compresses each entry as it is added, on this thread. */
export function syncDeflater(): Deflater {
  const done = new Map<string, Deflated>();
  return {
    threads: 'main',
    add: (name, data) => void done.set(name, deflateEntry(data)),
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

/**
 * Compresses in a worker thread, batch by batch, as the entries are added. When all are added,
 * this thread compresses the last, partial batch and then takes the batches the worker has not
 * begun, so the two threads finish together.
 */
export function workerDeflater(source = WORKER_SOURCE): Deflater {
  const done = new Map<string, Deflated>();
  const pending = new Map<number, Batch>(); // sent, not yet answered
  let worker: Worker | undefined;
  let failed = false;
  let batch = newBatch();
  let batchBytes = 0;
  let nextId = 0;
  let settle: (() => void) | undefined;

  const compressHere = (b: Batch) => b.names.forEach((name, i) => done.set(name, deflateEntry(b.datas[i]!)));
  const fail = () => {
    if (failed) return;
    failed = true;
    void worker?.terminate();
    for (const b of pending.values()) compressHere(b);
    pending.clear();
    settle?.();
  };
  try {
    worker = new Worker(source, { eval: true });
    worker.unref(); // referenced only while finish() waits for it
    worker.on('message', ({ id, out }: { id: number; out: Deflated[] }) => {
      const b = pending.get(id);
      if (!b) return;
      pending.delete(id);
      b.names.forEach((name, i) => done.set(name, out[i]!));
      if (pending.size === 0) settle?.();
    });
    worker.on('error', fail);
    worker.on('exit', () => pending.size > 0 && fail());
  } catch {
    failed = true;
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
    threads: 'worker',
    add(name, data) {
      if (failed) return void done.set(name, deflateEntry(data));
      batch.names.push(name);
      batch.datas.push(data);
      batchBytes += data.length;
      if (batchBytes >= BATCH_BYTES) send();
    },
    async finish() {
      compressHere(batch);
      batch = newBatch();
      for (const [id, b] of pending) {
        if (failed || Atomics.compareExchange(b.claim, 0, 0, 1) !== 0) continue; // the worker has it
        pending.delete(id);
        compressHere(b);
      }
      if (!failed && pending.size > 0) {
        worker!.ref(); // an unreferenced worker would let the process exit before it answers
        await new Promise<void>((resolve) => (settle = resolve));
      }
      void worker?.terminate();
      return done;
    },
    close() {
      failed = true;
      pending.clear();
      void worker?.terminate();
    },
  };
}

/** The deflater for a package whose XML parts hold `textLength` code units in all. */
export function deflaterFor(textLength: number): Deflater {
  return textLength >= PARALLEL_FROM ? workerDeflater() : syncDeflater();
}
