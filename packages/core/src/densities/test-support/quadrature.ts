import type { Density } from '../density.js';

/** An interval [from, to] cut into `intervals` equal steps. */
export interface Interval {
  readonly from: number;
  readonly to: number;
  readonly intervals: number;
}

/**
 * Test support: the iterated trapezoid rule for int int p(x1, x2) dx2 dx1 with p = exp(logDensity):
 * x1 over `outer`, and for each x1 node, x2 over `inner(x1)` (a fixed box, or a window that follows
 * the conditional law of x2, e.g. a funnel's ±8 exp(x1 / 2)). Densities are evaluated a row of x2
 * nodes at a time, in Float64.
 *
 * Error: on the whole line the trapezoid rule with step h integrates a Gaussian of standard
 * deviation sigma with relative error 2 sum_{m >= 1} exp(-2 pi^2 m^2 sigma^2 / h^2) (Poisson
 * summation; Trefethen and Weideman 2014, "The exponentially convergent trapezoidal rule", SIAM
 * Review 56), 1e-137 for h = sigma / 4, and converges as fast for any integrand analytic in a strip
 * about the real line; cutting the line at ±8 sigma leaves out 2 Phi(-8) = 1.2e-15. What remains
 * is the rounding of the sums, about 1e-13.
 */
export function iteratedTrapezoid(density: Density, outer: Interval, inner: (x1: number) => Interval): number {
  const h1 = (outer.to - outer.from) / outer.intervals;
  let total = 0;
  let row = new Float64Array(0);
  let out = new Float64Array(0);
  for (let i = 0; i <= outer.intervals; i++) {
    const x1 = outer.from + i * h1;
    const { from, to, intervals } = inner(x1);
    const h2 = (to - from) / intervals;
    if (out.length !== intervals + 1) {
      row = new Float64Array(2 * (intervals + 1));
      out = new Float64Array(intervals + 1);
    }
    for (let j = 0; j <= intervals; j++) {
      row[2 * j] = x1;
      row[2 * j + 1] = from + j * h2;
    }
    density.logDensity(row, out);
    let sum = 0;
    for (let j = 0; j <= intervals; j++) sum += (j === 0 || j === intervals ? 0.5 : 1) * Math.exp(out[j]);
    total += (i === 0 || i === outer.intervals ? 0.5 : 1) * sum * h2;
  }
  return total * h1;
}

/** Composite Simpson's rule for int_a^b f(t) dt with an even number of intervals: error -(b - a) h^4 f''''(xi) / 180. */
export function simpson(f: (t: number) => number, a: number, b: number, intervals: number): number {
  const h = (b - a) / intervals;
  let sum = f(a) + f(b);
  for (let i = 1; i < intervals; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/**
 * The gradient of `density`'s log density at each point of `x` (2n values, Float64) by Richardson's
 * five-point central difference (f(x - 2h) - 8 f(x - h) + 8 f(x + h) - f(x + 2h)) / (12 h): error
 * h^4 f^(5) / 30 from truncation plus about 3 eps |log p| / (2 h) from rounding.
 */
export function finiteDifferenceGradient(density: Density, x: Float64Array, h: number): Float64Array {
  const n = x.length / 2;
  const gradient = new Float64Array(2 * n);
  const shifted = new Float64Array(2 * n);
  const values = new Float64Array(n);
  const at = (j: number, delta: number): Float64Array => {
    shifted.set(x);
    for (let i = 0; i < n; i++) shifted[2 * i + j] += delta;
    return Float64Array.from(density.logDensity(shifted, values));
  };
  for (let j = 0; j < 2; j++) {
    const m2 = at(j, -2 * h);
    const m1 = at(j, -h);
    const p1 = at(j, h);
    const p2 = at(j, 2 * h);
    for (let i = 0; i < n; i++) gradient[2 * i + j] = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * h);
  }
  return gradient;
}
