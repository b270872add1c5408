/**
 * Node-only helpers (file system). Import from `@scoreflow/core/node`; the main entry runs in
 * browsers too.
 */
export { openParticleFile, readParticleBatches, readParticleTable } from './particle-file.js';
export { type AtomicFile, createAtomicFile, writeFileAtomic } from './atomic-file.js';
export { journalToParticleFile } from './finish-journal.js';
export { openNoFollow } from './open-no-follow.js';
export { type ParticleJournalOptions, openParticleJournal } from './particle-journal.js';
