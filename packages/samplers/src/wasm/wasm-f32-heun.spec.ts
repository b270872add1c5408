import { createRng, positionsOf } from '@scoreflow/core';
import { from, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { heun } from '../ode/heun.js';
import { heunPlugin } from '../ode/heun-plugin.js';
import { gaussianBatches } from '../testing/gaussian.js';
import { HEUN_CASES, HEUN_STEPS as steps, exactMixtureScore as exactScore, runHeun as run } from '../testing/heun-run.js';
import { linearSde } from '../testing/linear-sde.js';
import { manyComponentMixtures } from '../testing/many-components.js';
import { uniformTimes } from '../testing/times.js';

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** The largest coordinate difference between two runs. */
const worst = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe("heun({ engine: 'wasm-f32' }): Heun's step in the float32 kernel", () => {
  it.each(HEUN_CASES)("follows engine typescript's flow to float32 roundoff and counts the same NFE: %s", async (_, space, options) => {
    const ts = await run('typescript', space, options);
    const f32 = await run('wasm-f32', space, options);
    expect(f32.x.every(Number.isFinite)).toBe(true);
    // 30 steps of float32 roundoff (a few 1e-7 of coordinates of order 5) where float64 steps exactly: far below a wrong coefficient's error
    expect(worst(f32.x, ts.x)).toBeLessThan(2e-4);
    expect(f32.nfe).toEqual(ts.nfe);
  });

  it.each(['sigma', 'time'] as const)('runs mixtures of 1, 3 and 8 components (the K-component score at both ends of a step), in %s space', async (space) => {
    for (const of of manyComponentMixtures(5)) {
      for (const tEnd of [1e-3, 0]) {
        const ts = await run('typescript', space, { mixture: of, tEnd });
        const f32 = await run('wasm-f32', space, { mixture: of, tEnd, batchSize: 1000 });
        expect(worst(f32.x, ts.x)).toBeLessThan(2e-4);
      }
    }
  });

  it("gives the same bytes with another batch size, and its error against a 20x finer Heun is engine typescript's", async () => {
    const whole = await run('wasm-f32', 'sigma');
    expect(bits((await run('wasm-f32', 'sigma', { batchSize: 600 })).x)).toEqual(bits(whole.x));
    // against a 20x finer TypeScript Heun: the float32 Heun's error is Heun's own (second order), far below a corrector dropped
    const fine = await lastValueFrom(
      from(gaussianBatches(createRng(3), 2501, 2, 0, 1.5, 2501, 2)).pipe(
        heun({ sde: linearSde({ beta: 1, T: 2, linear: true }), score: exactScore(linearSde({ beta: 1, T: 2, linear: true })), rng: createRng(17), times: uniformTimes(2, 1e-3, 20 * steps), snapshotEvery: 20 * steps, engine: 'typescript' }),
        toArray(),
      ),
    );
    const reference = new Float32Array(fine.filter((b) => b.getChild('step')?.get(0) === 20 * steps).flatMap((b) => Array.from(positionsOf(b))));
    const ts = await run('typescript', 'sigma');
    expect(Math.abs(worst(whole.x, reference) - worst(ts.x, reference))).toBeLessThan(2e-4);
  });

  it('refuses wasm-f32 where the kernel cannot run, saying why, and the plugin takes it', () => {
    const sde = linearSde({ beta: 1, T: 2, linear: false });
    expect(() => heun({ sde, score: exactScore(sde), rng: createRng(1), times: uniformTimes(2, 1e-3, 4), engine: 'wasm-f32' })).toThrow(/heun: engine 'wasm-f32' cannot run this stage: the SDE 'linear-test' gives no linear drift/);
    expect(heunPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'wasm-f32' }).engine).toBe('wasm-f32');
    expect(() => heunPlugin.options.parse({ score: { type: 'gaussian-mixture' }, engine: 'gpu' })).toThrow(/auto.*typescript.*wasm.*wasm-f32/s);
  });
});
