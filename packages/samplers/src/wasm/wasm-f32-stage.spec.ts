import { ConfigError, type GaussianMixture, NonFiniteError, type ParticleBatch, type PluginContext, type ScoreModel, type Sde, createRng, gaussianMixture, makeParticleBatch, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { odeEuler } from '../ode/ode-euler.js';
import { odeEulerPlugin } from '../ode/ode-euler-plugin.js';
import { eulerMaruyama } from '../reverse-sde/euler-maruyama.js';
import { eulerMaruyamaPlugin } from '../reverse-sde/euler-maruyama-plugin.js';
import { gaussianBatches } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { diagonalScore } from '../testing/mixture-problem.js';
import { uniformTimes } from '../testing/times.js';
import { checkEngine } from './engine-option.js';
import { type ReverseEngine, wasmF32Unfit } from './wasm-f32-reverse-step.js';

const mixture = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: [[0.5, 1], [0.8, 0.3]] });
const exactScore = (sde: Sde, of: GaussianMixture = mixture): ScoreModel => ({ ...diagonalScore(of, sde), name: 'gaussian-mixture', describe: () => ({ kind: 'mixture', mixture: of }) });
const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

async function run(engine: ReverseEngine, options: { n?: number; batchSize?: number; sampler?: 'ode-euler'; seed?: number; of?: GaussianMixture; snapshotEvery?: number } = {}) {
  const sde = linearSde({ beta: 1, T: 2, linear: true });
  const n = options.n ?? 2500;
  const batches: ParticleBatch[] = gaussianBatches(createRng(3), n, 2, 0, 1.5, options.batchSize ?? n, 2);
  const stats: number[] = [];
  const common = { sde, score: exactScore(sde, options.of), rng: createRng(options.seed ?? 17), times: uniformTimes(2, 1e-3, 40), snapshotEvery: options.snapshotEvery ?? 20, engine, onBatchDone: (s: { nfe: number }) => stats.push(s.nfe) };
  const stage = options.sampler === 'ode-euler' ? odeEuler(common) : eulerMaruyama(common);
  const out = await lastValueFrom(from(batches).pipe(stage, toArray()));
  const x = new Float32Array(out.filter((b) => b.getChild('step')?.get(0) === 40).flatMap((b) => Array.from(positionsOf(b))));
  return { x, stats, steps: out.map((b) => b.getChild('step')?.get(0) as number) };
}

/** Mean and covariance (xx, xy, yy) of particles in the plane. */
function moments(x: Float32Array): number[] {
  const n = x.length / 2;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[2 * i] / n;
    my += x[2 * i + 1] / n;
  }
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    xx += (x[2 * i] - mx) ** 2 / n;
    xy += ((x[2 * i] - mx) * (x[2 * i + 1] - my)) / n;
    yy += (x[2 * i + 1] - my) ** 2 / n;
  }
  return [mx, my, xx, xy, yy];
}

