import type { PluginConfig, PluginContext } from '@scoreflow/core';
import type { ReverseSamplerOptions } from './reverse-sampler.js';
import { resolveSde } from './resolve-sde.js';

/** The parsed common options of a reverse sampler plugin (see `reverseSamplerShape`). */
export interface CommonSamplerConfig {
  readonly score: PluginConfig;
  readonly steps: number;
  readonly grid: PluginConfig;
  readonly tStart?: number;
  readonly tEnd: number;
  readonly snapshotEvery: number;
  readonly includeInitial: boolean;
  readonly sde?: PluginConfig;
}

/**
 * Turns a sampler plugin's common options into `ReverseSamplerOptions`: the SDE (its own or the
 * pipeline's), the score model for that SDE, the times of the time grid, the run's random source
 * and signal (the stage reports its NFE on its own `stats`).
 */
export function resolveSampler(options: CommonSamplerConfig, ctx: PluginContext): ReverseSamplerOptions {
  const sde = resolveSde(options.sde, ctx);
  const grid = ctx.create('time-grid', options.grid, `${ctx.path}.grid`, sde);
  return {
    sde,
    score: ctx.create('score-model', options.score, `${ctx.path}.score`, sde),
    rng: ctx.run.rng,
    times: grid.times(sde, options.steps, options.tEnd, options.tStart),
    snapshotEvery: options.snapshotEvery,
    includeInitial: options.includeInitial,
    signal: ctx.run.signal,
  };
}
