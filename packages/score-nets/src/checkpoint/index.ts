export {
  CHECKPOINT_FORMAT,
  type CheckpointExtras,
  CheckpointError,
  type LoadedCheckpoint,
  type ScoreNetTopology,
  loadNetwork,
  saveNetwork,
} from './checkpoint.js';
