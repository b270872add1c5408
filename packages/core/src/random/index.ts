export { philox4x32 } from './philox.js';
export { Xoshiro128 } from './xoshiro128.js';
export { ZIGGURAT_TABLES, fillNormals, fillUniforms, zigguratEdges } from './ziggurat.js';
export { type DrawKey, ID_BLOCK_SIZE, type ParticleIds, type Rng, compactIds, createRng, deriveSeed, streamId } from './rng.js';
export { counterKey, counterUniform, counterWords } from './counter-words.js';
export { counterNormals, counterUniforms } from './counter-draws.js';
