export { CallbackByteSink } from './byte-sink.js';
export { concatBytes } from './concat-bytes.js';
export { type IpcFormat, type ParticleWriter, createParticleWriter } from './particle-writer.js';
export { particlesFromIpc, particlesToIpc } from './encode.js';
