import { AsyncByteQueue } from 'apache-arrow';

/**
 * An Arrow writer sink that hands every chunk to `onChunk` as soon as the writer produces it,
 * instead of queueing it (Arrow's `AsyncByteQueue` buffers until read). Lets a writer stream
 * batches to a file descriptor or an array synchronously.
 */
export class CallbackByteSink extends AsyncByteQueue {
  constructor(private readonly onChunk: (chunk: Uint8Array) => void) {
    super();
  }
  override write(value: ArrayBufferView | ArrayBufferLike | ArrayLike<number> | Iterable<number>): void {
    const chunk = ArrayBuffer.isView(value)
      ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      : new Uint8Array(value as ArrayBufferLike);
    if (chunk.byteLength > 0) this.onChunk(chunk);
  }
}
