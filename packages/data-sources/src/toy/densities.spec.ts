import { describe, expect, it } from 'vitest';
import { type Density, createRunContext } from '@scoreflow/core';
import { finiteDifferenceGradient } from '@scoreflow/core/testing';
import { collect } from '../testing/collect.js';
import { bananaSource } from './banana/banana-source.js';
import { checkerboardSource } from './checkerboard/checkerboard-source.js';
import type { DensitySource } from './density-source.js';
import { donutSource } from './donut/donut-source.js';
import { funnelSource } from './funnel/funnel-source.js';
import { eightGaussiansSource } from './mixtures/eight-gaussians-source.js';
import { twentyFiveGaussiansSource } from './mixtures/twenty-five-gaussians-source.js';
import { type Interval, chiSquare, iteratedTrapezoid } from './testing/quadrature.js';

/** A toy source with a density, the grid that integrates it, and the box of its chi-square test. */
interface DensityCase {
  readonly label: string;
  readonly source: DensitySource;
  /** x1 nodes, and x2 nodes for each x1. */
  readonly outer: Interval;
  readonly inner: (x1: number) => Interval;
  /** Integration error allowed (smooth densities: rounding only). */
  readonly tolerance: number;
  /** [lo1, hi1, lo2, hi2] and bins per axis for the chi-square test, or undefined to skip it. */
  readonly box?: readonly [number, number, number, number];
  readonly bins?: number;
}

const box = (from: number, to: number, intervals: number): Interval => ({ from, to, intervals });

const cases: DensityCase[] = [
  // Components of std 0.354 (scale 1) and 0.0177 (25 Gaussians): steps of a quarter std or less.
  { label: 'eight-gaussians', source: eightGaussiansSource(), outer: box(-6, 6, 240), inner: () => box(-6, 6, 240), tolerance: 1e-9, box: [-4, 4, -4, 4], bins: 40 },
  { label: 'eight-gaussians { scale: 2, std: 0.2 }', source: eightGaussiansSource({ scale: 2, std: 0.2 }), outer: box(-9, 9, 360), inner: () => box(-9, 9, 360), tolerance: 1e-9, box: [-7, 7, -7, 7], bins: 40 },
  { label: 'twenty-five-gaussians', source: twentyFiveGaussiansSource(), outer: box(-1.6, 1.6, 800), inner: () => box(-1.6, 1.6, 800), tolerance: 1e-8 },
  { label: 'twenty-five-gaussians { scale: 2, std: 0.1 }', source: twentyFiveGaussiansSource({ scale: 2, std: 0.1 }), outer: box(-5, 5, 400), inner: () => box(-5, 5, 400), tolerance: 1e-9, box: [-3.5, 3.5, -3.5, 3.5], bins: 35 },
  // Jumps on the lines x = 2k scale: with nodes at the centres of cells of width h that tile the
  // squares (and zero density at the end nodes), the trapezoid rule is the midpoint rule, exact here.
  { label: 'checkerboard', source: checkerboardSource(), outer: box(-5.025, 5.025, 201), inner: () => box(-5.025, 5.025, 201), tolerance: 1e-12, box: [-4, 4, -4, 4], bins: 16 },
  { label: 'checkerboard { scale: 0.5 }', source: checkerboardSource({ scale: 0.5 }), outer: box(-2.5125, 2.5125, 201), inner: () => box(-2.5125, 2.5125, 201), tolerance: 1e-12 },
  { label: 'banana', source: bananaSource(), outer: box(-16, 16, 320), inner: (x1) => box(0.25 * (x1 * x1 - 4) - 9, 0.25 * (x1 * x1 - 4) + 9, 180), tolerance: 1e-9, box: [-7, 7, -4, 10], bins: 40 },
  { label: 'banana { curvature: -1, width: 0.5 }', source: bananaSource({ curvature: -1, width: 0.5 }), outer: box(-16, 16, 320), inner: (x1) => box(-(x1 * x1 - 4) - 5, -(x1 * x1 - 4) + 5, 200), tolerance: 1e-9 },
  { label: 'donut', source: donutSource(), outer: box(-8, 8, 320), inner: () => box(-8, 8, 320), tolerance: 1e-9, box: [-4.5, 4.5, -4.5, 4.5], bins: 40 },
  { label: 'donut { radius: 0.5, width: 1 }', source: donutSource({ radius: 0.5, width: 1 }), outer: box(-10, 10, 200), inner: () => box(-10, 10, 200), tolerance: 1e-4, box: [-3.5, 3.5, -3.5, 3.5], bins: 35 },
  { label: 'donut { radius: 0 }', source: donutSource({ radius: 0 }), outer: box(-5, 5, 200), inner: () => box(-5, 5, 200), tolerance: 1e-9 },
  // The funnel's neck: x2 on +-9 conditional standard deviations exp(x1 / 2), whatever x1.
  { label: 'funnel', source: funnelSource(), outer: box(-27, 27, 540), inner: (x1) => box(-9 * Math.exp(x1 / 2), 9 * Math.exp(x1 / 2), 72), tolerance: 1e-9 },
  { label: 'funnel { scale: 1 }', source: funnelSource({ scale: 1 }), outer: box(-9, 9, 180), inner: (x1) => box(-9 * Math.exp(x1 / 2), 9 * Math.exp(x1 / 2), 72), tolerance: 1e-9, box: [-3, 3, -4, 4], bins: 40 },
];

describe('exact densities of the toy sets', () => {
  for (const { label, source, outer, inner, tolerance } of cases) {
    it(`${label}: exp(logDensity) integrates to 1 on a grid`, () => {
      expect(Math.abs(iteratedTrapezoid(source.density, outer, inner) - 1)).toBeLessThan(tolerance);
    });
  }

  for (const { label, source, box: cells, bins } of cases) {
    if (cells === undefined || bins === undefined) continue;
    it(`${label}: 200,000 samples fit the density (chi-square over ${bins} x ${bins} cells)`, async () => {
      const { x } = await collect(source, createRunContext({ dim: 2, particles: 200_000, seed: 17 }));
      const { statistic, dof } = chiSquare(source.density, x, cells, bins);
      // The statistic has mean dof and standard deviation sqrt(2 dof) for an exact sampler.
      expect(dof).toBeGreaterThan(20);
      expect(statistic).toBeLessThan(dof + 5 * Math.sqrt(2 * dof));
    });
  }

  it('have gradients that match finite differences of the log density (five-point finiteDifferenceGradient of core)', () => {
    for (const { label, source } of cases.filter((c) => !c.label.startsWith('checkerboard'))) {
      const density: Density = source.density;
      const points = Float64Array.from([0.3, -0.7, 1.9, 0.4, -2.2, 1.1, 0.05, 2.6]);
      const analytic = density.gradLogDensity(points, new Float32Array(points.length));
      const numeric = finiteDifferenceGradient(density, points, 1e-4);
      numeric.forEach((value, k) => expect(Math.abs(analytic[k] - value), `${label}, coordinate ${k}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(value))));
    }
  });
});
