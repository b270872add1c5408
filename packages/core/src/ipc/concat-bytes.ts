/**
 * The bytes of `chunks` one after another in one new `Uint8Array` (the IPC encoder's buffer, a
 * message's reassembled chunks). The chunks are copied, never aliased.
 *
 * @example
 * concatBytes([new Uint8Array([1, 2]), new Uint8Array([3])]); // Uint8Array [1, 2, 3]
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  for (let k = 0, offset = 0; k < chunks.length; offset += chunks[k].byteLength, k++) bytes.set(chunks[k], offset);
  return bytes;
}
