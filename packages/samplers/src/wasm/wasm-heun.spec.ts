import { createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { heun } from '../ode/heun.js';
import { heunPlugin } from '../ode/heun-plugin.js';
import { HEUN_CASES, HEUN_STEPS as steps, exactMixtureScore as exactScore, runHeun as run } from '../testing/heun-run.js';
import { linearSde } from '../testing/linear-sde.js';
import { manyComponentMixtures } from '../testing/many-components.js';
import { uniformTimes } from '../testing/times.js';

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

describe('heun({ engine }): the fused WebAssembly step', () => {
  it.each(HEUN_CASES)('engine wasm writes the bytes of engine typescript and counts the same NFE: %s', async (_, space, options) => {
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
