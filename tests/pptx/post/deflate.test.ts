import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { compressorHere, deflaterFor, PARALLEL_FROM, reusedDeflate, storedBlocks, syncDeflater, workerDeflater, WORKER_SOURCE, type Deflated, type Deflater } from '../../../src/pptx/post/deflate.js';
import { finalizeParts } from '../../../src/pptx/post/index.js';
import { readPackage, zipEntries } from '../../../src/pptx/post/zip.js';
import { makeDeck } from '../../fixtures/post/make-deck.js';
import { fixtureOptions } from '../../fixtures/post/options.js';
import { REPO } from '../../helpers/project.js';

const DATE = new Date(Date.UTC(2025, 10, 3));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * About 2 MB in 300 parts of slide-like XML with varied words (a fixed pseudo-random sequence),
 * so that a different zlib level or strategy gives different bytes: eight batches for the worker.
 */
function parts(): Map<string, Uint8Array> {
  const words = ['التحالف', 'الدولي', 'سوريا', 'FFIS', 'NATO', '89', '90', 'عضواً', 'الإرهاب', 'الحكومة', 'واشنطن', 'العراق'];
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const files = new Map<string, Uint8Array>();
  for (let i = 1; i <= 300; i++) {
    const runs = Array.from({ length: 150 }, () => `<a:r><a:rPr lang="ar-SA" sz="${1800 + (next() % 9) * 100}"/><a:t>${words[next() % words.length]} ${next() % 1000}</a:t></a:r>`);
    files.set(`ppt/slides/slide${i}.xml`, new TextEncoder().encode(`<p:sld><a:p>${runs.join('')}</a:p></p:sld>`));
  }
  return files;
}

const same = (a: Deflated | undefined, b: Deflated | undefined) => !!a && !!b && a.crc === b.crc && a.size === b.size && Buffer.from(a.body).equals(Buffer.from(b.body));

/** Add every part; wait `ms` (the worker gets ahead, or fails) unless 0; then finish. */
async function run(deflater: Deflater, files: Map<string, Uint8Array>, ms = 0): Promise<Map<string, Deflated>> {
  for (const [name, data] of files) deflater.add(name, data);
  if (ms) await sleep(ms);
  return deflater.finish();
}

describe('deflaters', () => {
  it('compress each part in the worker exactly as on the main thread (the worker does every batch)', async () => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    const deflater = workerDeflater();
    const there = await run(deflater, files, 1000); // the worker has taken and answered every batch
    expect(deflater.threads, 'the worker failed: its batches were compressed here').toBe('worker');
    expect(there.size).toBe(files.size);
    for (const [name, data] of files) {
      expect(same(there.get(name), here.get(name)), name).toBe(true);
      expect(Buffer.from(inflateRawSync(there.get(name)!.body)).equals(Buffer.from(data))).toBe(true);
    }
    expect(Buffer.from(zipEntries(there, DATE)).equals(Buffer.from(zipEntries(here, DATE)))).toBe(true);
  });

  it('share the batches between the threads when finish() comes at once, with the same bytes', async () => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    const deflater = workerDeflater();
    const there = await run(deflater, files);
    expect(deflater.threads, 'the worker failed: its batches were compressed here').toBe('worker');
    for (const name of files.keys()) expect(same(there.get(name), here.get(name)), name).toBe(true);
  });

  it('compress at level 6, as the package always has', async () => {
    const data = parts().get('ppt/slides/slide1.xml')!;
    const entry = (await run(syncDeflater(), new Map([['a.xml', data]]))).get('a.xml')!;
    expect(Buffer.from(entry.body).equals(deflateRawSync(data, { level: 6 }))).toBe(true);
    expect(Buffer.from(entry.body).equals(deflateRawSync(data, { level: 9 }))).toBe(false); // the data tells levels apart
  });

  it('refuse a name added twice', () => {
    for (const d of [syncDeflater(), workerDeflater()]) {
      d.add('a.xml', new Uint8Array([1]));
      expect(() => d.add('a.xml', new Uint8Array([2]))).toThrow(/"a.xml" added twice/);
      d.close();
    }
  });

  // A worker that takes a batch (sets its claim), then fails: the batch is left to the fallback.
  const takeThen = (then: string) => `require('node:worker_threads').parentPort.on('message', ({ claim }) => { Atomics.store(claim, 0, 1); ${then} })`;
  const broken: [string, string][] = [
    ['whose script throws as it starts', `throw new Error('no worker today')`],
    ['that takes a batch and throws', takeThen(`throw new Error('broken')`)],
    ['that takes a batch and exits', takeThen('process.exit(3)')],
    ['that takes a batch, then throws while finish() waits', takeThen(`setTimeout(() => { throw new Error('late') }, 100)`)],
    ['that takes a batch, then exits while finish() waits', takeThen('setTimeout(() => process.exit(3), 100)')],
  ];
  it.each(broken)('finish on the main thread after a worker %s', async (_label, source) => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    for (const ms of [0, 300]) {
      const deflater = workerDeflater({ source });
      const there = await run(deflater, files, ms);
      expect(there.size).toBe(files.size);
      for (const [name, entry] of there) expect(same(entry, here.get(name)), name).toBe(true);
    }
  });

  it('finish on the main thread when the worker goes silent', async () => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    const deflater = workerDeflater({ source: takeThen('/* never answers */'), patienceMs: 200 });
    const there = await run(deflater, files, 1000); // (time enough for the worker to start and take a batch)
    expect(deflater.threads).toBe('main');
    for (const [name, entry] of there) expect(same(entry, here.get(name)), name).toBe(true);
  });

  it('reject a finish() still waiting when closed, and refuse more work', async () => {
    const deflater = workerDeflater({ source: takeThen('/* never answers */'), patienceMs: 60_000 });
    const waiting = run(deflater, parts(), 1000); // the worker takes a batch, then finish() waits for it
    await sleep(1100);
    deflater.close();
    await expect(waiting).rejects.toThrow(/closed before it finished/);
    expect(() => deflater.add('b.xml', new Uint8Array([1]))).toThrow(/closed/);
  });

  it('use a worker only for large packages', () => {
    const small = deflaterFor(PARALLEL_FROM - 1);
    const large = deflaterFor(PARALLEL_FROM);
    expect([small.threads, large.threads]).toEqual(['main', 'worker']);
    large.close();
  });
});

