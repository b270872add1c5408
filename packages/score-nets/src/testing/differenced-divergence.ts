import { createRng } from '@scoreflow/core';
import { expect } from 'vitest';

/**
 * Test-only: sum over probes e of d/dh e . f(x + h e) at h = 0, per row, by central differences of the float32
 * field f (a score or a velocity) (Richardson-extrapolated, error O(h^4); h = 0.02 keeps the float32 rounding small).
 */
export async function differenced(score: (x: Float32Array, out: Float32Array) => void | Promise<void>, x: Float32Array, dim: number, probes: Float32Array[], h = 0.02): Promise<Float64Array> {
  const n = x.length / dim;
  const total = new Float64Array(n);
  const along = async (probe: Float32Array, step: number) => {
    const plus = x.map((v, i) => v + step * probe[i]);
    const minus = x.map((v, i) => v - step * probe[i]);
    const [sPlus, sMinus] = [new Float32Array(x.length), new Float32Array(x.length)];
    await score(plus, sPlus);
    await score(minus, sMinus);
    return Float64Array.from({ length: n }, (_, i) => {
      let sum = 0;
      for (let j = 0; j < dim; j++) sum += (probe[i * dim + j] * (sPlus[i * dim + j] - sMinus[i * dim + j])) / (2 * step);
      return sum;
    });
  };
  for (const probe of probes) {
    const [coarse, fine] = [await along(probe, h), await along(probe, h / 2)];
    for (let i = 0; i < n; i++) total[i] += (4 * fine[i] - coarse[i]) / 3;
  }
  return total;
}

/**
 * Test-only: a field's `divergence` (a score's or a velocity's) at time t is the trace of the
 * field's Jacobian by `differenced` at 16 normal points of dimension `dim`, and with a Rademacher
 * probe e the quadratic form e^T J e, within 2e-3 relative.
 */
export async function expectDivergence(
  field: (x: Float32Array, t: number, out: Float32Array) => void | Promise<void>,
  divergence: (x: Float32Array, t: number, out: Float64Array, probe?: Float32Array) => void | Promise<void>,
  dim: number,
  t: number,
): Promise<void> {
  const n = 16;
  const x = createRng(2).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 });
  const at = async (y: Float32Array, out: Float32Array) => field(y, t, out);
  const exact = new Float64Array(n);
  await divergence(x, t, exact);
  const basis = Array.from({ length: dim }, (_, j) => Float32Array.from({ length: n * dim }, (_, i) => (i % dim === j ? 1 : 0)));
  const expected = await differenced(at, x, dim, basis);
  const probe = createRng(5).normal(new Float32Array(n * dim), { first: 0, count: n }, dim, { step: 0 }).map(Math.sign);
  const quadratic = new Float64Array(n);
  await divergence(x, t, quadratic, probe);
  const expectedQuadratic = await differenced(at, x, dim, [probe]);
  for (let i = 0; i < n; i++) {
    expect(Math.abs(exact[i] - expected[i]), `particle ${i}`).toBeLessThan(2e-3 * (1 + Math.abs(expected[i])));
    expect(Math.abs(quadratic[i] - expectedQuadratic[i]), `particle ${i}, probe`).toBeLessThan(2e-3 * (1 + Math.abs(expectedQuadratic[i])));
  }
}
