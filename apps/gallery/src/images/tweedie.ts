/**
 * Tweedie's formula (Efron 2011; Robbins 1956) under a linear-Gaussian SDE: where
 * x_t = m(t) x_0 + s(t) eps, the posterior mean of the clean data is
 * E[x_0 | x_t] = (x_t + s(t)^2 grad log p_t(x_t)) / m(t). With an eps-network
 * (score = -eps / s) this is (x_t - s eps) / m: the image the network sees under the noise.
 * Writes into `out` (length of `x`) and returns it.
 *
 * @example
 * denoised(x, score, sde.marginal(t), new Float32Array(x.length));
 */
export function denoised(x: Float32Array, score: Float32Array, marginal: { readonly mean: number; readonly std: number }, out: Float32Array): Float32Array {
  const { mean: m, std: s } = marginal;
  if (!(m > 0)) throw new RangeError(`denoised: the marginal's mean factor m(t) must be > 0, got ${m}.`);
  if (score.length !== x.length || out.length !== x.length) throw new RangeError(`denoised: x, score and out must be of one length, got ${x.length}, ${score.length} and ${out.length}.`);
  const s2 = s * s;
  for (let i = 0; i < x.length; i++) out[i] = (x[i] + s2 * score[i]) / m;
  return out;
}
