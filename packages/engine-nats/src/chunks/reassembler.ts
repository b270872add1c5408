import { type Chunk, sha256Hex } from './split-chunks.js';

/** A piece that arrived, labelled with the payload it belongs to (a shard's key). */
export interface KeyedChunk extends Chunk {
  readonly key: number;
}

/** Raised when the pieces of a payload disagree with each other or with their digest. */
export class ChunkMismatchError extends Error {
  constructor(
    message: string,
    readonly key: number,
  ) {
    super(message);
    this.name = 'ChunkMismatchError';
  }
}

/**
 * Puts payloads back together from pieces that come in any order, any number of times
 * (at-least-once delivery: a redelivered shard publishes its pieces again). The first copy of a
 * piece is kept and later copies are dropped; a payload is returned once, when its last missing
 * piece arrives, after its SHA-256 was checked; pieces of a payload already returned are dropped.
 * A count or digest that differs from the payload's first piece, or a digest that does not match
 * the joined bytes, throws `ChunkMismatchError` (a worker that computed other bytes: the run is
 * not reproducible and must not pretend to be).
 */
export class Reassembler {
  private readonly partial = new Map<number, { count: number; digest: string; pieces: (Uint8Array | undefined)[]; have: number }>();
  private readonly done = new Set<number>();
  /** Pieces dropped because they had arrived before. */
  duplicates = 0;

  /** Adds a piece; returns the whole payload when this piece completes it, else undefined. */
  add(chunk: KeyedChunk): Uint8Array | undefined {
    if (this.done.has(chunk.key)) {
      this.duplicates++;
      return undefined;
    }
    if (!Number.isSafeInteger(chunk.count) || chunk.count < 1 || !Number.isSafeInteger(chunk.index) || chunk.index < 0 || chunk.index >= chunk.count) {
      throw new ChunkMismatchError(`payload ${chunk.key}: chunk index ${chunk.index} of ${chunk.count} is out of range`, chunk.key);
    }
    let entry = this.partial.get(chunk.key);
    if (entry === undefined) {
      entry = { count: chunk.count, digest: chunk.digest, pieces: new Array(chunk.count).fill(undefined), have: 0 };
      this.partial.set(chunk.key, entry);
    } else if (entry.count !== chunk.count || entry.digest !== chunk.digest) {
      throw new ChunkMismatchError(`payload ${chunk.key}: a chunk says ${chunk.count} pieces with digest ${chunk.digest}, an earlier one ${entry.count} with ${entry.digest}`, chunk.key);
    }
    if (entry.pieces[chunk.index] !== undefined) {
      this.duplicates++;
      return undefined;
    }
    // Keep a copy: a message's buffer may be reused by the client once it is handled.
    const copy = new Uint8Array(chunk.data.length);
    copy.set(chunk.data);
    entry.pieces[chunk.index] = copy;
    entry.have++;
    if (entry.have < entry.count) return undefined;
    this.partial.delete(chunk.key);
    const whole = join(entry.pieces as Uint8Array[]);
    const digest = sha256Hex(whole);
    if (digest !== entry.digest) throw new ChunkMismatchError(`payload ${chunk.key}: SHA-256 of the joined pieces is ${digest}, the pieces say ${entry.digest}`, chunk.key);
    this.done.add(chunk.key);
    return whole;
  }

  /** Keys with some but not all pieces. */
  pending(): number[] {
    return [...this.partial.keys()];
  }
}

function join(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    whole.set(piece, offset);
    offset += piece.length;
  }
  return whole;
}
