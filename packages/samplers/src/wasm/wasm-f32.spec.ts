import { type DiffusedComponents, ID_BLOCK_SIZE, allocateComponents, counterKey, diffuseComponents, firstNonFinite, gaussianMixture } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { manyComponentMixtures } from '../testing/many-components.js';
import { KERNELS_F32_WASM_BASE64 } from './kernels-f32-wasm.js';
import { expF32, lnF32 } from './float32-math.js';
import { blockNormals, laneNormals, laneStates, quadOffset } from './lane-normals.js';
import { ZIGGURAT_LAYERS, ZIGGURAT_R, zigguratF32Edges } from './ziggurat-f32.js';
import { assembleKernels } from './testing/assemble-kernels.js';
import { createWasmF32Kernels } from './wasm-f32-kernels.js';
import { type LinearStep, type ScheduledStep, wasmF32MixtureStep, wasmF32MixtureSteps } from './wasm-f32-step.js';

const kernels = createWasmF32Kernels();
if (kernels === undefined) throw new Error('Node 20 has WebAssembly SIMD: the float32 kernels must load');

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const mixture = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: [[0.5, 1], [0.8, 0.3]] });

/** Deterministic positions: a spiral from the centre out to radius `reach` (far from every mode at the end). */
const spiral = (n: number, reach: number) => Float32Array.from({ length: 2 * n }, (_, i) => ((reach * (i >> 1)) / n) * ((i & 1) === 0 ? Math.cos(0.37 * (i >> 1)) : Math.sin(0.37 * (i >> 1))));

/** The diffused mixture's score at x in float64: sum_k w_k p_k (a_k - x) / sum_k w_k, w_k = exp(l_k - max l). */
function score64(components: DiffusedComponents, x: number, y: number): [number, number] {
  const { centres: a, precisions: p, logNormalisers: c } = components;
  const logits = Array.from({ length: components.components }, (_, k) => c[k] - 0.5 * ((x - a[2 * k]) ** 2 * p[2 * k] + (y - a[2 * k + 1]) ** 2 * p[2 * k + 1]));
  const largest = Math.max(...logits);
  let total = 0;
  let sx = 0;
  let sy = 0;
  logits.forEach((l, k) => {
    const w = Math.exp(l - largest);
    total += w;
    sx += w * p[2 * k] * (a[2 * k] - x);
    sy += w * p[2 * k + 1] * (a[2 * k + 1] - y);
  });
  return [sx / total, sy / total];
}

describe('kernels-f32-wasm.ts', () => {
  it('holds the bytes that wat2wasm assembles from kernels-f32.wat (run npm run build:wasm after editing it)', async () => {
    const assembled = await assembleKernels('kernels-f32.wat');
    expect(Buffer.from(assembled).toString('base64')).toBe(KERNELS_F32_WASM_BASE64);
  });
});

