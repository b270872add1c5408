/** A Gaussian law in two dimensions: mean and covariance [[a, b], [b, c]] as [a, b, c]. */
export interface Gaussian2 {
  readonly mean: readonly [number, number];
  readonly covariance: readonly [number, number, number];
}

/**
 * The squared 2-Wasserstein distance between two Gaussians in the plane (Dowson and Landau 1982;
 * Givens and Shortt 1984):
 *
 *   W2^2 = |m0 - m1|^2 + tr(S0 + S1 - 2 (S0^(1/2) S1 S0^(1/2))^(1/2)),
 *
 * with the square root of a 2 x 2 symmetric positive semi-definite M in closed form,
 * sqrt(M) = (M + sqrt(det M) I) / sqrt(tr M + 2 sqrt(det M)) (Levinger 1980), so that
 * tr sqrt(M) = sqrt(tr M + 2 sqrt(det M)).
 */
export function gaussianW2Squared(p: Gaussian2, q: Gaussian2): number {
  const dm = (p.mean[0] - q.mean[0]) ** 2 + (p.mean[1] - q.mean[1]) ** 2;
  const root0 = sqrtSym(p.covariance);
  // M = S0^(1/2) S1 S0^(1/2), symmetric.
  const [r0, r1, r2] = root0;
  const [s0, s1, s2] = q.covariance;
  const t00 = r0 * s0 + r1 * s1;
  const t01 = r0 * s1 + r1 * s2;
  const t10 = r1 * s0 + r2 * s1;
  const t11 = r1 * s1 + r2 * s2;
  const m = [t00 * r0 + t01 * r1, t00 * r1 + t01 * r2, t10 * r1 + t11 * r2] as const;
  const traceRoot = Math.sqrt(m[0] + m[2] + 2 * Math.sqrt(Math.max(0, m[0] * m[2] - m[1] * m[1])));
  return dm + p.covariance[0] + p.covariance[2] + q.covariance[0] + q.covariance[2] - 2 * traceRoot;
}

/** The symmetric square root of [[a, b], [b, c]] (positive semi-definite), as [a, b, c]. */
function sqrtSym([a, b, c]: readonly [number, number, number]): [number, number, number] {
  const s = Math.sqrt(Math.max(0, a * c - b * b));
  const t = Math.sqrt(a + c + 2 * s);
  if (t === 0) return [0, 0, 0];
  return [(a + s) / t, b / t, (c + s) / t];
}
