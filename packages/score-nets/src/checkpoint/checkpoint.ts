import { tf } from '../backend/tf.js';
import { type WeightEma, weightEma } from '../ema/index.js';
import { type BuiltNetwork, type NetworkOptions, networkOf } from '../unet/network-of.js';
import { isUnetOptions } from '../unet/unet-options.js';
import { type TrainerState, disposeTrainerState } from '../training/index.js';
import { CheckpointError } from './checkpoint-error.js';

/** `modelTopology` of a saved score network: what rebuilds it before its weights are loaded. */
export interface ScoreNetTopology {
  /** `mlp` (`mlpScoreNetwork`) or `unet` (`unetScoreNetwork`, whose options carry `type: 'unet'` too). */
  readonly type: 'mlp' | 'unet';
  readonly options: NetworkOptions;
}

/**
 * The `format` field of a score-net checkpoint's model.json. Version 2: the Fourier frequencies,
 * which a checkpoint does not store but redraws from its seed, come from core's keyed RNG (issue
 * 13); a checkpoint of the first format would get other frequencies, so it is refused (retrain).
 */
export const CHECKPOINT_FORMAT = 'scoreflow-score-net/2';


/** What a checkpoint holds besides the network. */
export interface CheckpointExtras {
  /** Free-form JSON (e.g. the training config), stored in `userDefinedMetadata.metadata`. */
  readonly metadata?: Record<string, unknown>;
  /** The optimiser state that resumes training, stored as weights `optimizer/0, 1, ...`. */
  readonly trainer?: TrainerState;
  /**
   * The EMA of the weights (the weights to sample with), stored as weights `ema/0, ema/1, ...`
   * in the order of `network.variables`, its decay, warm-up and update count in `userDefinedMetadata.ema`.
   */
  readonly ema?: WeightEma;
}

/** Which weights `loadNetwork` puts into the network: the EMA (for sampling) or the raw trained ones (for resuming). */
export type CheckpointWeights = 'ema' | 'raw';

/** Options of `loadNetwork`. */
export interface LoadNetworkOptions {
  /**
   * `ema` (the default) loads the EMA weights into `network` when the checkpoint has them, and
   * the raw weights otherwise; `raw` always loads the raw weights (what `trainer` resumes from).
   */
  readonly weights?: CheckpointWeights;
}

/** `userDefinedMetadata` of a score-net checkpoint. */
interface StoredMetadata {
  metadata?: Record<string, unknown>;
  trainer?: { steps: number; names: string[]; adamPowers?: [number, number] };
  ema?: { decay: number; count: number; updates: number; warmup: boolean };
}

/**
 * Saves `network` through a tf.io handler (TF.js format: a topology, weight specs named
 * `w0, w1, ...` in the order of `network.variables`, then the trainer's `optimizer/i` and the
 * EMA's `ema/i`, one weight buffer), with the extras.
 */
export async function saveNetwork(network: BuiltNetwork, handler: tf.io.IOHandler, extras: CheckpointExtras = {}): Promise<tf.io.SaveResult> {
  if (handler.save === undefined) throw new CheckpointError('saveNetwork: the handler cannot save.');
  const { metadata = {}, trainer, ema } = extras;
  if (ema !== undefined && ema.weights.length !== network.variables.length) {
    throw new CheckpointError(`saveNetwork: the EMA holds ${ema.weights.length} weight tensors, the network ${network.variables.length}.`);
  }
  const optimizer = trainer?.optimizer ?? [];
  const averaged = ema?.weights ?? [];
  const { data, specs } = await tf.io.encodeWeights([
    ...network.variables.map((tensor, i) => ({ name: `w${i}`, tensor })),
    ...optimizer.map(({ tensor }, i) => ({ name: `optimizer/${i}`, tensor })),
    ...averaged.map((tensor, i) => ({ name: `ema/${i}`, tensor })),
  ]);
  const stored: StoredMetadata = {
    metadata,
    ...(trainer && { trainer: { steps: trainer.steps, names: optimizer.map((w) => w.name), ...(trainer.adamPowers && { adamPowers: [...trainer.adamPowers] as [number, number] }) } }),
    ...(ema && { ema: { decay: ema.decay, count: averaged.length, updates: ema.updates, warmup: ema.warmup } }),
  };
  const modelTopology: ScoreNetTopology = { type: isUnetOptions(network.options) ? 'unet' : 'mlp', options: network.options };
  return handler.save({
    format: CHECKPOINT_FORMAT,
    generatedBy: `TensorFlow.js tfjs-core v${tf.version_core}`,
    modelTopology: modelTopology as unknown as Record<string, unknown>,
    weightSpecs: specs,
    weightData: data,
    userDefinedMetadata: stored as Record<string, object>,
  });
}

/**
 * A loaded checkpoint. The caller owns the network, the EMA and the trainer state's tensors
 * (`network.dispose()`, `ema?.dispose()`, `disposeTrainerState(trainer)`).
 *
 * To sample, use `network` as loaded by default (EMA weights when saved). To resume training,
 * load with `{ weights: 'raw' }`: `network` then holds the trained weights, and
 * `createTrainer(network, sde, { ...options, resume: trainer })` with
 * `train(network, sde, data, { ..., trainer, ema })` continue exactly where the saved run stopped.
 */
export interface LoadedCheckpoint {
  /** The network, holding the weights that `weights` names. */
  readonly network: BuiltNetwork;
  /** Which weights `network` holds: `ema` only when asked for (the default) and saved. */
  readonly weights: CheckpointWeights;
  readonly metadata: Record<string, unknown>;
  /** The optimiser state, when saved; it resumes from the raw weights. */
  readonly trainer?: TrainerState;
  /**
   * The saved weight EMA, when there is one: an EMA of `network` (its `update` averages in
   * `network`'s weights) holding the saved averages, with the saved decay, warm-up and update count.
   */
  readonly ema?: WeightEma;
}

