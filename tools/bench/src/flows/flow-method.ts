import { createRng, deriveSeed } from '@scoreflow/core';
import { type FlowObjective, type FlowTrainerOptions, type ScoreNetwork, createFlowTrainer, mlpScoreNetwork, networkVelocity, reflowPairs } from '@scoreflow/score-nets';
import { eulerFlow, w2 } from './flow-measures.js';
import { type FlowNll, flowNll } from './flow-nll.js';
import { eightGaussiansMixture, sample8Gaussians, sampleMoons } from './torchcfm-data.js';

/** One row of the table: an objective, its noise, and (reflow) the flow it straightens. */
export interface FlowMethod {
  readonly label: string;
  readonly objective: FlowObjective | 'reflow';
  readonly sigma: number;
}

/** The protocol's sizes: training steps and rows, the pool, the test points and the Euler steps. */
export interface FlowProtocol {
  readonly steps: number;
  readonly batch: number;
  readonly pool: number;
  /** Reflow's pairs: the first `reflowPairs` source points of the pool, pushed through the teacher's ODE. */
  readonly reflowPairs: number;
  readonly test: number;
  readonly euler: number;
}

/** What one method gave for one seed. */
export interface FlowOutcome {
  readonly w2: number;
  readonly straightness: number;
  /** Training seconds (reflow: its pairs' ODE solve included). */
  readonly seconds: number;
  /** The NLL of the test moons under the flow (`flowNll`), in nats per point. */
  readonly nll: FlowNll;
}

/** A trained network of one seed, kept to be reflow's teacher. */
export interface Trained {
  readonly network: ScoreNetwork;
  readonly outcome: FlowOutcome;
}

/**
 * Trains one method for one seed in torchcfm's 2-D protocol (an MLP 3 x 64 SELU predicting the
 * velocity, AdamW 1e-3 with weight decay 1e-5, batches of `protocol.batch` moons from a pool of `protocol.pool`), from the
 * eight Gaussians (FM: from N(0, I)), then integrates `protocol.euler` Euler steps from `protocol.test`
 * test points and measures W2 against as many test moons and the paths' straightness. Reflow trains
 * I-CFM's straight path (its sigma) on the pairs (x0, ODE_teacher(x0)) of `protocol.reflowPairs` source points. Then the
 * NLL of the same test moons under the flow (`flowNll`: its ODE back to the source, the eight Gaussians or
 * FM's N(0, I), whose densities are known). The caller disposes the network.
 */
export async function trainFlowMethod(method: FlowMethod, seed: number, protocol: FlowProtocol, teacher?: ScoreNetwork): Promise<Trained> {
  const network = mlpScoreNetwork({ dim: 2, width: 64, depth: 3, activation: 'selu', output: 'velocity', seed });
  const source = sample8Gaussians(protocol.pool, deriveSeed(seed, 'flows/source'));
  const target = sampleMoons(protocol.pool, deriveSeed(seed, 'flows/target'));
  const start = performance.now();
  // torchcfm's runner (configs/model/cfm.yaml): AdamW, lr 1e-3, weight decay 1e-5, no warm-up, no clipping.
  let options: FlowTrainerOptions = { objective: 'icfm', sigma: method.sigma, learningRate: 1e-3, weightDecay: 1e-5, warmup: 1, clipNorm: 1e9, seed };
  if (method.objective === 'reflow') {
    if (teacher === undefined) throw new RangeError('trainFlowMethod: reflow needs a teacher network.');
    options = { ...options, pairs: await reflowPairs(networkVelocity(teacher), source.subarray(0, 2 * protocol.reflowPairs), protocol.euler) };
  } else {
    options = { ...options, objective: method.objective, ...(method.objective !== 'fm' && { source }) };
  }
  const trainer = createFlowTrainer(network, options);
  const picks = createRng(deriveSeed(seed, 'flows/batches'));
  const batch = new Float32Array(2 * protocol.batch);
  const u = new Float64Array(protocol.batch);
  for (let step = 0; step < protocol.steps; step++) {
    picks.uniform(u, { first: 0, count: protocol.batch }, 1, { step, stream: 0 });
    for (let i = 0; i < protocol.batch; i++) {
      const row = Math.min(protocol.pool - 1, Math.floor(u[i] * protocol.pool));
      batch.set(target.subarray(2 * row, 2 * row + 2), 2 * i);
    }
    await trainer.step(batch);
  }
  const seconds = (performance.now() - start) / 1000;
  trainer.dispose();
  const x0 =
    method.objective === 'fm'
      ? createRng(deriveSeed(seed, 'flows/test-normal')).normal(new Float32Array(2 * protocol.test), { first: 0, count: protocol.test }, 2, { step: 0, stream: 0 })
      : sample8Gaussians(protocol.test, deriveSeed(seed, 'flows/test-source'));
  const flow = await eulerFlow(networkVelocity(network), x0, protocol.euler);
  const testMoons = sampleMoons(protocol.test, deriveSeed(seed, 'flows/test-target'));
  const nll = await flowNll(networkVelocity(network), testMoons, method.objective === 'fm' ? undefined : eightGaussiansMixture());
  return { network, outcome: { w2: w2(flow.x1, testMoons), straightness: flow.straightness, seconds, nll } };
}
