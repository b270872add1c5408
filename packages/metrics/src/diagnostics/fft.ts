/**
 * In-place radix-2 complex FFT X_k = sum_j x_j exp(-2 pi i j k / m) of (re, im), m a power of two
 * (iterative Cooley-Tukey: bit-reversal permutation, then log2 m butterfly passes; Cormen et al.,
 * "Introduction to Algorithms", section 30.3). With `inverse` the sign of the exponent is flipped
 * and the result is divided by m. Twiddle factors come from one table of cos / sin (no
 * recurrence, so rounding does not build up), and each pass walks memory in order. O(m log m).
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const m = re.length;
  if (m !== im.length || (m & (m - 1)) !== 0) throw new RangeError(`fft: expected two arrays of one power-of-two length, got ${m} and ${im.length}.`);
  for (let i = 1, j = 0; i < m; i++) {
    let bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const r = re[i];
      re[i] = re[j];
      re[j] = r;
      const s = im[i];
      im[i] = im[j];
      im[j] = s;
    }
  }
  const sign = inverse ? 1 : -1;
  const cos = new Float64Array(m >> 1);
  const sin = new Float64Array(m >> 1);
  for (let k = 0; k < m >> 1; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / m);
    sin[k] = sign * Math.sin((2 * Math.PI * k) / m);
  }
  for (let size = 2; size <= m; size <<= 1) {
    const half = size >> 1;
    const stride = m / size;
    for (let start = 0; start < m; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride];
        const wi = sin[k * stride];
        const a = start + k;
        const b = a + half;
        const tr = wr * re[b] - wi * im[b];
        const ti = wr * im[b] + wi * re[b];
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < m; i++) {
      re[i] /= m;
      im[i] /= m;
    }
  }
}