describe('lane normals: the kernel and its TypeScript twin', () => {
  it.each([
    { seed: 7, block: 0, step: 0, stream: 0 },
    { seed: 2 ** 40 + 3, block: 977, step: 19, stream: 0xabcdef01 },
    { seed: 0, block: 2 ** 32 - 1, step: 2 ** 32 - 1, stream: 5 },
  ])('seed writes laneStates (Philox4x32-10 per generator) bit for bit: seed $seed, block $block', ({ seed, block, step, stream }) => {
    const [k0, k1] = counterKey(seed);
    kernels.seed(block, step, stream, k0, k1);
    expect(Array.from(kernels.generators())).toEqual(Array.from(laneStates(seed, block, { step, stream })));
  });

  it('normals draws laneNormals bit for bit, slow paths (wedges and the tail) included, for whole and partial blocks', () => {
    const key = { step: 3, stream: 77 };
    const top = zigguratF32Edges()[ZIGGURAT_LAYERS - 1];
    let tail = 0;
    let wedge = 0;
    for (let block = 0; block < 64; block++) {
      const seed = block % 2 === 0 ? 42 : 2 ** 33 + 1;
      const quads = block % 3 === 0 ? 1 + ((block * 37) % 255) : 256;
      const [k0, k1] = counterKey(seed);
      kernels.seed(block, key.step, key.stream, k0, k1);
      kernels.normals(quads);
      const twin = laneNormals(new Float32Array(8 * quads), seed, { first: block * ID_BLOCK_SIZE, count: 4 * quads }, key);
      expect(bits(kernels.z.slice(0, 8 * quads))).toEqual(bits(blockNormals(seed, block, key).slice(0, 8 * quads)));
      expect(bits(Float32Array.from({ length: 8 * quads }, (_, v) => kernels.z[quadOffset(v >> 1) + 4 * (v & 1)]))).toEqual(bits(twin));
      tail += twin.filter((z) => Math.abs(z) > ZIGGURAT_R).length;
      wedge += twin.filter((z) => Math.abs(z) < top).length;
    }
    // about 0.13 tail draws a block (P(|Z| > R) = 5.4e-5), and 2 of the top layer's (all wedge tests)
    expect(tail).toBeGreaterThan(0);
    expect(wedge).toBeGreaterThan(40);
  });

  it('laneNormals of ids in any order or batch are those of the block drawn whole', () => {
    const key = { step: 1, stream: 2 };
    const whole = laneNormals(new Float32Array(2 * 2 * ID_BLOCK_SIZE), 11, { first: ID_BLOCK_SIZE, count: 2 * ID_BLOCK_SIZE }, key);
    const ids = Uint32Array.from([2 * ID_BLOCK_SIZE + 5, ID_BLOCK_SIZE + 1023, ID_BLOCK_SIZE, 3 * ID_BLOCK_SIZE - 1]);
    const some = laneNormals(new Float32Array(2 * ids.length), 11, ids, key);
    ids.forEach((id, i) => {
      expect(some[2 * i]).toBe(whole[2 * (id - ID_BLOCK_SIZE)]);
      expect(some[2 * i + 1]).toBe(whole[2 * (id - ID_BLOCK_SIZE) + 1]);
    });
  });

  it('are exactly distributed in the slow path: the tail beyond R and the top layers have the normal law\'s mass (2^21 kernel normals)', () => {
    const blocks = 1024;
    const z = new Float32Array(2 * ID_BLOCK_SIZE * blocks);
    const [k0, k1] = counterKey(5);
    for (let block = 0; block < blocks; block++) {
      kernels.seed(block, 0, 9, k0, k1);
      kernels.normals(256);
      z.set(kernels.z, 2 * ID_BLOCK_SIZE * block); // the order does not matter here
    }
    const m = z.length;
    const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    // P(a <= |Z| < b) for the tail beyond R, the base strip inside R, the top layer (all wedge) and the second; four standard errors of a binomial count
    const x = zigguratF32Edges();
    for (const [from, to] of [[ZIGGURAT_R, Number.POSITIVE_INFINITY], [3, ZIGGURAT_R], [0, x[ZIGGURAT_LAYERS - 1]], [x[ZIGGURAT_LAYERS - 1], x[ZIGGURAT_LAYERS - 2]], [1, 1.2]] as const) {
      const p = 2 * (phi(to) - phi(from));
      const count = z.filter((v) => Math.abs(v) >= from && Math.abs(v) < to).length;
      expect(Math.abs(count - m * p)).toBeLessThan(4 * Math.sqrt(m * p * (1 - p)));
    }
    const mean = z.reduce((s, v) => s + v, 0) / m;
    const fourth = z.reduce((s, v) => s + v ** 4, 0) / m;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(fourth - 3)).toBeLessThan(4 * Math.sqrt(96 / m)); // Var(Z^4) = 105 - 9
  });

  it('the float32 exp and ln twins are the kernel\'s: exp bit for bit against expInPlace, ln within 2 ulp of Math.log', () => {
    const x = Float32Array.from({ length: 2048 }, (_, i) => -60 + (120 * i) / 2047);
    kernels.z.set(x);
    kernels.expInPlace(2048);
    expect(bits(kernels.z.slice(0, 2048))).toEqual(bits(Float32Array.from(x, expF32)));
    for (let k = 1; k < 1 << 23; k += 997) {
      const u = (k + 0.5) * 2 ** -23;
      expect(Math.abs(lnF32(u) - Math.log(u))).toBeLessThan(2 * 2 ** -23 * Math.max(1, Math.abs(Math.log(u))));
    }
  });

  it('are standard normals: moments, Kolmogorov-Smirnov, and no correlation within a particle, between neighbours, steps or streams', () => {
    const n = 65_536;
    const draw = (step: number, stream: number) => laneNormals(new Float32Array(2 * n), 2024, { first: 3000, count: n }, { step, stream });
    const z = draw(1, 7);
    const all = Float64Array.from(z);
    const m = all.length;
    const mean = all.reduce((s, v) => s + v, 0) / m;
    const variance = all.reduce((s, v) => s + (v - mean) ** 2, 0) / m;
    // four standard errors: sd(mean) = 1 / sqrt(m), sd(variance) = sqrt(2 / m)
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
    const sorted = all.slice().sort();
    const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    let ks = 0;
    sorted.forEach((v, i) => (ks = Math.max(ks, Math.abs(phi(v) - i / m), Math.abs(phi(v) - (i + 1) / m))));
    expect(ks).toBeLessThan(1.63 / Math.sqrt(m)); // the 1% critical value
    const correlation = (a: ArrayLike<number>, b: ArrayLike<number>, count: number) => {
      let s = 0;
      for (let i = 0; i < count; i++) s += a[i] * b[i];
      return s / count;
    };
    const pick = (source: Float32Array, offset: number) => Float32Array.from({ length: n - 1 }, (_, i) => source[2 * i + offset]);
    const bound = 4 / Math.sqrt(n - 1);
    expect(Math.abs(correlation(pick(z, 0), pick(z, 1), n - 1))).toBeLessThan(bound);
    expect(Math.abs(correlation(pick(z, 0), Float32Array.from({ length: n - 1 }, (_, i) => z[2 * i + 2]), n - 1))).toBeLessThan(bound);
    expect(Math.abs(correlation(pick(z, 0), pick(draw(2, 7), 0), n - 1))).toBeLessThan(bound);
    expect(Math.abs(correlation(pick(z, 0), pick(draw(1, 8), 0), n - 1))).toBeLessThan(bound);
  });
});