describe("eulerMaruyama and odeEuler on engine 'wasm-f32'", () => {
  it('one seed gives the same bytes every run and with any batch size, another seed other particles', async () => {
    const first = await run('wasm-f32');
    expect(bits((await run('wasm-f32')).x)).toEqual(bits(first.x));
    expect(bits((await run('wasm-f32', { batchSize: 777 })).x)).toEqual(bits(first.x));
    expect(bits((await run('wasm-f32', { seed: 18 })).x)).not.toEqual(bits(first.x));
    expect(first.stats).toEqual([40]);
  });

  it('runs several steps a call between snapshots, with the bytes and snapshots of any other schedule', async () => {
    const every20 = await run('wasm-f32');
    for (const sampler of [undefined, 'ode-euler'] as const) {
      const reference = sampler === undefined ? every20 : await run('wasm-f32', { sampler });
      const every7 = await run('wasm-f32', { sampler, snapshotEvery: 7, batchSize: 1300 });
      expect(bits(every7.x)).toEqual(bits(reference.x));
      expect(every7.steps).toEqual([0, 7, 14, 21, 28, 35, 40, 0, 7, 14, 21, 28, 35, 40]);
      expect(every7.stats).toEqual([40, 40]);
    }
  });

  it('names the step and the particle where a position became non-finite', async () => {
    const sde = linearSde({ beta: 1, T: 2, linear: true });
    const x = Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i));
    x[2 * 1111 + 1] = Number.NaN;
    const batch = makeParticleBatch({ x, dim: 2, id: 500, step: 0, t: 2 });
    const stage = eulerMaruyama({ sde, score: exactScore(sde), rng: createRng(1), times: uniformTimes(2, 1e-3, 10), snapshotEvery: 5, engine: 'wasm-f32' });
    const error = await lastValueFrom(from([batch]).pipe(stage, toArray())).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NonFiniteError);
    expect((error as Error).message).toMatch(/Stage 'euler-maruyama'.*step 1, t = 1\.8.*particle id 1611/);
  });

  it('samples the distribution engine typescript samples: means and covariances within four standard errors', async () => {
    const n = 20_000;
    const f32 = moments((await run('wasm-f32', { n })).x);
    const ts = moments((await run('typescript', { n })).x);
    // the target's variances are at most about 6.3 (x) and 2.4 (y); the two runs are independent samples
    const standardError = (variance: number) => Math.sqrt((2 * variance) / n);
    expect(Math.abs(f32[0] - ts[0])).toBeLessThan(4 * standardError(ts[2]));
    expect(Math.abs(f32[1] - ts[1])).toBeLessThan(4 * standardError(ts[4]));
    // var of a sample variance ~ 2 sigma^4 / n for a Gaussian; the mixture's kurtosis is larger: allow twice that
    expect(Math.abs(f32[2] - ts[2])).toBeLessThan(4 * Math.sqrt(2 * (4 * ts[2] ** 2) / n));
    expect(Math.abs(f32[4] - ts[4])).toBeLessThan(4 * Math.sqrt(2 * (4 * ts[4] ** 2) / n));
    expect(Math.abs(f32[3] - ts[3])).toBeLessThan(4 * Math.sqrt((2 * 4 * ts[2] * ts[4]) / n));
    // and the modes' weights: the share of particles on the side of the first mode, two independent binomial samples
    const share = (x: Float32Array) => Array.from({ length: x.length / 2 }, (_, i) => x[2 * i]).filter((v) => v < -0.5).length / (x.length / 2);
    const f32Share = share((await run('wasm-f32', { n })).x);
    const tsShare = share((await run('typescript', { n })).x);
    expect(Math.abs(f32Share - tsShare)).toBeLessThan(4 * Math.sqrt((2 * tsShare * (1 - tsShare)) / n));
  });

  it('odeEuler: the same deterministic flow as engine typescript, to float32 roundoff over 40 steps', async () => {
    for (const of of [mixture, gaussianMixture({ weights: [1, 2, 3], means: [[-2, 0], [0, 2], [2, -1]], std: 0.6 })]) {
      const ts = await run('typescript', { sampler: 'ode-euler', of });
      const f32 = await run('wasm-f32', { sampler: 'ode-euler', of, batchSize: 999 });
      let worst = 0;
      for (let i = 0; i < ts.x.length; i++) worst = Math.max(worst, Math.abs(f32.x[i] - ts.x[i]));
      expect(worst).toBeLessThan(1e-3);
      expect(f32.stats).toEqual([40, 40, 40]);
    }
  });

  it('refuses what the float32 kernel does not take, saying why, at the option path', () => {
    const linear = linearSde({ beta: 1, T: 2, linear: true });
    const general = linearSde({ beta: 1, T: 2, linear: false });
    expect(wasmF32Unfit(general, exactScore(general))).toMatch(/gives no linear drift coefficient/);
    expect(wasmF32Unfit(linear, diagonalScore(mixture, linear))).toMatch(/not an exact Gaussian mixture/);
    const space = gaussianMixture({ means: [[0, 0, 0], [1, 1, 1]], std: 1 });
    expect(wasmF32Unfit(linear, exactScore(linear, space))).toMatch(/at most 256 components, got 2 in dimension 3/);
    expect(() => eulerMaruyama({ sde: general, score: exactScore(general), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm-f32' })).toThrow(/engine 'wasm-f32' cannot run this stage: the SDE 'linear-test'/);
    expect(() => odeEuler({ sde: general, score: exactScore(general), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm-f32' })).toThrow(/ode-euler: engine 'wasm-f32' cannot run/);
    const ctx = { path: 'pipeline.1' } as PluginContext;
    let error: unknown;
    try {
      checkEngine('wasm-f32', { 'wasm-f32': () => wasmF32Unfit(general, exactScore(general)) }, ctx);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/cannot run on engine wasm-f32/);
    expect(JSON.stringify((error as ConfigError).issues)).toMatch(/pipeline\.1\.engine.*no linear drift coefficient: use engine: auto or typescript/);
    expect(eulerMaruyamaPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'wasm-f32' }).engine).toBe('wasm-f32');
    expect(odeEulerPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'wasm-f32' }).engine).toBe('wasm-f32');
    expect(() => eulerMaruyamaPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'f32' })).toThrow(/auto.*typescript.*wasm.*wasm-f32/s);
  });
});
