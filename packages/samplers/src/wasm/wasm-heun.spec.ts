import { type GaussianMixture, type ParticleBatch, type ScoreModel, type Sde, createRng, gaussianMixture, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type HeunSpace, heun } from '../ode/heun.js';
import { heunPlugin } from '../ode/heun-plugin.js';
import { gaussianBatches } from '../testing/gaussian.js';
import { linearSde } from '../testing/linear-sde.js';
import { diagonalScore } from '../testing/mixture-problem.js';
import { manyComponentMixtures } from '../testing/many-components.js';
import { uniformTimes } from '../testing/times.js';
import type { CpuEngine } from './wasm-euler-maruyama.js';

const mixture = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: [[0.5, 1], [0.8, 0.3]] });
/** The exact score as the gaussian-mixture plugin gives it: core's kernels, and a description of the mixture. */
const exactScore = (sde: Sde, of: GaussianMixture = mixture): ScoreModel => ({ ...diagonalScore(of, sde), name: 'gaussian-mixture', describe: () => ({ kind: 'mixture', mixture: of }) });

const steps = 30;

/** Heun's final positions and NFE counts from 2,501 prior particles (an odd count) on `engine`. */
async function run(engine: CpuEngine, space: HeunSpace, options: { sde?: Sde; batchSize?: number; tEnd?: number; mixture?: GaussianMixture } = {}) {
  const sde = options.sde ?? linearSde({ beta: 1, T: 2, linear: true });
  const n = 2501;
  const batches: ParticleBatch[] = gaussianBatches(createRng(3), n, 2, 0, 1.5, options.batchSize ?? n, 2);
  const nfe: number[] = [];
  const stage = heun({ sde, score: exactScore(sde, options.mixture), rng: createRng(17), times: uniformTimes(2, options.tEnd ?? 1e-3, steps), snapshotEvery: steps, space, engine, onBatchDone: (s) => nfe.push(s.nfe) });
  const out = await lastValueFrom(from(batches).pipe(stage, toArray()));
  const x = new Float32Array(out.filter((b) => b.getChild('step')?.get(0) === steps).flatMap((b) => Array.from(positionsOf(b))));
  return { x, nfe };
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('heun({ engine }): the fused WebAssembly step', () => {
  const cases: [string, HeunSpace, { sde?: Sde; tEnd?: number }][] = [
    ['sigma space, a VP-like SDE, tEnd 1e-3', 'sigma', {}],
    ['sigma space, a last step to t = 0 (no corrector)', 'sigma', { tEnd: 0 }],
    ['sigma space, a VE-like SDE (m = 1)', 'sigma', { sde: linearSde({ beta: 0, g: 2, T: 2, linear: true }) }],
    ['time space, a VP-like SDE, tEnd 1e-3', 'time', {}],
    ['time space, a last step to t = 0 (no corrector)', 'time', { tEnd: 0 }],
    ['time space, a VE-like SDE (no drift)', 'time', { sde: linearSde({ beta: 0, g: 2, T: 2, linear: true }) }],
  ];
  it.each(cases)('engine wasm writes the bytes of engine typescript and counts the same NFE: %s', async (_, space, options) => {
    const ts = await run('typescript', space, options);
    const wasm = await run('wasm', space, options);
    expect(ts.x.length).toBe(5002);
    expect(ts.x.every(Number.isFinite)).toBe(true);
    expect(bits(wasm.x)).toEqual(bits(ts.x));
    expect(wasm.nfe).toEqual(ts.nfe);
    // two evaluations a step, one on a last step to t = 0
    expect(ts.nfe).toEqual([options.tEnd === 0 ? 2 * steps - 1 : 2 * steps]);
  });

  it.each(['sigma', 'time'] as const)('runs mixtures of 1, 3 and 8 components (the generic score at the start and the end of a step) with the bytes of TypeScript, in %s space', async (space) => {
    for (const of of manyComponentMixtures(5)) {
      for (const tEnd of [1e-3, 0]) {
        const ts = await run('typescript', space, { mixture: of, tEnd });
        const wasm = await run('wasm', space, { mixture: of, tEnd, batchSize: 1000 });
        expect(ts.x.every(Number.isFinite)).toBe(true);
        expect(bits(wasm.x)).toEqual(bits(ts.x));
      }
    }
  });

  it('gives identical particles with another batch size, and auto takes the kernel', async () => {
    const whole = await run('wasm', 'sigma');
    const cut = await run('wasm', 'sigma', { batchSize: 600 });
    const auto = await run('auto', 'sigma');
    expect(bits(cut.x)).toEqual(bits(whole.x));
    expect(bits(auto.x)).toEqual(bits(whole.x));
  });

  it('refuses wasm where the kernel cannot run (a general drift), saying why; auto runs TypeScript there', async () => {
    const sde = linearSde({ beta: 1, T: 2, linear: false });
    expect(() => heun({ sde, score: exactScore(sde), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm' })).toThrow(
      /heun: engine 'wasm' cannot run this stage: the SDE 'linear-test' gives no linear drift coefficient/,
    );
    const auto = await run('auto', 'time', { sde });
    const ts = await run('typescript', 'time', { sde });
    expect(bits(auto.x)).toEqual(bits(ts.x));
  });

  it('the plugin reads engine (auto by default) and names the allowed values', () => {
    expect(heunPlugin.options.parse({ score: { type: 'gaussian-mixture' } }).engine).toBe('auto');
    expect(() => heunPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'gpu' })).toThrow(/auto.*typescript.*wasm/s);
  });
});