/** The error function (Abramowitz and Stegun 7.1.26 is too coarse for a KS test at 65k: a series and a continued fraction). */
function erf(x: number): number {
  const t = Math.abs(x);
  if (t > 6) return Math.sign(x);
  // erf(t) = 2/sqrt(pi) sum_n (-1)^n t^(2n+1) / (n! (2n+1)), enough terms for t <= 6
  let term = t;
  let sum = t;
  for (let k = 1; k < 200; k++) {
    term *= (-t * t) / k;
    sum += term / (2 * k + 1);
    if (Math.abs(term / (2 * k + 1)) < 1e-17 * Math.abs(sum)) break;
  }
  return Math.sign(x) * Math.min(1, (2 / Math.sqrt(Math.PI)) * sum);
}

/**
 * The largest `error(value, x)` of an in-place kernel function (`apply(count)` on the first count
 * values of `z`) over 81,920 float32 points evenly spread on [lo, hi], 2,048 a call.
 */
const sweep = (lo: number, hi: number, apply: (count: number) => void, error: (value: number, x: number) => number): number => {
  const count = 2048;
  const rounds = 40;
  let worst = 0;
  for (let round = 0; round < rounds; round++) {
    const x = Float32Array.from({ length: count }, (_, i) => lo + ((hi - lo) * (round * count + i)) / (rounds * count - 1));
    kernels.z.set(x);
    apply(count);
    for (let i = 0; i < count; i++) worst = Math.max(worst, error(kernels.z[i], x[i]));
  }
  return worst;
};

