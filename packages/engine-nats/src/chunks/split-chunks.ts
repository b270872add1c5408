import { createHash } from 'node:crypto';

/** Bytes kept free in each message for its headers (message id, chunk index and count, digest). */
export const HEADER_ROOM = 1024;

/** One piece of a payload, as it travels in one NATS message. */
export interface Chunk {
  /** Position of the piece, from 0. */
  readonly index: number;
  /** How many pieces the payload has (at least 1, also for an empty payload). */
  readonly count: number;
  /** SHA-256 of the whole payload, hex (node:crypto). */
  readonly digest: string;
  /** The piece: a view of the payload, not a copy. */
  readonly data: Uint8Array;
}

/** SHA-256 of `bytes` as hex, by node:crypto (the NATS client's own SHA-256 is about 20x slower). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Cuts `payload` into pieces that each fit one message of at most `maxPayload` bytes
 * (`nc.info.max_payload`, the server's limit), leaving `HEADER_ROOM` bytes for the headers. Every
 * piece carries the digest of the whole, so that the receiver can check what it put together.
 *
 * @example
 * splitChunks(new Uint8Array(16 << 20), 1 << 20).length; // 17: 16 MiB under a 1 MiB max_payload
 */
export function splitChunks(payload: Uint8Array, maxPayload: number): Chunk[] {
  if (!Number.isSafeInteger(maxPayload) || maxPayload <= HEADER_ROOM) {
    throw new RangeError(`splitChunks: maxPayload must be an integer > ${HEADER_ROOM} (room for the headers), got ${maxPayload}.`);
  }
  const size = maxPayload - HEADER_ROOM;
  const count = Math.max(1, Math.ceil(payload.length / size));
  const digest = sha256Hex(payload);
  return Array.from({ length: count }, (_, index) => ({ index, count, digest, data: payload.subarray(index * size, Math.min(payload.length, (index + 1) * size)) }));
}
