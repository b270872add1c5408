/** One decoded frame of a GIF: the whole logical screen as RGBA after the frame is drawn, and its delay. */
export interface DecodedFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
  /** Milliseconds (the graphic control extension stores hundredths). */
  readonly delay: number;
}

/** What `decodeGif` reads: the global palette (RGB triples) and every frame. */
export interface DecodedGif {
  readonly width: number;
  readonly height: number;
  readonly palette: Uint8Array;
  readonly frames: DecodedFrame[];
}

/**
 * Decodes a GIF89a file to RGBA frames (tests only: no interlacing, no transparency, frames drawn
 * over the previous one). Follows the GIF89a specification: header, logical screen descriptor,
 * global colour table, then extension blocks (0x21; 0xf9 carries the delay) and image descriptors
 * (0x2c, optional local colour table, LZW data in sub-blocks) up to the trailer (0x3b). The LZW
 * decoder is the variable-length one of GIF (codes from minimum size + 1 up to 12 bits, clear and
 * end codes, no early change).
 */
export function decodeGif(bytes: Uint8Array): DecodedGif {
  const signature = String.fromCharCode(...bytes.subarray(0, 6));
  if (signature !== 'GIF89a' && signature !== 'GIF87a') throw new RangeError(`decodeGif: not a GIF (signature '${signature}').`);
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const width = u16(6);
  const height = u16(8);
  let at = 13;
  const tableOf = (packed: number) => {
    const table = bytes.slice(at, at + 3 * (1 << ((packed & 7) + 1)));
    at += table.length;
    return table;
  };
  const palette = bytes[10] & 0x80 ? tableOf(bytes[10]) : new Uint8Array(0);
  const screen = new Uint8ClampedArray(4 * width * height);
  const frames: DecodedFrame[] = [];
  let delay = 0;
  const subBlocks = () => {
    const parts: Uint8Array[] = [];
    while (bytes[at] !== 0) {
      parts.push(bytes.subarray(at + 1, at + 1 + bytes[at]));
      at += bytes[at] + 1;
    }
    at++;
    const data = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    parts.reduce((offset, part) => (data.set(part, offset), offset + part.length), 0);
    return data;
  };
  while (at < bytes.length && bytes[at] !== 0x3b) {
    if (bytes[at] === 0x21) {
      if (bytes[at + 1] === 0xf9) delay = 10 * u16(at + 4);
      at += 2;
      subBlocks();
    } else if (bytes[at] === 0x2c) {
      const [left, top, w, h, packed] = [u16(at + 1), u16(at + 3), u16(at + 5), u16(at + 7), bytes[at + 9]];
      if (packed & 0x40) throw new RangeError('decodeGif: interlaced frames are not decoded.');
      at += 10;
      const colours = packed & 0x80 ? tableOf(packed) : palette;
      const minCodeSize = bytes[at++];
      const indices = lzwDecode(minCodeSize, subBlocks(), w * h);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const index = indices[y * w + x];
          const to = 4 * ((top + y) * width + left + x);
          screen.set([colours[3 * index], colours[3 * index + 1], colours[3 * index + 2], 255], to);
        }
      }
      frames.push({ width, height, data: screen.slice(), delay });
      delay = 0;
    } else {
      throw new RangeError(`decodeGif: unexpected block 0x${bytes[at].toString(16)} at byte ${at}.`);
    }
  }
  return { width, height, palette, frames };
}

/** GIF's LZW: `count` colour indices from the data of one image (`minCodeSize` from its first byte). */
function lzwDecode(minCodeSize: number, data: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(count);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const prefix = new Uint16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const stack = new Uint8Array(4097);
  for (let code = 0; code < clear; code++) suffix[code] = first[code] = code;
  let size = minCodeSize + 1;
  let next = end + 1;
  let old = -1;
  let bits = 0;
  let accumulator = 0;
  let pos = 0;
  let written = 0;
  while (written < count) {
    while (bits < size && pos < data.length) {
      accumulator |= data[pos++] << bits;
      bits += 8;
    }
    if (bits < size) throw new RangeError(`decodeGif: the image data end after ${written} of ${count} pixels.`);
    const code = accumulator & ((1 << size) - 1);
    accumulator >>>= size;
    bits -= size;
    if (code === clear) {
      size = minCodeSize + 1;
      next = end + 1;
      old = -1;
      continue;
    }
    if (code === end) break;
    if (old === -1) {
      out[written++] = suffix[code];
      old = code;
      continue;
    }
    if (code > next) throw new RangeError(`decodeGif: LZW code ${code} before its entry ${next}.`);
    // The string of `code`, last character first; a code not yet in the table (KwKwK) is old's string plus its first character.
    let depth = 0;
    let c = code;
    if (code === next) {
      stack[depth++] = first[old];
      c = old;
    }
    while (c >= clear) {
      stack[depth++] = suffix[c];
      c = prefix[c];
    }
    stack[depth++] = c;
    while (depth > 0 && written < count) out[written++] = stack[--depth];
    if (next < 4096) {
      prefix[next] = old;
      suffix[next] = c;
      first[next] = first[old];
      next++;
      if (next === 1 << size && size < 12) size++;
    }
    old = code;
  }
  return out;
}
