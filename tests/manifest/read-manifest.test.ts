/**
 * readManifest (mujaz diff) checks every part of a .pptx against its CRC before it trusts the
 * manifest inside: by Node's zlib for a whole deck, and through JSZip, which words the damage,
 * for any other.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildDeck, readManifest } from '../../src/index.js';
import { MAX_BUILD_BYTES } from '../../src/api.js';
import { REPO } from '../helpers/project.js';
import { implausibleZip, verifiedEntry, writeZip } from '../../src/pptx/post/zip.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mujaz-read-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readManifest', () => {
  it('refuses a device unread (/dev/zero never ends), a folder, and a file larger than any deck; reads a pipe to its end', async () => {
    await expect(readManifest('/dev/zero')).rejects.toThrow('cannot read /dev/zero: it is a device, not a file; give a .pptx that mujaz built, or the .manifest.json beside it, as a file');
    await expect(readManifest(dir)).rejects.toThrow(`cannot read ${dir}: it is a folder`);
    await expect(readManifest(path.join(dir, 'none.pptx'))).rejects.toThrow('it does not exist; check the path');
    const huge = path.join(dir, 'huge.pptx');
    writeFileSync(huge, 'PK');
    truncateSync(huge, MAX_BUILD_BYTES + 1); // (sparse: nothing written)
    await expect(readManifest(huge)).rejects.toThrow('it is larger than 256 MB, more than any deck mujaz builds');
    // a named pipe nothing writes to: read at once as empty, not waited on for good
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    await expect(readManifest(fifo)).rejects.toThrow(`cannot read ${fifo}: nothing was written to the pipe`);
    // a pipe a program writes into (diff <(git show …) …, or /dev/stdin), read to its end
    const built = await buildDeck({ root: REPO, audience: 'briefing' });
    const manifest = path.join(dir, 'briefing.manifest.json');
    writeFileSync(manifest, JSON.stringify(built.manifest));
    // (a shell's pipe: Node's own stdio pipes are sockets, which /dev/stdin does not open)
    const piped = spawnSync('sh', ['-c', 'cat "$2" | "$0" "$1" diff /dev/stdin "$2"', process.execPath, path.join(REPO, 'dist/bin/mujaz.js'), manifest], { encoding: 'utf8' });
    expect([piped.status, piped.stdout.trim()], piped.stderr).toEqual([0, 'no differences']);
  });

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

  it('refuses a zip that lists one entry many times, or more than 2 GB, before JSZip inflates it', async () => {
    // a zip bomb: one deflated entry of 50 MB of zeros, listed again and again in the directory
    const bomb = await writeZip(new Map([['docProps/custom.xml', new TextEncoder().encode('<a/>')], ['z', new Uint8Array(50 * 1024 * 1024)]]), new Date(Date.UTC(2025, 0, 1)));
    const zip = Buffer.from(bomb);
    const end = zip.length - 22;
    const directory = zip.readUInt32LE(end + 16);
    const second = directory + 46 + 'docProps/custom.xml'.length; // (the central header of "z")
    const header = zip.subarray(second, end);
    const copies = 200;
    const listed = Buffer.concat([zip.subarray(0, end), ...Array.from({ length: copies }, () => header), zip.subarray(end)]);
    listed.writeUInt16LE(2 + copies, listed.length - 22 + 8);
    listed.writeUInt16LE(2 + copies, listed.length - 22 + 10);
    listed.writeUInt32LE(zip.readUInt32LE(end + 12) + copies * header.length, listed.length - 22 + 12);
    expect(implausibleZip(listed)).toBe('two of its entries stand at one place');
    const file = path.join(dir, 'bomb.pptx');
    writeFileSync(file, listed);
    const load = vi.spyOn(JSZip, 'loadAsync');
    try {
      await expect(readManifest(file)).rejects.toThrow(/cannot read .*bomb\.pptx: the \.pptx is damaged \(two of its entries stand at one place\); build the deck again/);
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
    // a directory that says its entries hold more than 2 GB in all
    const huge = Buffer.from(bomb);
    huge.writeUInt32LE(0xfffffff0, second + 24);
    expect(verifiedEntry(huge, 'docProps/custom.xml')).toBeUndefined();
    expect(implausibleZip(huge)).toBe('its entries would take more than 2 GB');
    // a deck as mujaz writes it is plausible; so is one whose sizes and places stand in zip64
    // fields (0xFFFFFFFF in the directory, as some writers put for every entry)
    expect(implausibleZip(bomb)).toBeUndefined();
    const zip64 = Buffer.from(bomb);
    for (let at = directory, i = 0; i < 2; i++) {
      for (const field of [20, 24, 42]) zip64.writeUInt32LE(0xffffffff, at + field);
      at += 46 + zip64.readUInt16LE(at + 28) + zip64.readUInt16LE(at + 30) + zip64.readUInt16LE(at + 32);
    }
    expect(implausibleZip(zip64)).toBeUndefined();
  });
});
