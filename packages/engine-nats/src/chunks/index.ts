export { type Chunk, HEADER_ROOM, sha256Hex, splitChunks } from './split-chunks.js';
export { ChunkMismatchError, type KeyedChunk, Reassembler } from './reassembler.js';