describe('the worker and the process', () => {
  // A child process, so that a worker left running shows as a process that does not end. It
  // imports the compiled module (dist/): `npm test` builds it first; run alone, this file
  // tests whatever the last build left there.
  const script = (body: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `import { workerDeflater } from ${JSON.stringify(path.join(REPO, 'dist/pptx/post/deflate.js'))};\n${body}`], {
      encoding: 'utf8',
      timeout: 10_000,
    });
  const DATA = `const data = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
let seed = 1; const big = new Uint8Array(40_000_000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23);`;

  it.each([
    // (the worker is still compressing 'big' when finish() waits for it: the wait must hold the process)
    ['after finish()', `const d = workerDeflater(); d.add('big', big); await new Promise((r) => setTimeout(r, 100)); const out = await d.finish(); console.log(out.size);`, '1'],
    ['after close() half-way', `const d = workerDeflater(); d.add('a', data); d.add('b', data); d.close(); console.log('closed');`, 'closed'],
    ['with work added and never finished', `const d = workerDeflater(); d.add('a', data); d.add('b', data); console.log('left');`, 'left'],
  ])('ends %s', (_label, body, printed) => {
    const r = script(`${DATA}\n${body}`);
    expect(r.error, 'the process did not end within 10 s').toBeUndefined();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(printed);
  });
});

describe('finalizeParts', () => {
  it('writes the same package whichever thread compresses it', async () => {
    const raw = await readPackage(await makeDeck());
    const onMain = await finalizeParts(raw, fixtureOptions(), { deflater: () => syncDeflater() });
    // one part per batch, and finish() held back: the worker compresses every part
    const worker = workerDeflater({ batchBytes: 1 });
    const inWorker = await finalizeParts(raw, fixtureOptions(), {
      deflater: () => ({
        get threads() {
          return worker.threads;
        },
        add: worker.add,
        close: worker.close,
        finish: () => sleep(500).then(() => worker.finish()),
      }),
    });
    expect(worker.threads, 'the worker failed: the parts were compressed here').toBe('worker');
    expect(Buffer.from(inWorker).equals(Buffer.from(onMain))).toBe(true);
    expect(Buffer.from(await finalizeParts(raw, fixtureOptions())).equals(Buffer.from(onMain))).toBe(true);
  });
});

describe('storedBlocks (level 0)', () => {
  it('is DEFLATE that zlib reads back to the same bytes, in blocks of at most 65,535', () => {
    for (const length of [0, 1, 300, 0xffff, 0x10000, 3 * 0xffff + 7]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
      const body = storedBlocks(data);
      expect(Buffer.from(inflateRawSync(body)).equals(Buffer.from(data)), `${length} bytes`).toBe(true);
      expect(body.length, `${length} bytes`).toBe(length + 5 * Math.max(1, Math.ceil(length / 0xffff)));
      expect(body[body.length - (length % 0xffff || (length ? 0xffff : 0)) - 5], 'the last block is marked final').toBe(1);
    }
  });
});

