/**
 * Node-only helpers (file system). Import from `@scoreflow/core/node`; the main entry runs in
 * browsers too.
 */
export { openParticleFile, readParticleBatches, readParticleTable } from './particle-file.js';