/** Throws a `CheckpointError` when the weight data hold fewer bytes than `specs` describe (a file cut short). */
function checkWeightBytes(data: tf.io.WeightData, specs: readonly tf.io.WeightsManifestEntry[]): void {
  if (specs.some((spec) => spec.quantization !== undefined || spec.dtype === 'string')) return; // sizes not known from the shape (never saved here)
  const expected = specs.reduce((bytes, spec) => bytes + tf.util.sizeFromShape(spec.shape) * tf.util.bytesPerElement(spec.dtype), 0);
  const held = new tf.io.CompositeArrayBuffer(data).byteLength;
  if (held < expected) throw new CheckpointError(`loadNetwork: the weight data hold ${held} bytes, the ${specs.length} weights listed need ${expected}; is the file cut short?`);
}

/** `error` as a `CheckpointError` (`loadNetwork: MESSAGE`, caused by it), unless it is one already. */
function asCheckpointError(error: unknown): unknown {
  return error instanceof Error && !(error instanceof CheckpointError) ? new CheckpointError(`loadNetwork: ${error.message}`, { cause: error }) : error;
}

/** Weight `name` of `weights`, checked to have `shape` (it stays in `weights`). */
function take(weights: tf.NamedTensorMap, name: string, shape: readonly number[]): tf.Tensor {
  const w = weights[name];
  if (w === undefined || !tf.util.arraysEqual(w.shape, [...shape])) {
    throw new CheckpointError(`loadNetwork: weight ${name} must have shape [${shape.join(', ')}], got ${w ? `[${w.shape.join(', ')}]` : 'none'}.`);
  }
  return w;
}

/**
 * Loads a network saved by `saveNetwork`, with its metadata, trainer state and weight EMA.
 * `options.weights` chooses what goes into `network` (see `LoadNetworkOptions`). Whatever keeps
 * the checkpoint from loading (the handler's failure, another format, weight data cut short or of
 * other shapes, network options out of range) rejects with a `CheckpointError`.
 */
export async function loadNetwork(handler: tf.io.IOHandler, options: LoadNetworkOptions = {}): Promise<LoadedCheckpoint> {
  if (handler.load === undefined) throw new CheckpointError('loadNetwork: the handler cannot load.');
  const asked = options.weights ?? 'ema';
  if (asked !== 'ema' && asked !== 'raw') throw new CheckpointError(`loadNetwork: weights must be 'ema' or 'raw', got '${String(asked)}'.`);
  const artifacts = await handler.load().catch((error: unknown) => {
    throw asCheckpointError(error);
  });
  const topology = artifacts.modelTopology as unknown as ScoreNetTopology | undefined;
  const known = topology?.type === 'mlp' || topology?.type === 'unet';
  if (artifacts.format !== CHECKPOINT_FORMAT || !known || !artifacts.weightSpecs || !artifacts.weightData) {
    throw new CheckpointError(`loadNetwork: expected a '${CHECKPOINT_FORMAT}' checkpoint with an mlp or unet topology and weights, got format '${artifacts.format}'.`);
  }
  if ((topology.type === 'unet') !== isUnetOptions(topology.options ?? {})) {
    throw new CheckpointError(`loadNetwork: the topology's type '${topology.type}' does not match its options (a unet's options carry type: 'unet').`);
  }
  let weights: tf.NamedTensorMap;
  let network: BuiltNetwork;
  checkWeightBytes(artifacts.weightData, artifacts.weightSpecs);
  try {
    weights = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  } catch (error) {
    throw asCheckpointError(error);
  }
  try {
    network = networkOf(topology.options);
  } catch (error) {
    tf.dispose(Object.values(weights));
    throw asCheckpointError(error);
  }
  const user = (artifacts.userDefinedMetadata ?? {}) as StoredMetadata;
  const loaded: CheckpointWeights = asked === 'ema' && user.ema !== undefined ? 'ema' : 'raw';
  let trainer: TrainerState | undefined;
  let ema: WeightEma | undefined;
  try {
    trainer = user.trainer && {
      steps: user.trainer.steps,
      ...(user.trainer.adamPowers && { adamPowers: user.trainer.adamPowers }),
      optimizer: user.trainer.names.map((name, i) => {
        const tensor = weights[`optimizer/${i}`];
        if (tensor === undefined) throw new CheckpointError(`loadNetwork: the trainer state lacks weight optimizer/${i}.`);
        delete weights[`optimizer/${i}`];
        return { name, tensor };
      }),
    };
    const raw = network.variables.map((v, i) => take(weights, `w${i}`, v.shape));
    const averaged = user.ema === undefined ? undefined : network.variables.map((v, i) => take(weights, `ema/${i}`, v.shape));
    if (user.ema !== undefined && averaged !== undefined) {
      ema = weightEma(network, user.ema.decay, { warmup: user.ema.warmup, updates: user.ema.updates });
      ema.weights.forEach((w, i) => w.assign(averaged[i] as tf.Tensor));
    }
    const chosen = loaded === 'ema' && averaged !== undefined ? averaged : raw;
    network.variables.forEach((v, i) => v.assign(chosen[i] as tf.Tensor));
  } catch (error) {
    network.dispose();
    ema?.dispose();
    if (trainer) disposeTrainerState(trainer);
    throw asCheckpointError(error);
  } finally {
    tf.dispose(Object.values(weights));
  }
  return { network, weights: loaded, metadata: user.metadata ?? {}, ...(trainer && { trainer }), ...(ema && { ema }) };
}
