import { fft } from './fft.js';

/**
 * The autocovariances of one chain x_0 .. x_{n-1} at every lag, with divisor n (the biased
 * estimator that MCMC diagnostics use, as ArviZ's `autocov` and Stan do):
 *
 *     gamma_t = (1/n) sum_{i=0}^{n-1-t} (x_i - xbar) (x_{i+t} - xbar),   t = 0 .. n - 1
 *
 * computed by FFT in O(n log n) (Wiener-Khinchin): centre, zero-pad to the power of two m >= 2n (so
 * that the circular correlation is the linear one), take |FFT|^2 and invert. `x` is read from
 * `offset` for `n` values; the result goes into `out` (n values), which is returned.
 */
export function autocovariance(x: ArrayLike<number>, offset: number, n: number, out = new Float64Array(n)): Float64Array {
  let m = 1;
  while (m < 2 * n) m <<= 1;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[offset + i];
  mean /= n;
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  for (let i = 0; i < n; i++) re[i] = x[offset + i] - mean;
  fft(re, im);
  for (let k = 0; k < m; k++) {
    re[k] = re[k] * re[k] + im[k] * im[k];
    im[k] = 0;
  }
  fft(re, im, true);
  for (let t = 0; t < n; t++) out[t] = re[t] / n;
  return out;
}
