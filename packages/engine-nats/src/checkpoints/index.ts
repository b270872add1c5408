export { type CheckpointManifest, parseCheckpointManifest } from './checkpoint-manifest.js';
export { checkCheckpointFile, checkCheckpointName, checkpointObjects } from './checkpoint-names.js';
export { CHECKPOINT_BUCKET, type CheckpointListing, CheckpointNotFoundError, type CheckpointStore, type StoredCheckpoint, checkpointStore } from './checkpoint-store.js';
