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

/** The samplers and budgets of the quality benchmark. */
export const SAMPLER_SWEEPS: readonly SamplerSweep[] = [
  { type: 'euler-maruyama', ...vp, points: stepsSweep([10, 20, 50, 100, 200, 500]) },
];
