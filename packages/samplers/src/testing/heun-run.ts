import { type GaussianMixture, type ParticleBatch, type ScoreModel, type Sde, createRng, gaussianMixture, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { type HeunSpace, heun } from '../ode/heun.js';
import type { ReverseEngine } from '../wasm/wasm-f32-reverse-step.js';
import { gaussianBatches } from './gaussian.js';
import { linearSde } from './linear-sde.js';
import { diagonalScore } from './mixture-problem.js';
import { uniformTimes } from './times.js';

/** Test-only: the two-component mixture of the kernels' Heun specs. */
export const HEUN_MIXTURE = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: [[0.5, 1], [0.8, 0.3]] });

/** Test-only: the exact score as the gaussian-mixture plugin gives it: core's kernels, and a description of the mixture. */
export const exactMixtureScore = (sde: Sde, of: GaussianMixture = HEUN_MIXTURE): ScoreModel => ({ ...diagonalScore(of, sde), name: 'gaussian-mixture', describe: () => ({ kind: 'mixture', mixture: of }) });

/** Steps of the kernels' Heun specs. */
export const HEUN_STEPS = 30;

/** Test-only: the cases the kernels' Heun specs run in both spaces: VP- and VE-like SDEs, a last step to t = 0. */
export const HEUN_CASES: [string, HeunSpace, { sde?: Sde; tEnd?: number }][] = [
  ['sigma space, a VP-like SDE, tEnd 1e-3', 'sigma', {}],
  ['sigma space, a last step to t = 0 (no corrector)', 'sigma', { tEnd: 0 }],
  ['sigma space, a VE-like SDE (m = 1)', 'sigma', { sde: linearSde({ beta: 0, g: 2, T: 2, linear: true }) }],
  ['time space, a VP-like SDE, tEnd 1e-3', 'time', {}],
  ['time space, a last step to t = 0 (no corrector)', 'time', { tEnd: 0 }],
  ['time space, a VE-like SDE (no drift)', 'time', { sde: linearSde({ beta: 0, g: 2, T: 2, linear: true }) }],
];

/** Test-only: Heun's final positions and NFE counts from 2,501 prior particles (an odd count) on `engine`. */
export async function runHeun(engine: ReverseEngine, space: HeunSpace, options: { sde?: Sde; batchSize?: number; tEnd?: number; mixture?: GaussianMixture; steps?: number } = {}) {
  const sde = options.sde ?? linearSde({ beta: 1, T: 2, linear: true });
  const steps = options.steps ?? HEUN_STEPS;
  const n = 2501;
  const batches: ParticleBatch[] = gaussianBatches(createRng(3), n, 2, 0, 1.5, options.batchSize ?? n, 2);
  const nfe: number[] = [];
  const stage = heun({ sde, score: exactMixtureScore(sde, options.mixture), rng: createRng(17), times: uniformTimes(2, options.tEnd ?? 1e-3, steps), snapshotEvery: steps, space, engine, onBatchDone: (s) => nfe.push(s.nfe) });
  const out = await lastValueFrom(from(batches).pipe(stage, toArray()));
  const x = new Float32Array(out.filter((b) => b.getChild('step')?.get(0) === steps).flatMap((b) => Array.from(positionsOf(b))));
  return { x, nfe };
}
