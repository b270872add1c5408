/**
 * One fused Euler-Maruyama update of the reverse-time SDE for a linear drift f = a(t) x
 * (Song et al. 2021, eq. 6): x <- x (1 + a dt) - g^2 dt score + noise z, in one pass, with a
 * finiteness check folded in. Returns true when every new position is finite.
 *
 * `z` may be empty when `noise` is 0 (the last, denoising step).
 */
export function reverseLinearStep(x: Float32Array, score: Float32Array, z: Float32Array, scale: number, g2dt: number, noise: number): boolean {
  const n = x.length;
  let even = 0;
  let odd = 0;
  let i = 0;
  if (noise === 0) {
    for (; i + 1 < n; i += 2) {
      const v0 = x[i] * scale - g2dt * score[i];
      const v1 = x[i + 1] * scale - g2dt * score[i + 1];
      x[i] = v0;
      x[i + 1] = v1;
      even += v0 * 0;
      odd += v1 * 0;
    }
    for (; i < n; i++) {
      x[i] = x[i] * scale - g2dt * score[i];
      even += x[i] * 0;
    }
  } else {
    for (; i + 1 < n; i += 2) {
      const v0 = x[i] * scale - g2dt * score[i] + noise * z[i];
      const v1 = x[i + 1] * scale - g2dt * score[i + 1] + noise * z[i + 1];
      x[i] = v0;
      x[i + 1] = v1;
      even += v0 * 0;
      odd += v1 * 0;
    }
    for (; i < n; i++) {
      x[i] = x[i] * scale - g2dt * score[i] + noise * z[i];
      even += x[i] * 0;
    }
  }
  return even + odd === 0;
}

/**
 * The same update for a general drift already written into `drift`:
 * x <- x + drift dt - g^2 dt score + noise z.
 */
export function reverseGeneralStep(x: Float32Array, drift: Float32Array, score: Float32Array, z: Float32Array, dt: number, g2dt: number, noise: number): void {
  const n = x.length;
  if (noise === 0) {
    for (let i = 0; i < n; i++) x[i] += drift[i] * dt - g2dt * score[i];
  } else {
    for (let i = 0; i < n; i++) x[i] += drift[i] * dt - g2dt * score[i] + noise * z[i];
  }
}
