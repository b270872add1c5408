import { describe, expect, it } from 'vitest';
import { MLP_RELAXED_WASM_BASE64, MLP_WASM_BASE64 } from './mlp-wasm.js';
import { assembleMlp, mlpSource } from './testing/assemble-mlp.js';
import { instantiateMlpKernels, mlpKernelsVariant } from './wasm-mlp-module.js';
import { enableRelaxedSimd } from '../node/relaxed-simd.js';

/** The kernels' activation `mode` over `x`, through their memory. */
function activation(x: Float64Array, mode: number): Float32Array {
  const { kernels, memory } = instantiateMlpKernels(256 + x.length * 4)!;
  const values = new Float32Array(memory.buffer, 256, x.length);
  values.set(x);
  kernels.activate(256, 0, x.length, mode);
  return values.slice();
}

/** 400,000 float32 arguments spread evenly over [from, to] (a multiple of 4 of them). */
const grid = (from: number, to: number) => Float64Array.from({ length: 400_000 }, (_, i) => Math.fround(from + ((to - from) * i) / 399_999));

describe('mlp.wat', () => {
  it('mlp-wasm.ts holds the bytes that wat2wasm assembles from mlp.wat (run npm run build:wasm after editing it)', async () => {
    expect(Buffer.from(await assembleMlp('simd')).toString('base64')).toBe(MLP_WASM_BASE64);
    expect(Buffer.from(await assembleMlp('relaxed-simd')).toString('base64')).toBe(MLP_RELAXED_WASM_BASE64);
  });
  it('the relaxed-simd build fuses exactly the micro-kernels\' 16 multiply-accumulates and nothing else', () => {
    const [plain, relaxed] = [mlpSource('simd'), mlpSource('relaxed-simd')];
    expect(relaxed.match(/f32x4\.relaxed_madd/g)).toHaveLength(16);
    expect(plain).not.toMatch(/relaxed/);
    expect(plain.match(/f32x4\.mul/g)!.length - relaxed.match(/f32x4\.mul/g)!.length).toBe(16);
  });
  it('enableRelaxedSimd() turns V8\'s relaxed SIMD on in Node 20, and the kernels then pick that build', () => {
    expect(enableRelaxedSimd()).toBe('relaxed-simd');
    expect(mlpKernelsVariant()).toBe('relaxed-simd');
    expect(instantiateMlpKernels(1024, 'simd')!.variant).toBe('simd');
  });

  // Cephes' expf: measured max relative error 8.1e-8 (1.35 x 2^-24, under one ulp) over 4,000,000
  // points of [-87, 88]; SiLU 1.7e-7 (2.8 x 2^-24: the division adds its rounding).
  it('exp (activate mode 3 gives exp(-v)) is within 1.5e-7 relative of Math.exp over [-87, 88]', () => {
    const x = grid(-87, 88);
    const y = activation(x.map((xi) => -xi), 3);
    let worst = 0;
    x.forEach((xi, i) => (worst = Math.max(worst, Math.abs(y[i]! / Math.exp(xi) - 1))));
    expect(worst).toBeLessThan(1.5e-7);
  });
  it('exp clamps its argument to [-87, 88] and passes NaN through', () => {
    const y = activation(Float64Array.from([200, -200, Number.NaN, 0]), 3);
    expect(y[0]).toBe(Math.fround(Math.exp(-87)));
    expect(Math.abs(y[1]! / Math.exp(88) - 1)).toBeLessThan(2e-7);
    expect(y[2]).toBeNaN();
    expect(y[3]).toBe(1);
  });
  it('SiLU (mode 1) is within 3e-7 relative of x / (1 + exp(-x)) over [-80, 80], and tends to x and to 0 (-x e^-88) beyond', () => {
    const x = grid(-80, 80);
    const y = activation(x, 1);
    let worst = 0;
    x.forEach((xi, i) => {
      if (xi !== 0) worst = Math.max(worst, Math.abs(y[i]! / (xi / (1 + Math.exp(-xi))) - 1));
    });
    expect(worst).toBeLessThan(3e-7);
    const [far, high, zero, nan] = activation(Float64Array.from([-1000, 1000, 0, Number.NaN]), 1);
    expect(Math.abs(far!)).toBeLessThan(1e-35);
    expect([high, zero, nan]).toEqual([1000, 0, Number.NaN]);
  });
  it('ReLU (mode 2) is max(x, 0)', () => {
    expect(Array.from(activation(Float64Array.from([-2, -0.5, 0, 3]), 2))).toEqual([0, 0, 0, 3]);
  });
});
