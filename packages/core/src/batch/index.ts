export { type ParticleMetadata, PARTICLE_COLUMNS, particleSchema, positionType } from './schema.js';
export { type ParticleBatch, type ParticleBatchInit, makeParticleBatch, rangeIds } from './particle-batch.js';
export { dimOf, idsOf, labelsOf, metadataOf, positionsOf, stagesOf, stepsOf, timesOf, weightsOf } from './accessors.js';
export { STAGE_COLUMNS, type StageTagger, stageTagger } from './stage-columns.js';
export { concatParticleBatches } from './concat-batches.js';
export { checkParticleBatch, isParticleBatch } from './is-particle-batch.js';
export { ParticleBatchError } from './particle-batch-error.js';
