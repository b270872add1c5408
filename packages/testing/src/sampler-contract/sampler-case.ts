import type { PluginConfig } from '@scoreflow/core';

/** The SDE set-ups of the contract suite, by name: an SDE, the grid that suits it, and tEnd. */
export const SDE_SETUPS = {
  vp: { sde: { type: 'vp' }, grid: { type: 'uniform' }, tEnd: 1e-3 },
  'sub-vp': { sde: { type: 'sub-vp' }, grid: { type: 'uniform' }, tEnd: 1e-3 },
  've': { sde: { type: 've' }, grid: { type: 'uniform' }, tEnd: 1e-3 },
  brownian: { sde: { type: 'brownian', g: 1, T: 100 }, grid: { type: 'geometric' }, tEnd: 1e-3 },
} as const satisfies Record<string, { sde: PluginConfig; grid: PluginConfig; tEnd: number }>;

export type SdeSetup = keyof typeof SDE_SETUPS;

/**
 * One sampler in the contract suite: its plugin type, the SDEs it supports, a moderate number of
 * steps, extra options, and how far its law may be from the target at that step count beyond
 * the sampling error (its discretisation bias, stated per sampler).
 */
export interface SamplerCase {
  readonly type: string;
  readonly sdes: readonly SdeSetup[];
  readonly steps: number;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Allowed bias of each mode's mean and standard deviation (absolute, in data units). */
  readonly bias: number;
  /** Replaces the set-up's grid (e.g. `{ type: 'karras' }`). */
  readonly grid?: PluginConfig;
  /** Expected score evaluations per particle, when fixed by the steps. */
  readonly nfe?: number;
}
