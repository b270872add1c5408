export { type ClaimMode, type OutputClaim, type OutputFolder, claimOutputFolder } from './claim-output-folder.js';
export { type FolderLock, type LockHolder, LOCK_FILE, lockFolder } from './folder-lock.js';
export { OUTPUT_FILES, outputPath, withTemporaries, writeJsonAtomic } from './output-folder.js';
export { JOURNAL_FILE, PARTICLE_FORMATS, type ParticleFormat, type ParticleOutput, openParticleOutput, particleFileName, particleOutputFiles } from './particle-output.js';
export { MANIFEST_FILE, type RunManifest, readManifest } from './run-manifest.js';
export { type LiveStatus, liveStatus } from './live-status.js';
