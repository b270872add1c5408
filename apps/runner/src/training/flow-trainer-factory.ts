import { type DataSource, createRng, createRunContext, deriveSeed, diffusedSample } from '@scoreflow/core';
import { type FlowTrainerOptions, type TrainerFactory, createFlowTrainer, reflowPairs } from '@scoreflow/score-nets';
import type { FlowPlan } from './flow-plan.js';

/** `count` rows of `source` (row-major), drawn once with `seed`. */
async function sourcePool(source: DataSource, count: number, seed: number): Promise<Float32Array> {
  const sample = await diffusedSample(source, createRunContext({ dim: source.dim, particles: count, seed, name: 'flow-source' }), undefined);
  return sample(0);
}

/** What a flow training draws its source from: the pool of `training.source`, or N(0, I) (the `source` of `createFlowTrainer` left out). */
async function flowSource(flow: FlowPlan, dim: number, poolSize: number, seed: number): Promise<Float32Array | undefined> {
  if (flow.source !== undefined) return sourcePool(flow.source, poolSize, deriveSeed(seed, 'flow-source'));
  if (flow.objective !== 'reflow') return undefined;
  // Reflow's pairs need their x0 up front: N(0, I), drawn once.
  return createRng(deriveSeed(seed, 'flow-source')).normal(new Float32Array(poolSize * dim), { first: 0, count: poolSize }, dim, { step: 0, stream: 0 });
}

/**
 * The trainer factory of a flow-objective training (`trainingSession`'s `createTrainer`): score-nets'
 * `createFlowTrainer` with the plan's objective, sigma and Sinkhorn reg, the session's optimiser
 * options and seed, and the source: `poolSize` points of `training.source` drawn once (seed derived
 * from the config's, `flow-source`) and sampled with replacement, or N(0, I) drawn fresh. Reflow
 * (Liu et al. 2023, section 2.3) first pushes the source pool through the teacher's ODE
 * (`reflowPairs`, `teacherSteps` Euler steps) and trains I-CFM's straight path on those pairs. The
 * SDE argument is not used: a flow has none. Every draw is keyed by seed and step, so a resumed
 * training repeats an uninterrupted one.
 */
export async function flowTrainerFactory(flow: FlowPlan, dim: number, poolSize: number, seed: number): Promise<TrainerFactory> {
  const source = await flowSource(flow, dim, poolSize, seed);
  let pairs: FlowTrainerOptions['pairs'];
  if (flow.objective === 'reflow') {
    if (flow.teacher === undefined || source === undefined) throw new TypeError('unreachable: a reflow plan has a teacher and a source');
    pairs = await reflowPairs(flow.teacher, source, flow.teacherSteps);
  }
  const options = {
    objective: flow.objective === 'reflow' ? 'icfm' : flow.objective,
    sigma: flow.sigma,
    ...(flow.reg !== undefined && { reg: flow.reg }),
    ...(pairs ? { pairs } : source && { source }),
  } as const;
  return (network, _sde, trainerOptions) => createFlowTrainer(network, { ...trainerOptions, ...options });
}
