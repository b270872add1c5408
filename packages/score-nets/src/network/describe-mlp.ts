import type { MlpScoreDescription } from '@scoreflow/core';
import { MLP_DEFAULTS, type MlpScoreNetwork, type ScoreNetwork } from './mlp.js';
import { flattenTensors } from './flat-weights.js';

/** The outputs that are a score (a `velocity` network's is not). */
const SCORE_OUTPUTS: readonly string[] = ['eps', 'score', 'denoiser'] satisfies readonly MlpScoreDescription['output'][];
const isScoreOutput = (output: string): output is MlpScoreDescription['output'] => SCORE_OUTPUTS.includes(output);

/** `network` as an MLP score network, or undefined for a U-Net (whose options carry `type: 'unet'`) or another network without a time embedding. */
export function mlpOf(network: ScoreNetwork): MlpScoreNetwork | undefined {
  return 'time' in network && 'options' in network && (network.options as { type?: unknown }).type !== 'unet' ? (network as MlpScoreNetwork) : undefined;
}

/**
 * `network` as data (core's `MlpScoreDescription`), for a device that evaluates or trains it in
 * its own code (`@scoreflow/webgpu`'s WGSL MLP): its architecture, the frequencies of its time
 * embedding, and a copy of its weights flat in the order of `network.variables` (a checkpoint's
 * `w0, w1, ...`; `flattenTensors`' layout, so `assignFlatWeights` takes trained weights back).
 * `label` conditions a network with classes (default: its null label, the unconditional score).
 * Throws a `RangeError` for a network whose output is not a score of x (another output kind or width).
 */
export function describeMlp(network: MlpScoreNetwork, label = network.classes): MlpScoreDescription {
  const { options, output } = network;
  const outputs = (options as { readonly outputs?: number }).outputs ?? network.dim;
  if (!isScoreOutput(output) || outputs !== network.dim) {
    throw new RangeError(`describeMlp: only a network whose output is an eps, a score or a denoiser of x can be described, got output '${output}' of width ${outputs}.`);
  }
  if (!(Number.isInteger(label) && label >= 0 && label <= network.classes)) {
    throw new RangeError(`describeMlp: label must be an integer in [0, ${network.classes}], got ${label}.`);
  }
  return {
    kind: 'mlp',
    dim: network.dim,
    width: options.width ?? MLP_DEFAULTS.width,
    depth: options.depth ?? MLP_DEFAULTS.depth,
    activation: options.activation ?? MLP_DEFAULTS.activation,
    residual: options.residual ?? MLP_DEFAULTS.residual,
    output,
    frequencies: Float32Array.from(network.time.frequencies),
    classes: network.classes,
    labelEmbeddingSize: options.labelEmbeddingSize ?? MLP_DEFAULTS.labelEmbeddingSize,
    label,
    weights: flattenTensors(network.variables),
  };
}
