import { crc32 } from 'node:zlib';

/** A PNG chunk: its length, type, data and checksum (the CRC-32 of type and data). */
export function pngChunk(type: string, data: Uint8Array | string): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  return chunk;
}

/** The PNG with a text chunk (tEXt, its checksum right) before its end chunk: the same picture, other bytes. */
export function withText(png: Uint8Array, text: string): Buffer {
  const end = png.length - 12; // (IEND: 12 bytes)
  return Buffer.concat([png.subarray(0, end), pngChunk('tEXt', `Comment\0${text}`), png.subarray(end)]);
}