describe('reusedDeflate (one compressor, reset for each entry)', () => {
  it('gives the bytes deflateRawSync gives, entry after entry', () => {
    const deflate = reusedDeflate(zlib, 6);
    expect(deflate, "this Node's zlib lacks what it uses: every entry would take deflateRawSync's longer way").not.toBeNull();
    let seed = 7;
    const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    // (empty; small; slide-like; and incompressible bytes whose output fills more than one buffer)
    const inputs = [new Uint8Array(0), new TextEncoder().encode('<a:t>سوريا</a:t>'), ...parts().values()].slice(0, 40);
    inputs.push(random(200_000), new TextEncoder().encode('again after a long one'), random(65_536));
    for (const [i, data] of inputs.entries()) expect(Buffer.from(deflate!(data)).equals(deflateRawSync(data, { level: 6 })), `input ${i}`).toBe(true);
  });

  it('gives each entry its bytes in an ArrayBuffer of their own, which the worker can transfer', () => {
    // (a slice of Node's shared pool, as Buffer.from makes a small one, cannot be transferred from Node 21 on)
    const deflate = reusedDeflate(zlib, 6)!;
    let seed = 3;
    const incompressible = Uint8Array.from({ length: 150_000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    for (const data of [new Uint8Array(0), new TextEncoder().encode('<a:t>سوريا</a:t>'), incompressible]) {
      const body = deflate(data);
      expect([body.byteOffset, body.buffer.byteLength], `${data.length} bytes`).toEqual([0, body.byteLength]);
      expect(() => structuredClone(body, { transfer: [body.buffer as ArrayBuffer] })).not.toThrow();
    }
  });

  it('is made once, and given up for good where it cannot be made or once it throws', () => {
    const data = new TextEncoder().encode('<a:t>التحالف الدولي</a:t>'.repeat(20));
    const expected = deflateRawSync(data, { level: 6 });
    let made = 0;
    const none = compressorHere(zlib, 6, () => (made++, null));
    for (let i = 0; i < 3; i++) expect(Buffer.from(none(data)).equals(expected)).toBe(true);
    expect(made, 'a compressor that cannot be made is not tried again for every part').toBe(1);
    let calls = 0;
    const failing = compressorHere(zlib, 6, () => (made++, () => (calls++, (() => { throw new Error('zlib failed'); })())));
    for (let i = 0; i < 3; i++) expect(Buffer.from(failing(data)).equals(expected)).toBe(true);
    expect([made, calls]).toEqual([2, 1]);
  });

  it('throws for an entry once zlib has failed (the stream destroyed), and the entries then take deflateRawSync', () => {
    // (a zlib whose compressor fails after its first entry, the sample it is checked with)
    class Failing extends zlib.DeflateRaw {
      constructor(options: zlib.ZlibOptions) {
        super(options);
        const handle = (this as unknown as { _handle: { writeSync: (...args: unknown[]) => void } })._handle;
        const write = handle.writeSync.bind(handle);
        let calls = 0;
        handle.writeSync = (...args: unknown[]) => {
          write(...args);
          if (++calls > 1) this.destroy();
        };
      }
    }
    const failing = { ...zlib, DeflateRaw: Failing } as unknown as typeof zlib;
    const data = new TextEncoder().encode('<a:t>سوريا</a:t>'.repeat(30));
    expect(() => reusedDeflate(failing, 6)!(data)).toThrow();
    const here = compressorHere(zlib, 6, () => reusedDeflate(failing, 6));
    for (let i = 0; i < 2; i++) expect(Buffer.from(here(data)).equals(deflateRawSync(data, { level: 6 }))).toBe(true);
  });

  it('is null where zlib has not the internals it uses (entries then take deflateRawSync)', () => {
    const without = { ...zlib, DeflateRaw: class { close() {} } } as unknown as typeof zlib;
    expect(reusedDeflate(without, 6)).toBeNull();
  });

  it('runs in the worker too, one compressor for every part, and falls back there as here', async () => {
    // (one batch, as the deflater sends it; the worker answers with its entries, and here with how
    // many compressors were made: deflateRawSync makes its own from zlib's inner class, unseen)
    const counting = `const z = require('node:zlib'); const Made = z.DeflateRaw; let made = 0;
      z.DeflateRaw = class extends Made { constructor(o) { super(o); made++; } };
      const { parentPort: port } = require('node:worker_threads'); const post = port.postMessage.bind(port);
      port.postMessage = (message, transfer) => post({ ...message, made }, transfer);`;
    const compressInWorker = async (prelude: string, datas: Uint8Array[]) => {
      const worker = new Worker(`${prelude}\n${WORKER_SOURCE}`, { eval: true });
      try {
        const answer = new Promise<{ out: Deflated[]; made: number }>((resolve, reject) => worker.once('message', resolve).once('error', reject));
        worker.postMessage({ id: 0, claim: new Int32Array(new SharedArrayBuffer(4)), datas });
        return await answer;
      } finally {
        await worker.terminate();
      }
    };
    const datas = [...parts().values()].slice(0, 3);
    const same = (out: Deflated[]) => datas.every((data, i) => Buffer.from(out[i]!.body).equals(deflateRawSync(data, { level: 6 })));
    const reused = await compressInWorker(counting, datas);
    expect(same(reused.out)).toBe(true);
    expect(reused.made, 'one compressor for the three parts').toBe(1);
    // a zlib whose compressor cannot be made: every part by deflateRawSync, the same bytes
    const broken = await compressInWorker(`${counting}\nz.DeflateRaw = class { constructor() { throw new Error('no compressor here'); } };`, datas);
    expect(same(broken.out)).toBe(true);
  });

});
