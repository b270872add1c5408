export { type ParticleMetadata, PARTICLE_COLUMNS, particleSchema, positionType } from './schema.js';
export { type ParticleBatch, type ParticleBatchInit, makeParticleBatch, rangeIds } from './particle-batch.js';
export { dimOf, idsOf, labelsOf, metadataOf, positionsOf, stepsOf, timesOf } from './accessors.js';
