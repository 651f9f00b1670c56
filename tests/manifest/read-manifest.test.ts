/**
 * readManifest (mujaz diff) checks every part of a .pptx against its CRC before it trusts the
 * manifest inside: by Node's zlib for a whole deck, and through JSZip, which words the damage,
 * for any other.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildDeck, readManifest } from '../../src/index.js';
import { REPO } from '../helpers/project.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-read-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readManifest', () => {
  it('reads the manifest of a whole deck without JSZip, and a damaged one is reported through it', async () => {
    const built = await buildDeck({ root: REPO, audience: 'briefing' });
    const file = path.join(dir, 'briefing.pptx');
    writeFileSync(file, built.bytes!);
    const load = vi.spyOn(JSZip, 'loadAsync');
    try {
      expect(await readManifest(file)).toEqual(built.manifest);
      expect(load).not.toHaveBeenCalled();
      // a byte in the middle of a slide's compressed data changed
      const damaged = Buffer.from(built.bytes!);
      const header = damaged.lastIndexOf(Buffer.from('PK\x03\x04', 'latin1'), damaged.indexOf('ppt/slides/slide3.xml'));
      const data = header + 30 + damaged.readUInt16LE(header + 26) + damaged.readUInt16LE(header + 28);
      const middle = data + (damaged.readUInt32LE(header + 18) >> 1);
      damaged[middle] = damaged[middle]! ^ 0xff;
      const broken = path.join(dir, 'damaged.pptx');
      writeFileSync(broken, damaged);
      await expect(readManifest(broken)).rejects.toThrow(/the \.pptx is damaged \(/);
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      load.mockRestore();
    }
  });
});
