/** What `readGifInfo` finds in a GIF file. */
export interface GifInfo {
  /** Logical screen size. */
  readonly width: number;
  readonly height: number;
  /** Image descriptors: one per frame. */
  readonly frames: number;
  /** Delay of each frame in milliseconds (from its graphic control extension; 0 where none). */
  readonly delays: number[];
}

/**
 * Reads a GIF's header, logical screen descriptor and block structure without decoding pixels:
 * enough to check a written animation (size, frame count, delays). Follows the GIF89a layout:
 * header, screen descriptor (+ global colour table), then extension blocks (0x21) and image
 * descriptors (0x2c, + local colour table, + LZW data sub-blocks) up to the trailer (0x3b).
 */
export function readGifInfo(bytes: Uint8Array): GifInfo {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new RangeError(`readGifInfo: not a GIF (signature '${signature}').`);
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const width = u16(6);
  const height = u16(8);
  let at = 13;
  if (bytes[10] & 0x80) at += 3 * (1 << ((bytes[10] & 7) + 1));
  let frames = 0;
  let delay = 0;
  const delays: number[] = [];
  const skipSubBlocks = () => {
    while (at < bytes.length && bytes[at] !== 0) at += bytes[at] + 1;
    at++;
  };
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) break;
    if (block === 0x21) {
      if (bytes[at + 1] === 0xf9) delay = 10 * u16(at + 4);
      at += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      delays.push(delay);
      delay = 0;
      const packed = bytes[at + 9];
      at += 10;
      if (packed & 0x80) at += 3 * (1 << ((packed & 7) + 1));
      at++; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new RangeError(`readGifInfo: unexpected block 0x${block.toString(16)} at byte ${at}.`);
    }
  }
  return { width, height, frames, delays };
}
