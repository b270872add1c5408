export { type ParticleRange, planChunks } from './chunk-plan.js';
export { type ParticleBuffer, type ParticleChunk, type UploadParticlesOptions, uploadParticles } from './particle-buffer.js';
