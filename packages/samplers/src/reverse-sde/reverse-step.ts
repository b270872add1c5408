/**
 * The fused update x <- scale x - scoreDt score + noise z, in one pass, with a finiteness check
 * folded in; returns true when every new position is finite. It is the Euler-Maruyama step of the
 * reverse-time SDE for a linear drift f = a(t) x (Song et al. 2021, eq. 6), with scale = 1 + a dt
 * and scoreDt = lambda g^2 dt (see `reverseSde`), and the reverse-diffusion step of the exact
 * transition, with scale = 2 - a and scoreDt = -v (see `reverseDiffusionUpdate`).
 *
 * `z` is not read when `noise` is 0 (the last, noise-free step).
 */
export function affineStep(x: Float32Array, score: Float32Array, z: Float32Array, scale: number, scoreDt: number, noise: number): boolean {
  const n = x.length;
  let even = 0;
  let odd = 0;
  let i = 0;
  if (noise === 0) {
    for (; i + 1 < n; i += 2) {
      const v0 = x[i] * scale - scoreDt * score[i];
      const v1 = x[i + 1] * scale - scoreDt * score[i + 1];
      x[i] = v0;
      x[i + 1] = v1;
      even += v0 * 0;
      odd += v1 * 0;
    }
    for (; i < n; i++) {
      x[i] = x[i] * scale - scoreDt * score[i];
      even += x[i] * 0;
    }
  } else {
    for (; i + 1 < n; i += 2) {
      const v0 = x[i] * scale - scoreDt * score[i] + noise * z[i];
      const v1 = x[i + 1] * scale - scoreDt * score[i + 1] + noise * z[i + 1];
      x[i] = v0;
      x[i + 1] = v1;
      even += v0 * 0;
      odd += v1 * 0;
    }
    for (; i < n; i++) {
      x[i] = x[i] * scale - scoreDt * score[i] + noise * z[i];
      even += x[i] * 0;
    }
  }
  return even + odd === 0;
}

/**
 * The Euler-Maruyama step of the reverse-time SDE for a general drift f already written into
 * `drift`: x <- x + f dt - scoreDt score + noise z, with scoreDt = lambda g^2 dt (see `reverseSde`).
 */
export function driftStep(x: Float32Array, drift: Float32Array, score: Float32Array, z: Float32Array, dt: number, scoreDt: number, noise: number): void {
  const n = x.length;
  if (noise === 0) {
    for (let i = 0; i < n; i++) x[i] += drift[i] * dt - scoreDt * score[i];
  } else {
    for (let i = 0; i < n; i++) x[i] += drift[i] * dt - scoreDt * score[i] + noise * z[i];
  }
}
