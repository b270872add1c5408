import type { PluginConfig } from '@scoreflow/core';

/** One sampler's sweep over its budget: each point's options (steps, tolerances) and a label. */
export interface SamplerSweep {
  readonly type: string;
  readonly sde: PluginConfig;
  readonly grid: PluginConfig;
  readonly tEnd: number;
  readonly points: readonly { readonly label: string; readonly options: Readonly<Record<string, unknown>> }[];
}

const stepsSweep = (counts: readonly number[], extra: Record<string, unknown> = {}) =>
  counts.map((steps) => ({ label: `${steps} steps`, options: { steps, ...extra } }));

const vp = { sde: { type: 'vp' }, grid: { type: 'uniform' }, tEnd: 1e-3 };
const vpKarras = { sde: { type: 'vp' }, grid: { type: 'karras' }, tEnd: 1e-3 };
const ve = { sde: { type: 've' }, grid: { type: 'uniform' }, tEnd: 1e-3 };
const sdeSteps = [10, 20, 50, 100, 200, 500];
const fewSteps = [5, 10, 20, 50, 100];

/**
 * The samplers and budgets of the quality benchmark: the SDE samplers on the VP SDE with the
 * uniform grid of score_sde, the ODE and few-step samplers on the Karras grid they were designed
 * for, annealed Langevin on the VE SDE of NCSN.
 */
export const SAMPLER_SWEEPS: readonly SamplerSweep[] = [
  { type: 'euler-maruyama', ...vp, points: stepsSweep(sdeSteps) },
  { type: 'reverse-diffusion', ...vp, points: stepsSweep(sdeSteps) },
  { type: 'ancestral', ...vp, points: stepsSweep(sdeSteps) },
  { type: 'predictor-corrector', ...vp, points: stepsSweep([10, 25, 50, 100, 250]) },
  { type: 'annealed-langevin', ...ve, points: stepsSweep([10, 20, 50, 100], { stepsEach: 3 }) },
  { type: 'ode-euler', ...vpKarras, points: stepsSweep(fewSteps) },
  { type: 'heun', ...vpKarras, points: stepsSweep([3, 5, 10, 20, 50]) },
  {
    type: 'rk45',
    ...vpKarras,
    points: [1e-1, 1e-2, 1e-3, 1e-4].map((tolerance) => ({ label: `rtol = atol = ${tolerance}`, options: { steps: 1, rtol: tolerance, atol: tolerance } })),
  },
  { type: 'ddim', ...vpKarras, points: stepsSweep(fewSteps, { eta: 0 }) },
  { type: 'euler-ancestral', ...vpKarras, points: stepsSweep(fewSteps) },
  { type: 'dpm-solver-2m', ...vpKarras, points: stepsSweep([5, 10, 15, 20, 50]) },
];
