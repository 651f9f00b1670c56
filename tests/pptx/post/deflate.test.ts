import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflaterFor, PARALLEL_FROM, syncDeflater, workerDeflater, type Deflated, type Deflater } from '../../../src/pptx/post/deflate.js';
import { zipEntries } from '../../../src/pptx/post/zip.js';

const DATE = new Date(Date.UTC(2025, 10, 3));

/** About 3 MB in 300 parts of slide-like XML, each different: a dozen batches for the worker. */
function parts(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (let i = 1; i <= 300; i++) {
    const text = `<p:sld><a:t>المحور ${i}</a:t>${'<a:r><a:rPr lang="ar-SA"/><a:t>نص الشريحة</a:t></a:r>'.repeat(100 + (i % 37))}</p:sld>`;
    files.set(`ppt/slides/slide${i}.xml`, new TextEncoder().encode(text));
  }
  return files;
}

async function run(deflater: Deflater, files: Map<string, Uint8Array>): Promise<Map<string, Deflated>> {
  for (const [name, data] of files) deflater.add(name, data);
  return deflater.finish();
}

describe('deflaters', () => {
  it('compress each part in a worker exactly as on the main thread', async () => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    const there = await run(workerDeflater(), files);
    expect([...there.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [name, data] of files) {
      const entry = there.get(name)!;
      expect(Buffer.from(entry.body).equals(Buffer.from(here.get(name)!.body)), name).toBe(true);
      expect(entry.size).toBe(data.length);
      expect(Buffer.from(inflateRawSync(entry.body)).equals(Buffer.from(data))).toBe(true);
    }
    expect(Buffer.from(zipEntries(there, DATE)).equals(Buffer.from(zipEntries(here, DATE)))).toBe(true);
  });

  it('uses level 6, as the package always has', async () => {
    const data = parts().get('ppt/slides/slide1.xml')!;
    const entry = (await run(syncDeflater(), new Map([['a.xml', data]]))).get('a.xml')!;
    expect(Buffer.from(entry.body).equals(deflateRawSync(data, { level: 6 }))).toBe(true);
  });

  // A worker that takes a batch (sets its claim) and then fails leaves it to the fallback.
  const takeThen = (then: string) => `require('node:worker_threads').parentPort.on('message', ({ claim }) => { Atomics.store(claim, 0, 1); ${then} })`;
  it.each([
    ['a worker that fails to start', `throw new Error('no worker today')`],
    ['a worker that takes a batch and throws', takeThen(`throw new Error('broken')`)],
    ['a worker that takes a batch and exits', takeThen('process.exit(3)')],
  ])('finishes on the main thread after %s', async (_label, source) => {
    const files = parts();
    const here = await run(syncDeflater(), files);
    const deflater = workerDeflater(source);
    for (const [name, data] of files) deflater.add(name, data);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the worker has started, and failed
    const there = await deflater.finish();
    expect(there.size).toBe(files.size);
    for (const [name, entry] of there) expect(Buffer.from(entry.body).equals(Buffer.from(here.get(name)!.body)), name).toBe(true);
  });

  it('still finishes when the worker takes every batch before the main thread looks', async () => {
    const files = parts();
    const deflater = workerDeflater();
    for (const [name, data] of files) deflater.add(name, data);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the worker is well ahead
    expect((await deflater.finish()).size).toBe(files.size);
  });

  it('can be closed half-way, and does not keep the process alive', async () => {
    const deflater = workerDeflater();
    deflater.add('a.xml', parts().get('ppt/slides/slide1.xml')!);
    deflater.close();
    // nothing to assert beyond this test ending: a worker left running would hold vitest's process
  });

  it('uses a worker only for large packages', async () => {
    const small = deflaterFor(PARALLEL_FROM - 1);
    const large = deflaterFor(PARALLEL_FROM);
    expect([small.threads, large.threads]).toEqual(['main', 'worker']);
    small.add('a.xml', new Uint8Array([60, 97, 47, 62]));
    large.add('a.xml', new Uint8Array([60, 97, 47, 62]));
    expect((await small.finish()).get('a.xml')?.size).toBe(4);
    expect((await large.finish()).get('a.xml')?.size).toBe(4);
  });
});
