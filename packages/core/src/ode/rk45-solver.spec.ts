import { describe, expect, it } from 'vitest';
import { rk45Solver } from './rk45-solver.js';
import { StepSizeError } from './step-size-error.js';

/** dy/dt = [y1, -y0] (a rotation) from y = (1, 0): y(t) = (cos t, -sin t). */
function rotation(y: Float64Array, _t: number, out: Float64Array): void {
  out[0] = y[1];
  out[1] = -y[0];
}

describe('rk45Solver', () => {
  it('rk45Solver(F, y, t0).advance(t) meets a tight tolerance in Float64, forward and backward', async () => {
    for (const [from, to] of [
      [0, 3],
      [3, 0],
    ]) {
      const y = Float64Array.of(Math.cos(from), -Math.sin(from));
      const solver = rk45Solver(rotation, y, from, { name: 'rotation', rtol: 1e-10, atol: 1e-12, group: 2, span: 3 }, () => new Float64Array(2));
      await solver.advance(1.5);
      await solver.advance(to);
      expect(solver.time).toBe(to);
      expect(Math.abs(y[0] - Math.cos(to))).toBeLessThan(1e-8);
      expect(Math.abs(y[1] + Math.sin(to))).toBeLessThan(1e-8);
    }
  });

  it('counts 2 + 6 evaluations per attempted step and tightens with more of them', async () => {
    const counts: number[] = [];
    for (const tolerance of [1e-4, 1e-8]) {
      let evaluations = 0;
      const y = Float64Array.of(1, 0);
      const counted = (y: Float64Array, t: number, out: Float64Array) => {
        evaluations += 1;
        rotation(y, t, out);
      };
      await rk45Solver(counted, y, 0, { name: 'rotation', rtol: tolerance, atol: tolerance, group: 2, span: 2 }, () => new Float64Array(2)).advance(2);
      expect((evaluations - 2) % 6).toBe(0);
      counts.push(evaluations);
    }
    expect(counts[1]).toBeGreaterThan(counts[0]);
  });

  it('rejects with a StepSizeError naming the caller when the derivative turns non-finite', async () => {
    const blowUp = (y: Float64Array, t: number, out: Float64Array) => {
      out[0] = t > 0.5 ? Number.NaN : y[0];
    };
    const solver = rk45Solver(blowUp, Float64Array.of(1), 0, { name: 'blow-up', rtol: 1e-6, atol: 1e-6, group: 1, span: 1 }, () => new Float64Array(1));
    const error = await solver.advance(1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StepSizeError);
    expect(String(error)).toMatch(/blow-up: the step size fell below/);
  });
});
