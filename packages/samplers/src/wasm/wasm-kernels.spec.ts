import { ID_BLOCK_SIZE, allocateComponents, createRng, diffuseComponents, gaussianMixture, writeGradLogDensity } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { affineStep } from '../reverse-sde/reverse-step.js';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';
import { assembleKernels } from './testing/assemble-kernels.js';
import { KERNEL_LAYOUT, createWasmKernels } from './wasm-kernels.js';
import { wasmMixtureFlowStep, wasmMixtureStep } from './wasm-mixture-step.js';
import { wasmNormals } from './wasm-normals.js';

const kernels = createWasmKernels();
if (kernels === undefined) throw new Error('Node 20 has WebAssembly SIMD: the kernels must load');

/** Bit patterns, so that -0 and the last ulp count (every NaN reads as one pattern: its sign is the engine's choice, and a NaN stops a run). */
const bits = (a: Float32Array) => Uint32Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length), (b, i) => (Number.isNaN(a[i]) ? 0x7fc00000 : b));

/** The indices where two float32 arrays differ in their bits (a fast comparison for long arrays). */
function mismatches(a: Float32Array, b: Float32Array): number[] {
  const x = bits(a);
  const y = bits(b);
  const out: number[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push(i);
  return out;
}

describe('kernels-wasm.ts', () => {
  it('holds the bytes that wat2wasm assembles from kernels.wat (run npm run build:wasm after editing it)', async () => {
    const assembled = await assembleKernels();
    expect(Buffer.from(assembled).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });
});

describe('wasmNormals(kernels, out, ids, width, { seed, key })', () => {
  it.each([
    { seed: 7, first: 0, count: 3000, width: 2 },
    { seed: 2 ** 40 + 3, first: 1000, count: 2100, width: 3 },
    { seed: 123, first: 5 * ID_BLOCK_SIZE - 1, count: 2, width: 1 },
  ])('draws core createRng($seed).normal bit for bit (first $first, count $count, width $width)', ({ seed, first, count, width }) => {
    const key = { step: 11, stream: 0xabcdef };
    const expected = createRng(seed).normal(new Float32Array(count * width), { first, count }, width, key);
    const drawn = wasmNormals(kernels, new Float32Array(count * width), { first, count }, width, { seed, key }, KERNEL_LAYOUT.scratch);
    expect(bits(drawn)).toEqual(bits(expected));
  });

  it('takes the slow path (wedges and tail) as often as core: 200k normals agree bit for bit', () => {
    const count = 100_000;
    const key = { step: 0, stream: 1 };
    const expected = createRng(99).normal(new Float32Array(count * 2), { first: 0, count }, 2, key);
    const drawn = wasmNormals(kernels, new Float32Array(count * 2), { first: 0, count }, 2, { seed: 99, key }, KERNEL_LAYOUT.scratch);
    expect(mismatches(drawn, expected)).toEqual([]);
    // beyond the base layer's edge R = 3.44: only the tail sampler reaches there
    expect(drawn.some((z) => Math.abs(z) > 3.45)).toBe(true);
  });

  it("runs the ziggurat's slow path in the kernel as core does: 4,000,000 normals agree bit for bit (about 48,000 wedge and 2,300 tail draws)", () => {
    const count = 2_000_000;
    const key = { step: 5, stream: 77 };
    const expected = createRng(2024).normal(new Float32Array(count * 2), { first: 0, count }, 2, key);
    const drawn = wasmNormals(kernels, new Float32Array(count * 2), { first: 0, count }, 2, { seed: 2024, key }, KERNEL_LAYOUT.scratch);
    expect(mismatches(drawn, expected)).toEqual([]);
    expect(drawn.filter((z) => Math.abs(z) > 3.4426198559).length).toBeGreaterThan(2000);
  });
});

describe('wasmMixtureStep(kernels, x, components, update, noise)', () => {
  const mixture = gaussianMixture({ weights: [0.3, 0.7], means: [[-4, 1], [3, -2]], std: [[0.5, 1.5], [1, 0.25]] });
  const components = allocateComponents('spec', mixture);

  /** The TypeScript path: core's score into a float32 buffer, keyed normals, affineStep. */
  function typescriptStep(x: Float32Array, scale: number, scoreDt: number, noise: number, seed: number, first: number): boolean {
    const score = new Float32Array(x.length);
    writeGradLogDensity(components, x, score);
    const z = new Float32Array(x.length);
    if (noise !== 0) createRng(seed).normal(z, { first, count: x.length / 2 }, 2, { step: 4, stream: 9 });
    return affineStep(x, score, z, scale, scoreDt, noise);
  }

  function points(n: number, seed: number, spread: number): Float32Array {
    const x = createRng(seed).normal(new Float32Array(n * 2), { first: 0, count: n }, 2, { step: 0 });
    for (let i = 0; i < x.length; i++) x[i] *= spread;
    return x;
  }

  it.each([
    { n: 2501, first: 700, noise: 0.3, mean: 0.8, std: 0.6, spread: 3 },
    { n: 1, first: 0, noise: 0.3, mean: 1, std: 0.01, spread: 1 },
    { n: 64, first: 3, noise: 0, mean: 0.5, std: 2, spread: 1 },
    { n: 999, first: 0, noise: 1, mean: 1, std: 0.05, spread: 1e4 },
  ])('gives the bytes of the TypeScript step (n $n, noise $noise, spread $spread)', ({ n, first, noise, mean, std, spread }) => {
    diffuseComponents(mixture, mean, std, components);
    const x = points(n, n, spread);
    const expected = x.slice();
    const scale = 1.0123;
    const scoreDt = -0.0421;
    const finiteTs = typescriptStep(expected, scale, scoreDt, noise, 42, first);
    const finite = wasmMixtureStep(kernels, x, components, { scale, scoreDt, noise }, { first, normals: { seed: 42, key: { step: 4, stream: 9 } } });
    expect(bits(x)).toEqual(bits(expected));
    expect(finite).toBe(finiteTs);
    expect(finite).toBe(true);
  });

  it.each([
    { n: 2049, mean: 0.7, std: 0.9, spread: 3 },
    { n: 3, mean: 1, std: 0.02, spread: 1e3 },
  ])('takes the probability-flow Euler step with the bytes of odeEuler (n $n, spread $spread)', ({ n, mean, std, spread }) => {
    diffuseComponents(mixture, mean, std, components);
    const x = points(n, n + 1, spread);
    const expected = x.slice();
    const a = -0.37;
    const g = 0.83;
    const dt = -0.0123;
    // odeEuler: the score into the velocity buffer, v = a x - (0.5 g g) score in place, x += dt v
    const velocity = new Float32Array(x.length);
    writeGradLogDensity(components, expected, velocity);
    const weight = 0.5 * g * g;
    for (let i = 0; i < x.length; i++) velocity[i] = a * expected[i] - weight * velocity[i];
    for (let i = 0; i < x.length; i++) expected[i] += dt * velocity[i];
    expect(wasmMixtureFlowStep(kernels, x, components, { a, weight, dt })).toBe(true);
    expect(bits(x)).toEqual(bits(expected));
  });

  it('takes given normals for ids that are not a range', () => {
    diffuseComponents(mixture, 0.9, 0.4, components);
    const x = points(3000, 5, 2);
    const expected = x.slice();
    const z = points(3000, 6, 1);
    const score = new Float32Array(x.length);
    writeGradLogDensity(components, expected, score);
    affineStep(expected, score, z, 1, -0.01, 0.1);
    wasmMixtureStep(kernels, x, components, { scale: 1, scoreDt: -0.01, noise: 0.1 }, { z });
    expect(bits(x)).toEqual(bits(expected));
  });

  it('reports a non-finite position (NaN, or beyond float64) as affineStep does', () => {
    diffuseComponents(mixture, 1, 0.5, components);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const x = points(9, 1, 1);
      x[13] = bad;
      const expected = x.slice();
      const finiteTs = typescriptStep(expected, 1, -0.1, 0, 0, 0);
      const finite = wasmMixtureStep(kernels, x, components, { scale: 1, scoreDt: -0.1, noise: 0 }, undefined);
      expect(finite).toBe(false);
      expect(finiteTs).toBe(false);
      expect(bits(x)).toEqual(bits(expected));
    }
  });

  it.each([
    { components: 1, spread: 2, noise: 0.3 },
    { components: 3, spread: 1, noise: 0 },
    { components: 8, spread: 4, noise: 1 },
    { components: 8, spread: 1e4, noise: 0.2 },
    { components: 65, spread: 6, noise: 0.5 },
  ])('runs $components components through the generic score with the bytes of core (spread $spread, noise $noise)', ({ components: count, spread, noise }) => {
    const many = gaussianMixture({
      weights: Array.from({ length: count }, (_, k) => 1 + (k % 3)),
      means: Array.from({ length: count }, (_, k) => [4 * Math.cos(k), 4 * Math.sin(2 * k)]),
      std: Array.from({ length: count }, (_, k) => [0.2 + 0.05 * (k % 7), 0.9 - 0.1 * (k % 5)]),
    });
    const diffused = allocateComponents('spec', many);
    diffuseComponents(many, 0.9, 0.3, diffused);
    const x = points(1501, count, spread);
    x[7] = Number.NaN;
    x[20] = Number.NEGATIVE_INFINITY;
    const expected = x.slice();
    const score = new Float32Array(x.length);
    writeGradLogDensity(diffused, expected, score);
    const z = new Float32Array(x.length);
    if (noise !== 0) createRng(3).normal(z, { first: 11, count: x.length / 2 }, 2, { step: 1, stream: 2 });
    const finiteTs = affineStep(expected, score, z, 1.01, -0.03, noise);
    const finite = wasmMixtureStep(kernels, x, diffused, { scale: 1.01, scoreDt: -0.03, noise }, { first: 11, normals: { seed: 3, key: { step: 1, stream: 2 } } });
    expect(bits(x)).toEqual(bits(expected));
    expect(finite).toBe(finiteTs);
    expect(finite).toBe(false);
    // and the rows that are finite: the step without the planted NaN and infinity
    const clean = points(600, count + 1, spread);
    const cleanExpected = clean.slice();
    writeGradLogDensity(diffused, cleanExpected, score.subarray(0, clean.length));
    affineStep(cleanExpected, score.subarray(0, clean.length), new Float32Array(clean.length), 1.01, -0.03, 0);
    expect(wasmMixtureStep(kernels, clean, diffused, { scale: 1.01, scoreDt: -0.03, noise: 0 }, undefined)).toBe(true);
    expect(bits(clean)).toEqual(bits(cleanExpected));
  });

  it('rejects a mixture off the plane or of more than 256 components, naming what it got', () => {
    const space = allocateComponents('spec', gaussianMixture({ means: [[0, 0, 0], [1, 1, 1]], std: 1 }));
    expect(() => wasmMixtureStep(kernels, new Float32Array(6), space, { scale: 1, scoreDt: 0, noise: 0 }, undefined)).toThrow(/at most 256 components, got 2 in dimension 3/);
    const many = allocateComponents('spec', gaussianMixture({ means: Array.from({ length: 257 }, (_, k) => [k, 0]), std: 1 }));
    expect(() => wasmMixtureStep(kernels, new Float32Array(4), many, { scale: 1, scoreDt: 0, noise: 0 }, undefined)).toThrow(/at most 256 components, got 257 in dimension 2/);
  });
});
