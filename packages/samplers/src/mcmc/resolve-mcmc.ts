import type { PluginConfig, PluginContext } from '@scoreflow/core';
import type { McmcOptions } from './mcmc-options.js';
import type { CpuEngine } from '../wasm/wasm-euler-maruyama.js';
import { checkEngine } from '../wasm/engine-option.js';
import { wasmMcmcUnfit } from '../wasm/wasm-mcmc.js';

/** The parsed common options of an MCMC sampler plugin (see `mcmcShape`). */
export interface CommonMcmcConfig {
  readonly target: PluginConfig;
  readonly warmup: number;
  readonly steps: number;
  readonly thin: number;
  readonly includeWarmup: boolean;
  readonly init?: { readonly point: readonly number[] };
  readonly stepSize: number;
  readonly adapt: boolean;
  readonly targetAcceptance?: number;
  readonly engine: CpuEngine;
}

/**
 * Turns an MCMC plugin's options into `McmcOptions`: the target created from its nested config
 * (at `<path>.target`), the run's random source and signal, and reporting into the run's stats
 * under the stage's path: `acceptance`, `evaluations`, `densityEvaluations`,
 * `gradientEvaluations` and `stepSize`, each per chain.
 */
export function resolveMcmc(options: CommonMcmcConfig, ctx: PluginContext): McmcOptions {
  const target = ctx.create('target', options.target, `${ctx.path}.target`);
  checkEngine(options.engine, { wasm: () => wasmMcmcUnfit(target) }, ctx);
  return {
    target,
    engine: options.engine,
    rng: ctx.run.rng,
    warmup: options.warmup,
    steps: options.steps,
    thin: options.thin,
    includeWarmup: options.includeWarmup,
    init: options.init,
    stepSize: options.stepSize,
    adapt: options.adapt,
    targetAcceptance: options.targetAcceptance,
    signal: ctx.run.signal,
  };
}
