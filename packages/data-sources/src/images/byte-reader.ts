/** Reads a stream of byte chunks in pieces of the sizes asked for. */
export interface ByteReader {
  /** The next `n` bytes: fewer only where the stream ends. */
  read(n: number): Promise<Uint8Array>;
  /** Stops the stream (releasing its file). */
  close(): Promise<void>;
}

/**
 * Wraps an async stream of chunks so that it can be read `n` bytes at a time, whatever the
 * chunk sizes: a piece within one chunk is a view on it, one across chunks a copy.
 *
 * @example
 * const reader = byteReader(idxData(idx));
 * const image = await reader.read(28 * 28);
 */
export function byteReader(chunks: AsyncIterable<Uint8Array>): ByteReader {
  const iterator = chunks[Symbol.asyncIterator]();
  let current: Uint8Array = new Uint8Array(0);
  let ended = false;
  return {
    async read(n) {
      if (current.length >= n) {
        const piece = current.subarray(0, n);
        current = current.subarray(n);
        return piece;
      }
      const piece = new Uint8Array(n);
      let filled = 0;
      for (;;) {
        const take = Math.min(current.length, n - filled);
        piece.set(current.subarray(0, take), filled);
        current = current.subarray(take);
        filled += take;
        if (filled === n || ended) return piece.subarray(0, filled);
        const next = await iterator.next();
        if (next.done === true) ended = true;
        else current = next.value;
      }
    },
    async close() {
      if (!ended) await iterator.return?.();
      ended = true;
    },
  };
}
