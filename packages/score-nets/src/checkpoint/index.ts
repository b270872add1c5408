export {
  CHECKPOINT_FORMAT,
  type CheckpointExtras,
  type CheckpointWeights,
  type LoadNetworkOptions,
  type LoadedCheckpoint,
  type ScoreNetTopology,
  loadNetwork,
  saveNetwork,
} from './checkpoint.js';
export { CheckpointError } from './checkpoint-error.js';
export { SIGNATURE_FRACTIONS, type SdeSignature, isSdeSignature, sdeMismatch, sdeSignature } from './sde-signature.js';
