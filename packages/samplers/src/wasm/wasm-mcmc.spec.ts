import { type GaussianMixture, type Rng, type Target, createRng, gaussianMixture, makeParticleBatch, mixtureGradLogDensity, mixtureLogDensity, positionsOf } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { hmc } from '../mcmc/hmc.js';
import { mala } from '../mcmc/mala.js';
import type { McmcOptions, McmcStats } from '../mcmc/mcmc-options.js';
import { randomWalkMetropolisPlugin } from '../mcmc/random-walk-metropolis-plugin.js';
import { randomWalkMetropolis } from '../mcmc/random-walk-metropolis.js';
import { initialBatches, runChains } from '../mcmc/testing/run-chains.js';
import { manyComponentMixtures } from '../testing/many-components.js';
import type { CpuEngine } from './wasm-euler-maruyama.js';
import { wasmMcmcUnfit } from './wasm-mcmc.js';

/** A mixture as score-models' `mixtureTarget` gives it: core's log density and gradient, and a description. */
const mixtureTarget = (mixture: GaussianMixture): Target => ({
  name: 'gaussian-mixture',
  dim: mixture.dim,
  normalised: true,
  logDensity: (x, out) => mixtureLogDensity(mixture, x, out),
  gradLogDensity: (x, out) => mixtureGradLogDensity(mixture, x, out),
  describe: () => ({ kind: 'mixture', mixture }),
});

// Unequal weights and spreads, modes far enough apart that some proposals land where one component dominates by e^80.
const target = mixtureTarget(gaussianMixture({ weights: [0.3, 0.7], means: [[-3, 1], [2, -1]], std: [[0.5, 1.2], [0.8, 0.4]] }));
const samplers = {
  'random-walk-metropolis': (options: McmcOptions) => randomWalkMetropolis(options),
  mala: (options: McmcOptions) => mala(options),
  hmc: (options: McmcOptions) => hmc({ ...options, leapfrogSteps: 7 }),
};
type Method = keyof typeof samplers;

/** Every snapshot (warm-up included: the adapted step sizes differ per chain) of 2,501 chains (an odd count, three chunks), and the stats. */
async function run(method: Method, engine: CpuEngine, options: { batchSize?: number; target?: Target; scattered?: boolean } = {}) {
  const make = (rng: Rng, onBatchDone: (stats: McmcStats) => void) =>
    samplers[method]({ target: options.target ?? target, rng, warmup: 30, steps: 20, thin: 5, includeWarmup: true, engine, onBatchDone });
  const batches = (rng: Rng) => {
    const made = initialBatches(rng, 2501, 2, [0, 0], 3, options.batchSize);
    // ids 7 i + 5: not a range, so the chains draw the numbers and the kernel takes them
    return options.scattered ? made.map((batch) => makeParticleBatch({ x: positionsOf(batch), dim: 2, id: Uint32Array.from({ length: positionsOf(batch).length / 2 }, (_, i) => 7 * i + 5), step: 0, t: 0 })) : made;
  };
  return runChains(make, batches, 7);
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const allBits = (draws: Map<number, Float32Array>) => [...draws].map(([step, x]) => [step, bits(x)]);

describe('MCMC transitions on the WebAssembly kernel (engine)', () => {
  it.each(Object.keys(samplers) as Method[])('%s: engine wasm writes the bytes of engine typescript at every snapshot, with the same stats', async (method) => {
    const ts = await run(method, 'typescript');
    const wasm = await run(method, 'wasm');
    expect(ts.draws.size).toBe(11);
    expect(allBits(wasm.draws)).toEqual(allBits(ts.draws));
    expect(wasm.reports).toEqual(ts.reports);
    // the chains moved, and not all proposals were taken or refused
    expect(ts.stats.acceptance).toBeGreaterThan(0.1);
    expect(ts.stats.acceptance).toBeLessThan(0.99);
  });

  it('takes ids that are not a range (the chains draw the numbers) with the same bytes', async () => {
    for (const method of ['mala', 'hmc'] as const) {
      const ts = await run(method, 'typescript', { scattered: true });
      const wasm = await run(method, 'wasm', { scattered: true });
      expect(allBits(wasm.draws)).toEqual(allBits(ts.draws));
    }
  });

  it('gives identical chains with another batch size, and auto takes the kernel', async () => {
    const whole = await run('hmc', 'wasm');
    const cut = await run('hmc', 'wasm', { batchSize: 1000 });
    const auto = await run('hmc', 'auto');
    expect(allBits(cut.draws)).toEqual(allBits(whole.draws));
    expect(allBits(auto.draws)).toEqual(allBits(whole.draws));
  });

  it.each(Object.keys(samplers) as Method[])('%s: targets of 1, 3 and 8 components (the generic log density and score) give the bytes of engine typescript', async (method) => {
    for (const mixture of manyComponentMixtures(3)) {
      const ts = await run(method, 'typescript', { target: mixtureTarget(mixture) });
      const wasm = await run(method, 'wasm', { target: mixtureTarget(mixture), batchSize: 1000 });
      expect(allBits(wasm.draws)).toEqual(allBits(ts.draws));
      expect(ts.stats.acceptance).toBeGreaterThan(0.1);
    }
  });

  it('refuses wasm for a target it does not take, saying why; auto runs TypeScript there', async () => {
    const space = mixtureTarget(gaussianMixture({ means: [[0, 0, 0], [1, 1, 1]], std: 1 }));
    expect(wasmMcmcUnfit(space)).toMatch(/at most 256 components, got 2 in dimension 3/);
    expect(wasmMcmcUnfit(mixtureTarget(gaussianMixture({ means: Array.from({ length: 257 }, (_, k) => [k, 0]), std: 1 })))).toMatch(/got 257 in dimension 2/);
    expect(wasmMcmcUnfit({ ...space, describe: undefined })).toMatch(/is not an exact Gaussian mixture/);
    expect(() => mala({ target: space, rng: createRng(1), engine: 'wasm' })).toThrow(/mala: engine 'wasm' cannot run this stage: the kernel takes a mixture in the plane of at most 256/);
    const undescribed = { ...target, describe: undefined };
    const auto = await run('mala', 'auto', { target: undescribed });
    const ts = await run('mala', 'typescript', { target: undescribed });
    expect(allBits(auto.draws)).toEqual(allBits(ts.draws));
  });

  it('the plugins read engine (auto by default) and name the allowed values', () => {
    const parse = (engine?: string) => randomWalkMetropolisPlugin.options.parse({ target: { type: 'gaussian-mixture' }, ...(engine === undefined ? {} : { engine }) });
    expect(parse().engine).toBe('auto');
    expect(() => parse('simd')).toThrow(/auto.*typescript.*wasm/s);
  });
});
