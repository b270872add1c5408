import { describe, expect, it } from 'vitest';
import { ChunkMismatchError, HEADER_ROOM, Reassembler, sha256Hex, splitChunks } from './index.js';

/** Deterministic bytes (a linear congruential sequence), so a failure can be replayed. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('splitChunks(payload, maxPayload)', () => {
  it('cuts 16 MiB into pieces that each fit a 1 MiB message with room for the headers', () => {
    const payload = bytes(16 << 20, 1);
    const chunks = splitChunks(payload, 1 << 20);
    expect(chunks.length).toBe(Math.ceil((16 << 20) / ((1 << 20) - HEADER_ROOM)));
    for (const chunk of chunks) expect(chunk.data.length).toBeLessThanOrEqual((1 << 20) - HEADER_ROOM);
    expect(chunks.reduce((sum, chunk) => sum + chunk.data.length, 0)).toBe(payload.length);
    expect(new Set(chunks.map((chunk) => chunk.digest))).toEqual(new Set([sha256Hex(payload)]));
  });

  it('gives an empty payload one empty piece', () => {
    expect(splitChunks(new Uint8Array(0), 4096).map((chunk) => [chunk.index, chunk.count, chunk.data.length])).toEqual([[0, 1, 0]]);
  });

  it('refuses a max_payload with no room for the headers, naming it', () => {
    expect(() => splitChunks(new Uint8Array(10), HEADER_ROOM)).toThrow(/maxPayload must be an integer > 1024/);
  });
});

describe('Reassembler', () => {
  it('joins pieces of several payloads given shuffled and repeated, each payload once, byte for byte', () => {
    const payloads = [0, 1, 2, 3].map((key) => bytes(5000 + 977 * key, key + 7));
    const pieces = payloads.flatMap((payload, key) => splitChunks(payload, HEADER_ROOM + 700).map((chunk) => ({ ...chunk, key })));
    const sent = [...pieces, ...pieces.slice(0, 9)];
    // A fixed shuffle (Fisher-Yates on a seeded sequence).
    let state = 42;
    for (let i = sent.length - 1; i > 0; i--) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const j = state % (i + 1);
      [sent[i], sent[j]] = [sent[j], sent[i]];
    }
    const reassembler = new Reassembler();
    const out = new Map<number, Uint8Array>();
    for (const piece of sent) {
      const whole = reassembler.add(piece);
      if (whole !== undefined) {
        expect(out.has(piece.key)).toBe(false);
        out.set(piece.key, whole);
      }
    }
    expect([...out.keys()].sort()).toEqual([0, 1, 2, 3]);
    payloads.forEach((payload, key) => expect(out.get(key)).toEqual(payload));
    expect(reassembler.duplicates).toBe(9);
    expect(reassembler.pending()).toEqual([]);
  });

  it('throws ChunkMismatchError when the joined bytes do not match the digest', () => {
    const [first, second] = splitChunks(bytes(3000, 3), HEADER_ROOM + 2000);
    const reassembler = new Reassembler();
    reassembler.add({ ...first, key: 5 });
    const corrupt = second.data.slice();
    corrupt[0] ^= 1;
    expect(() => reassembler.add({ ...second, data: corrupt, key: 5 })).toThrow(ChunkMismatchError);
  });

  it('throws ChunkMismatchError when two pieces disagree on the count', () => {
    const [first, second] = splitChunks(bytes(3000, 3), HEADER_ROOM + 2000);
    const reassembler = new Reassembler();
    reassembler.add({ ...first, key: 1 });
    expect(() => reassembler.add({ ...second, count: 3, key: 1 })).toThrow(/a chunk says 3 pieces/);
  });
});