describe('the float32 kernel: exp and the step', () => {
  it('exp is within 1.5e-7 relative of Math.exp on [-50, 50] (Cephes expf), and clamps outside', () => {
    const worst = sweep(-50, 50, (count) => kernels.expInPlace(count), (value, x) => Math.abs(value / Math.exp(x) - 1));
    expect(worst).toBeLessThan(1.5e-7);
    kernels.z.set([80, -80, Number.NaN, 0]);
    kernels.expInPlace(4);
    expect(kernels.z[0] / Math.exp(50)).toBeCloseTo(1, 6);
    expect(kernels.z[1] / Math.exp(-50)).toBeCloseTo(1, 6);
    expect(kernels.z[2]).toBeNaN();
    expect(kernels.z[3]).toBe(1);
  });

  it("the two components' weight 1 / (1 + e^l) is within 1.2e-7 of float64's on [-60, 60], 0 or 1 beyond, and NaN stays NaN", () => {
    const worst = sweep(-60, 60, (count) => kernels.logisticInPlace(count), (value, l) => Math.abs(value - 1 / (1 + Math.exp(l))));
    expect(worst).toBeLessThan(1.2e-7);
    // the sweep measured the kernel's float32 values, which cannot be float64's everywhere
    expect(worst).toBeGreaterThan(1e-9);
    kernels.z.set([200, -200, Number.NaN, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1, -1]);
    kernels.logisticInPlace(8);
    expect(kernels.z[0]).toBeLessThan(1e-21);
    expect(kernels.z[1]).toBe(1);
    expect(kernels.z[2]).toBeNaN();
    expect(kernels.z[3]).toBe(0.5);
    expect(kernels.z[6]).toBeCloseTo(1 / (1 + Math.E), 7);
  });

  it('steps two narrow components far from the origin to float32 roundoff of the position (the logit difference about their midpoint)', () => {
    // centres and precisions (400, 625) exact in float32; expanded about the origin instead, the logit difference's
    // quadratic term (p_1 - p_0) |x|^2 / 2 ~ 1e8 would bury it in roundoff
    const far = gaussianMixture({ weights: [0.5, 0.5], means: [[1000, -500], [1000.25, -499.75]], std: [0.05, 0.04] });
    const components = allocateComponents('spec', far);
    diffuseComponents(far, 1, 0, components);
    const n = 2000;
    const x0 = Float32Array.from({ length: 2 * n }, (_, i) => (i & 1) === 0 ? 999.9 + (0.45 * (i >> 1)) / n : -500.1 + (0.45 * (((i >> 1) * 7) % n)) / n);
    const step: LinearStep = { cx: 1, cs: 0.5 / 625, cz: 0 };
    const x = x0.slice();
    expect(wasmF32MixtureStep(kernels, x, components, step, undefined)).toBe(true);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const score = score64(components, x0[2 * i], x0[2 * i + 1]);
      for (let j = 0; j < 2; j++) worst = Math.max(worst, Math.abs(x[2 * i + j] - (x0[2 * i + j] + step.cs * score[j])));
    }
    // a few ulp of 1000 (6.1e-5): the centres' pull moves points by up to 0.2
    expect(worst).toBeLessThan(4 * 6.1e-5);
  });

  const mixtures = [mixture, ...manyComponentMixtures(4)];
  it.each(mixtures.map((of) => ({ of, components: of.components })))(
    'steps x <- cx x + cs score + cz z as float64 does, to float32 roundoff ($components components)',
    ({ of }) => {
      const n = 3001;
      const components = allocateComponents('spec', of);
      diffuseComponents(of, 0.8, 0.6, components);
      const x0 = spiral(n, 12);
      const step: LinearStep = { cx: 1.02, cs: 0.03, cz: 0.2 };
      const noise = { seed: 5, ids: { first: 700, count: n }, key: { step: 4, stream: 99 } };
      const x = x0.slice();
      expect(wasmF32MixtureStep(kernels, x, components, step, noise)).toBe(true);
      const z = laneNormals(new Float32Array(2 * n), noise.seed, noise.ids, noise.key);
      for (let i = 0; i < n; i++) {
        const score = score64(components, x0[2 * i], x0[2 * i + 1]);
        for (let j = 0; j < 2; j++) {
          const terms = [step.cx * x0[2 * i + j], step.cs * score[j], step.cz * z[2 * i + j]];
          const expected = terms[0] + terms[1] + terms[2];
          // float32 roundoff of a few dozen operations, on the scale of the largest term (and of the score's pulls)
          const scale = Math.max(...terms.map(Math.abs), step.cs * 40);
          expect(Math.abs(x[2 * i + j] - expected)).toBeLessThan(2e-6 * scale);
        }
      }
    },
  );

  it('gives the same bytes with any split of the particles into batches, and for the same ids given as a list', () => {
    const n = 2500;
    const components = allocateComponents('spec', mixture);
    diffuseComponents(mixture, 0.9, 0.4, components);
    const step: LinearStep = { cx: 0.99, cs: 0.02, cz: 0.3 };
    const key = { step: 7, stream: 3 };
    const x0 = spiral(n, 6);
    const whole = x0.slice();
    wasmF32MixtureStep(kernels, whole, components, step, { seed: 11, ids: { first: 1000, count: n }, key });
    for (const sizes of [[1, 3, 777, 1719], [1024, 1024, 452], [23, 2477]]) {
      const cut = x0.slice();
      let first = 0;
      for (const size of sizes) {
        wasmF32MixtureStep(kernels, cut.subarray(2 * first, 2 * (first + size)), components, step, { seed: 11, ids: { first: 1000 + first, count: size }, key });
        first += size;
      }
      expect(bits(cut)).toEqual(bits(whole));
    }
    const listed = x0.slice();
    wasmF32MixtureStep(kernels, listed, components, step, { seed: 11, ids: Uint32Array.from({ length: n }, (_, i) => 1000 + i), key });
    expect(bits(listed)).toEqual(bits(whole));
  });

  it.each([mixture, manyComponentMixtures(4)[1]].map((of) => ({ of, components: of.components })))('says when a position is not finite, and steps the others as without it ($components components)', ({ of }) => {
    const n = 37;
    const components = allocateComponents('spec', of);
    diffuseComponents(of, 1, 0.5, components);
    const step: LinearStep = { cx: 1, cs: 0.01, cz: 0.1 };
    const noise = { seed: 1, ids: { first: 0, count: n }, key: { step: 0, stream: 0 } };
    const clean = spiral(n, 3);
    const planted = clean.slice();
    planted[10] = Number.NaN;
    planted[31] = Number.POSITIVE_INFINITY;
    expect(wasmF32MixtureStep(kernels, clean, components, step, noise)).toBe(true);
    expect(wasmF32MixtureStep(kernels, planted, components, step, noise)).toBe(false);
    for (const i of [10, 11, 30, 31]) expect(Number.isFinite(planted[i])).toBe(false);
    const others = (a: Float32Array) => bits(a).filter((_, i) => ![10, 11, 30, 31].includes(i));
    expect(others(planted)).toEqual(others(clean));
  });

  describe('wasmF32MixtureSteps', () => {
    /** Steps with varying coefficients and noise (none on two of them), the mixture diffused anew each step. */
    const plan = (of: typeof mixture, components: DiffusedComponents, cx: readonly number[] = []) => (s: number): ScheduledStep => {
      diffuseComponents(of, 1 - 0.02 * s, 0.9 - 0.05 * s, components);
      return { components, step: { cx: cx[s] ?? 1.01 - 0.003 * s, cs: 0.02 + 0.001 * s, cz: s === 2 || s === 6 ? 0 : 0.3 - 0.01 * s }, key: { step: 10 + s, stream: 5 } };
    };
    /** The same steps one at a time (`wasmF32MixtureStep`), and where a position first became non-finite. */
    const stepwise = (x: Float32Array, steps: number, at: (s: number) => ScheduledStep, seed: number, ids: { first: number; count: number } | Uint32Array) => {
      for (let s = 0; s < steps; s++) {
        const { components, step, key } = at(s);
        if (!wasmF32MixtureStep(kernels, x, components, step, step.cz === 0 ? undefined : { seed, ids, key })) {
          const index = firstNonFinite(x);
          if (index >= 0) return { step: s, index };
        }
      }
      return undefined;
    };

    it.each([
      { what: 'two components, a range of ids cut by blocks (fused)', of: mixture, ids: { first: 700, count: 2600 } },
      { what: 'three components (step by step)', of: manyComponentMixtures(3)[0], ids: { first: 700, count: 2600 } },
      { what: 'two components, ids as a list (step by step)', of: mixture, ids: Uint32Array.from({ length: 2600 }, (_, i) => 700 + 3 * i) },
    ])('gives the bytes of the steps one at a time: $what', ({ of, ids }) => {
      const n = 2600;
      const x0 = spiral(n, 8);
      const fused = x0.slice();
      expect(wasmF32MixtureSteps(kernels, fused, 9, plan(of, allocateComponents('spec', of)), { seed: 3, ids })).toBeUndefined();
      const one = x0.slice();
      expect(stepwise(one, 9, plan(of, allocateComponents('spec', of)), 3, ids)).toBeUndefined();
      expect(bits(fused)).toEqual(bits(one));
      // the steps moved the particles, noise included
      expect(bits(fused)).not.toEqual(bits(x0));
    });

    it("says where a position first became non-finite: the earliest step's, then the first index, as step by step", () => {
      const n = 3000;
      // equal precisions: the logit difference is linear in x, finite up to float32's largest value
      const even = gaussianMixture({ weights: [0.4, 0.6], means: [[-3, 0], [2, 2]], std: 0.8 });
      const components = allocateComponents('spec', even);
      // positions at 1e37 (in blocks 1 and 2) and 1e35 (block 0) pass float32's largest value in the 100-fold steps 3 and 4:
      // block 1's goes first
      const cx = [1, 1, 1, 100, 100, 1, 1];
      const x0 = spiral(n, 3);
      x0[2 * 2500] = 1e37;
      x0[2 * 1500] = 2e37;
      x0[2 * 200 + 1] = -1e35;
      const fused = x0.slice();
      const ids = { first: 100, count: n };
      const found = wasmF32MixtureSteps(kernels, fused, 7, plan(even, components, cx), { seed: 4, ids });
      const one = x0.slice();
      const expected = stepwise(one, 7, plan(even, components, cx), 4, ids);
      expect(found).toEqual(expected);
      expect(found).toEqual({ step: 3, index: 2 * 1500 });
      expect(Number.isFinite(fused[2 * 200 + 1])).toBe(false);
    });
  });

  it('refuses a mixture off the plane and a noisy step without its noise', () => {
    const space = allocateComponents('spec', gaussianMixture({ means: [[0, 0, 0]], std: 1 }));
    expect(() => wasmF32MixtureStep(kernels, new Float32Array(6), space, { cx: 1, cs: 0, cz: 0 }, undefined)).toThrow(/in the plane.*dimension 3/);
    const plane = allocateComponents('spec', mixture);
    expect(() => wasmF32MixtureStep(kernels, new Float32Array(4), plane, { cx: 1, cs: 0, cz: 1 }, undefined)).toThrow(/needs its normals/);
  });
});
