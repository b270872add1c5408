import { tf } from '../backend/tf.js';
import { type MlpOptions, type MlpScoreNetwork, mlpScoreNetwork } from '../network/mlp.js';
import { type TrainerState, disposeTrainerState } from '../training/trainer.js';

/** `modelTopology` of a saved score network: what rebuilds it before its weights are loaded. */
export interface ScoreNetTopology {
  readonly type: 'mlp';
  readonly options: MlpOptions;
}

/** The `format` field of a score-net checkpoint's model.json. */
export const CHECKPOINT_FORMAT = 'scoreflow-score-net';

/** Thrown when a checkpoint cannot be read as a score network. */
export class CheckpointError extends Error {
  override readonly name = 'CheckpointError';
}

/** What a checkpoint holds besides the network. */
export interface CheckpointExtras {
  /** Free-form JSON (e.g. the training config), stored in `userDefinedMetadata.metadata`. */
  readonly metadata?: Record<string, unknown>;
  /** The optimiser state that resumes training, stored as weights `optimizer/0, 1, ...`. */
  readonly trainer?: TrainerState;
}

/**
 * Saves `network` through a tf.io handler (TF.js format: a topology, weight specs named
 * `w0, w1, ...` in the order of `network.variables`, one weight buffer), with the extras.
 */
export async function saveNetwork(network: MlpScoreNetwork, handler: tf.io.IOHandler, extras: CheckpointExtras = {}): Promise<tf.io.SaveResult> {
  if (handler.save === undefined) throw new CheckpointError('saveNetwork: the handler cannot save.');
  const { metadata = {}, trainer } = extras;
  const optimizer = trainer?.optimizer ?? [];
  const { data, specs } = await tf.io.encodeWeights([
    ...network.variables.map((tensor, i) => ({ name: `w${i}`, tensor })),
    ...optimizer.map(({ tensor }, i) => ({ name: `optimizer/${i}`, tensor })),
  ]);
  const trainerInfo = trainer && { steps: trainer.steps, names: optimizer.map((w) => w.name), adamPowers: trainer.adamPowers };
  const modelTopology: ScoreNetTopology = { type: 'mlp', options: network.options };
  return handler.save({
    format: CHECKPOINT_FORMAT,
    generatedBy: `TensorFlow.js tfjs-core v${tf.version_core}`,
    modelTopology: modelTopology as unknown as Record<string, unknown>,
    weightSpecs: specs,
    weightData: data,
    userDefinedMetadata: { metadata, ...(trainerInfo && { trainer: trainerInfo }) } as Record<string, object>,
  });
}

/** A loaded checkpoint: the caller owns the network and the trainer state's tensors. */
export interface LoadedCheckpoint {
  readonly network: MlpScoreNetwork;
  readonly metadata: Record<string, unknown>;
  readonly trainer?: TrainerState;
}

/** Loads a network saved by `saveNetwork`, with its metadata and trainer state. */
export async function loadNetwork(handler: tf.io.IOHandler): Promise<LoadedCheckpoint> {
  if (handler.load === undefined) throw new CheckpointError('loadNetwork: the handler cannot load.');
  const artifacts = await handler.load();
  const topology = artifacts.modelTopology as unknown as ScoreNetTopology | undefined;
  if (artifacts.format !== CHECKPOINT_FORMAT || topology?.type !== 'mlp' || !artifacts.weightSpecs || !artifacts.weightData) {
    throw new CheckpointError(`loadNetwork: expected a '${CHECKPOINT_FORMAT}' checkpoint with an mlp topology and weights, got format '${artifacts.format}'.`);
  }
  const network = mlpScoreNetwork(topology.options);
  const weights = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  const user = (artifacts.userDefinedMetadata ?? {}) as { metadata?: Record<string, unknown>; trainer?: { steps: number; names: string[]; adamPowers?: [number, number] } };
  const trainer: TrainerState | undefined = user.trainer && {
    steps: user.trainer.steps,
    ...(user.trainer.adamPowers && { adamPowers: user.trainer.adamPowers }),
    optimizer: user.trainer.names.map((name, i) => {
      const tensor = weights[`optimizer/${i}`];
      if (tensor === undefined) throw new CheckpointError(`loadNetwork: the trainer state lacks weight optimizer/${i}.`);
      delete weights[`optimizer/${i}`];
      return { name, tensor };
    }),
  };
  try {
    network.variables.forEach((v, i) => {
      const w = weights[`w${i}`];
      if (w === undefined || !tf.util.arraysEqual(w.shape, v.shape)) {
        throw new CheckpointError(`loadNetwork: weight w${i} must have shape [${v.shape.join(', ')}], got ${w ? `[${w.shape.join(', ')}]` : 'none'}.`);
      }
      v.assign(w);
    });
  } catch (error) {
    network.dispose();
    if (trainer) disposeTrainerState(trainer);
    throw error;
  } finally {
    tf.dispose(Object.values(weights));
  }
  return { network, metadata: user.metadata ?? {}, ...(trainer && { trainer }) };
}
