import { createRng, streamId } from '@scoreflow/core';
import type { ScoreNetwork } from '../network/mlp.js';
import { type Trainer, type TrainerOptions, adamTrainer } from '../training/trainer.js';
import { type FlowDraw, drawFlowBatch } from './draw-flow-batch.js';
import { flowLoss } from './flow-loss.js';
import { type FlowObjective, objectiveRecipe } from './flow-objective.js';

/** Options of `createFlowTrainer`: the optimiser's, the objective and its noise, the source. */
export interface FlowTrainerOptions extends Pick<TrainerOptions, 'learningRate' | 'warmup' | 'clipNorm' | 'weightDecay' | 'resume' | 'seed'> {
  readonly objective: FlowObjective;
  /** The path's noise sigma (FM: sigma_min); torchcfm's 2-D runs use 0.1. Default 0 (sbcfm needs > 0). */
  readonly sigma?: number;
  /** SB-CFM's Sinkhorn regularisation (default 2 sigma^2); sbcfm only. */
  readonly reg?: number;
  /** Source points x0 (row-major pool, sampled with replacement); N(0, I) by default. */
  readonly source?: Float32Array;
  /**
   * Reflow (Liu et al. 2023, section 2.3): fixed pairs (x0_i, x1_i), e.g. noise and its image under a
   * trained flow (`reflowPairs`). Each step then trains on rows of these pairs, picked by the keyed
   * generator, and ignores the batch it is given; the coupling is the pairs' own.
   */
  readonly pairs?: { readonly x0: Float32Array; readonly x1: Float32Array };
}

/**
 * A flow-matching trainer: the `Trainer` of `createTrainer` (clipped Adam with warm-up, the same
 * state, checkpoints and EMA) whose step regresses a velocity network (output `velocity`) on the
 * conditional velocity of the objective (`flowLoss`, `drawFlowBatch`). `step(x1)` takes target
 * points, as DSM's takes data; `train` and `trainingSession` drive it unchanged (`createTrainer`
 * option of a session: `(network, _sde, options) => createFlowTrainer(network, { ...options, objective })`).
 */
export function createFlowTrainer(network: ScoreNetwork, options: FlowTrainerOptions): Trainer {
  const recipe = objectiveRecipe(options.objective, options.sigma ?? 0, options.reg);
  const seed = options.seed ?? 0;
  const { dim } = network;
  if (network.classes > 0) throw new RangeError('createFlowTrainer: flow objectives train unconditional networks (classes 0).');
  if (network.output !== 'velocity') throw new RangeError(`createFlowTrainer: the network must predict a velocity (output 'velocity'), got '${network.output}'.`);
  const { pairs } = options;
  if (pairs !== undefined && (pairs.x0.length !== pairs.x1.length || pairs.x0.length % dim !== 0 || pairs.x0.length === 0)) {
    throw new RangeError(`createFlowTrainer: pairs.x0 and pairs.x1 must hold the same n * ${dim} values, got ${pairs.x0.length} and ${pairs.x1.length}.`);
  }
  return adamTrainer(network, options, (x1, step, labels) => {
    if (labels !== undefined) throw new RangeError('Trainer.step: labels were given for a network without classes.');
    const batch = pairs
      ? drawFlowBatch(recipe, ...reflowRows(pairs, x1.length / dim, dim, seed, step))
      : drawFlowBatch(recipe, x1, dim, { seed, step, ...(options.source && { source: options.source }) });
    return () => flowLoss(network, batch);
  });
}

const PAIR_ROWS = streamId('cfm-reflow-rows');

/** `count` rows of reflow's pairs picked with replacement by the keyed generator: drawFlowBatch's x1, dim and draw. */
function reflowRows(pairs: { readonly x0: Float32Array; readonly x1: Float32Array }, count: number, dim: number, seed: number, step: number): [Float32Array, number, FlowDraw] {
  const pool = pairs.x0.length / dim;
  const picks = createRng(seed).uniform(new Float64Array(count), { first: 0, count }, 1, { step, stream: PAIR_ROWS });
  const x0 = new Float32Array(count * dim);
  const x1 = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    const row = Math.min(Math.floor(picks[i] * pool), pool - 1);
    x0.set(pairs.x0.subarray(row * dim, (row + 1) * dim), i * dim);
    x1.set(pairs.x1.subarray(row * dim, (row + 1) * dim), i * dim);
  }
  return [x1, dim, { seed, step, x0 }];
}
