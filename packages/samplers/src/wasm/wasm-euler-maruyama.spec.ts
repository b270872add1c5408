import { type GaussianMixture, type ParticleBatch, type Rng, type ScoreModel, type Sde, createRng, gaussianMixture, makeParticleBatch, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { odeEuler } from '../ode/ode-euler.js';
import { odeEulerPlugin } from '../ode/ode-euler-plugin.js';
import { eulerMaruyama } from '../reverse-sde/euler-maruyama.js';
import { eulerMaruyamaPlugin } from '../reverse-sde/euler-maruyama-plugin.js';
import { gaussianBatches } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { diagonalScore } from '../testing/mixture-problem.js';
import { manyComponentMixtures } from '../testing/many-components.js';
import { uniformTimes } from '../testing/times.js';
import type { CpuEngine } from './wasm-euler-maruyama.js';
import { wasmEulerMaruyamaUnfit } from './wasm-euler-maruyama.js';

const mixture = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: [[0.5, 1], [0.8, 0.3]] });
/** The exact score as the gaussian-mixture plugin gives it: core's kernels, and a description of the mixture. */
const exactScore = (sde: Sde, of: GaussianMixture = mixture): ScoreModel => ({ ...diagonalScore(of, sde), name: 'gaussian-mixture', describe: () => ({ kind: 'mixture', mixture: of }) });

