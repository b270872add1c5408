/**
 * Test support: Gaussian integrals of the RBF kernel k(a, b) = exp(-|a - b|^2 / (2 h^2)) for
 * isotropic Gaussians, to check MMD estimates against closed forms with derived standard errors.
 * Everything follows from the convolution of Gaussians: for X ~ N(a, s2 I) in d dimensions,
 * E exp(-|X - w|^2 / (2 g)) = (g / (g + s2))^(d/2) exp(-|a - w|^2 / (2 (g + s2))).
 */

const squaredDistance = (a: readonly number[], b: readonly number[]) => a.reduce((sum, v, k) => sum + (v - b[k]) ** 2, 0);

/** E exp(-|X - w|^2 / (2 g)) for X ~ N(a, s2 I). */
function gaussianAverage(g: number, w: readonly number[], a: readonly number[], s2: number): number {
  return (g / (g + s2)) ** (a.length / 2) * Math.exp(-squaredDistance(a, w) / (2 * (g + s2)));
}

/** E k(X, Y) for independent X ~ N(a, s2 I), Y ~ N(b, r2 I): (h2 / (h2 + s2 + r2))^(d/2) exp(-|a - b|^2 / (2 (h2 + s2 + r2))). */
export function meanKernel(h2: number, a: readonly number[], s2: number, b: readonly number[], r2: number): number {
  return gaussianAverage(h2 + r2, b, a, s2) * (h2 / (h2 + r2)) ** (a.length / 2);
}

/** The population MMD^2 = E k(X, X') + E k(Y, Y') - 2 E k(X, Y) for X ~ N(a, s2 I), Y ~ N(b, r2 I). */
export function gaussianMmd2(h2: number, a: readonly number[], s2: number, b: readonly number[], r2: number): number {
  return meanKernel(h2, a, s2, a, s2) + meanKernel(h2, b, r2, b, r2) - 2 * meanKernel(h2, a, s2, b, r2);
}

/**
 * Var over x ~ N(a, s2 I) of A(x) = E k(x, X') - E k(x, Y), X' ~ N(a, s2 I), Y ~ N(b, r2 I): the
 * first-order (Hoeffding) term of the MMD estimate's variance from the x sample. Each conditional
 * mean is c exp(-|x - u|^2 / (2 t)), and the product of two such is again one, times
 * exp(-|u - v|^2 / (2 (t1 + t2))).
 */
export function projectionVariance(h2: number, a: readonly number[], s2: number, b: readonly number[], r2: number): number {
  const d = a.length;
  const terms = [
    { c: (h2 / (h2 + s2)) ** (d / 2), t: h2 + s2, u: a, sign: 1 },
    { c: (h2 / (h2 + r2)) ** (d / 2), t: h2 + r2, u: b, sign: -1 },
  ];
  let mean = 0;
  let second = 0;
  for (const p of terms) {
    mean += p.sign * p.c * gaussianAverage(p.t, p.u, a, s2);
    for (const q of terms) {
      const t = p.t + q.t;
      const g = (p.t * q.t) / t;
      const w = p.u.map((v, k) => (q.t * v + p.t * q.u[k]) / t);
      second += p.sign * q.sign * p.c * q.c * Math.exp(-squaredDistance(p.u, q.u) / (2 * t)) * gaussianAverage(g, w, a, s2);
    }
  }
  return second - mean * mean;
}
