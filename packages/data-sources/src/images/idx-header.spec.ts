import { describe, expect, it } from 'vitest';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, decodeIdxHeader, idxHeaderBytes } from './idx-header.js';
import { idxBytes } from './testing/idx-bytes.js';

describe('decodeIdxHeader(file, bytes, expected)', () => {
  it('reads the big-endian magic number and dimensions of an images file', () => {
    // 0x00000803, then 60000 = 0x0000ea60, 28, 28: written out by hand.
    const bytes = Uint8Array.of(0, 0, 8, 3, 0, 0, 0xea, 0x60, 0, 0, 0, 28, 0, 0, 0, 28, 255);
    expect(decodeIdxHeader('f', bytes, IDX_IMAGES_MAGIC)).toEqual({ magic: 0x803, dims: [60000, 28, 28], bytes: 16 });
  });

  it('reads a labels file, and counts 4 bytes plus 4 per dimension', () => {
    expect(decodeIdxHeader('f', idxBytes(IDX_LABELS_MAGIC, [70000], new Uint8Array(3)), IDX_LABELS_MAGIC)).toEqual({ magic: 0x801, dims: [70000], bytes: 8 });
    expect(idxHeaderBytes(IDX_IMAGES_MAGIC)).toBe(16);
  });

  it('rejects a wrong magic number, naming the file, both numbers and their meaning', () => {
    const labels = idxBytes(IDX_LABELS_MAGIC, [10], new Uint8Array(10));
    expect(() => decodeIdxHeader('labels.idx', labels, IDX_IMAGES_MAGIC)).toThrow(
      'labels.idx: not an IDX file of images (unsigned bytes, 3 dimensions): expected magic number 0x00000803, found magic number 0x00000801.',
    );
    expect(() => decodeIdxHeader('x', Uint8Array.of(0x1f, 0x8b, 8, 0), IDX_LABELS_MAGIC)).toThrow(/found magic number 0x1f8b0800/);
    expect(() => decodeIdxHeader('x', Uint8Array.of(0, 0), IDX_LABELS_MAGIC)).toThrow(/found only 2 bytes/);
  });

  it('rejects data that ends inside the header', () => {
    expect(() => decodeIdxHeader('short', Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 1, 0, 0), IDX_IMAGES_MAGIC)).toThrow(
      'short: truncated IDX file: the header needs 16 bytes, the file has 10.',
    );
  });
});