async function run(engine: CpuEngine, options: { sde?: Sde; batchSize?: number; ids?: 'range' | 'scattered'; rng?: Rng; sampler?: 'ode-euler'; mixture?: GaussianMixture } = {}) {
  const sde = options.sde ?? linearSde({ beta: 1, T: 2, linear: true });
  const rng = options.rng ?? createRng(17);
  const n = 2500;
  let batches: ParticleBatch[] = gaussianBatches(createRng(3), n, 2, 0, 1.5, options.batchSize ?? n, 2);
  if (options.ids === 'scattered') {
    batches = batches.map((batch) => makeParticleBatch({ x: positionsOf(batch), dim: 2, id: Uint32Array.from({ length: positionsOf(batch).length / 2 }, (_, i) => 7 * i + 5), step: 0, t: 2 }));
  }
  const stats: number[] = [];
  const common = { sde, score: exactScore(sde, options.mixture), rng, times: uniformTimes(2, 1e-3, 40), snapshotEvery: 20, engine, onBatchDone: (s: { nfe: number }) => stats.push(s.nfe) };
  const stage = options.sampler === 'ode-euler' ? odeEuler(common) : eulerMaruyama(common);
  const out = await lastValueFrom(from(batches).pipe(stage, toArray()));
  const x = new Float32Array(out.filter((b) => b.getChild('step')?.get(0) === 40).flatMap((b) => Array.from(positionsOf(b))));
  return { x, stats };
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('eulerMaruyama({ engine })', () => {
  it('engine wasm writes the bytes of engine typescript, and counts the same score evaluations', async () => {
    const ts = await run('typescript');
    const wasm = await run('wasm');
    expect(ts.x.length).toBe(5000);
    expect(bits(wasm.x)).toEqual(bits(ts.x));
    expect(wasm.stats).toEqual(ts.stats);
    expect(ts.stats).toEqual([40]);
  });

  it('gives identical particles with another batch size (blocks of ids cut across batches)', async () => {
    const whole = await run('wasm');
    const cut = await run('wasm', { batchSize: 777 });
    expect(bits(cut.x)).toEqual(bits(whole.x));
  });

  it('takes ids that are not a range (the frame draws the normals) with the same bytes', async () => {
    const ts = await run('typescript', { ids: 'scattered' });
    const wasm = await run('wasm', { ids: 'scattered' });
    expect(bits(wasm.x)).toEqual(bits(ts.x));
  });

  it('auto runs TypeScript where the kernel does not apply (a general drift), and wasm then refuses, saying why', async () => {
    const sde = linearSde({ beta: 1, T: 2, linear: false });
    expect(wasmEulerMaruyamaUnfit(sde, exactScore(sde), createRng(1))).toMatch(/gives no linear drift coefficient/);
    const auto = await run('auto', { sde });
    const ts = await run('typescript', { sde });
    expect(bits(auto.x)).toEqual(bits(ts.x));
    expect(() => eulerMaruyama({ sde, score: exactScore(sde), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm' })).toThrow(/engine 'wasm' cannot run this stage: the SDE 'linear-test' gives no linear drift/);
  });

  it('runs any number of components in the plane (the generic score: 1, 3, eight Gaussians, 40) with the bytes of engine typescript', async () => {
    const forty = gaussianMixture({ means: Array.from({ length: 40 }, (_, k) => [Math.cos(k) * k * 0.3, Math.sin(k) * 4]), std: 0.2 });
    const mixtures = [...manyComponentMixtures(5), forty];
    for (const of of mixtures) {
      const ts = await run('typescript', { mixture: of });
      const wasm = await run('wasm', { mixture: of, batchSize: 999 });
      expect(bits(wasm.x)).toEqual(bits(ts.x));
      const flow = await run('typescript', { mixture: of, sampler: 'ode-euler' });
      expect(bits((await run('wasm', { mixture: of, sampler: 'ode-euler' })).x)).toEqual(bits(flow.x));
    }
  });

  it('names a random source other than core createRng, a score without a mixture description, and a mixture off the plane', () => {
    const sde = linearSde({ beta: 1, T: 2, linear: true });
    const base = createRng(1);
    const shifted: Rng = { ...base, normal: (out, ids, width, key) => base.normal(out, ids, width, { ...key, step: key.step + 1 }) };
    expect(wasmEulerMaruyamaUnfit(sde, exactScore(sde), shifted)).toMatch(/not core's createRng/);
    expect(wasmEulerMaruyamaUnfit(sde, diagonalScore(mixture, sde), base)).toMatch(/not an exact Gaussian mixture/);
    const space = gaussianMixture({ means: [[0, 0, 0], [1, 1, 1]], std: 1 });
    expect(wasmEulerMaruyamaUnfit(sde, exactScore(sde, space), base)).toMatch(/at most 256 components, got 2 in dimension 3/);
    const many = gaussianMixture({ means: Array.from({ length: 257 }, (_, k) => [k, 0]), std: 1 });
    expect(wasmEulerMaruyamaUnfit(sde, exactScore(sde, many), base)).toMatch(/at most 256 components, got 257 in dimension 2/);
    expect(wasmEulerMaruyamaUnfit(sde, exactScore(sde, gaussianMixture({ means: [[0, 0], [1, 1], [2, 2]], std: 1 })), base)).toBeUndefined();
  });

  it('odeEuler on engine wasm writes the bytes of engine typescript, with any batch size', async () => {
    const ts = await run('typescript', { sampler: 'ode-euler' });
    const wasm = await run('wasm', { sampler: 'ode-euler' });
    const cut = await run('wasm', { sampler: 'ode-euler', batchSize: 999 });
    expect(bits(wasm.x)).toEqual(bits(ts.x));
    expect(bits(cut.x)).toEqual(bits(ts.x));
    expect(wasm.stats).toEqual(ts.stats);
    const sde = linearSde({ beta: 1, T: 2, linear: false });
    expect(() => odeEuler({ sde, score: exactScore(sde), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm' })).toThrow(/ode-euler: engine 'wasm' cannot run this stage/);
    expect(odeEulerPlugin.options.parse({ score: { type: 'gaussian-mixture' } }).engine).toBe('auto');
  });

  it('the plugin reads engine (auto by default) and refuses wasm at the option path where it cannot run', () => {
    const parsed = eulerMaruyamaPlugin.options.parse({ score: { type: 'gaussian-mixture' } });
    expect(parsed.engine).toBe('auto');
    expect(() => eulerMaruyamaPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'simd' })).toThrow(/auto.*typescript.*wasm/s);
  });
});
