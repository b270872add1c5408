import { DORMAND_PRINCE, type OdeVector } from './dormand-prince.js';

/**
 * The scaled local error of a Dormand-Prince step (Hairer, Norsett and Wanner 1993, section II.4,
 * as scipy's `RK45`): err_i / (atol + rtol max(|y_i|, |y_new_i|)) with err = h sum_j e_j k_j, its
 * RMS over each group of `group` consecutive coordinates, and the largest over the groups.
 * `group` = y.length is the RMS over the whole state (scipy); `group` = the coordinates of one
 * particle, the worst particle's RMS. NaN if any is NaN. A step is accepted when this is below 1.
 */
export function errorNorm<V extends OdeVector>(y: V, yNew: V, k: readonly V[], h: number, rtol: number, atol: number, group: number): number {
  const e = DORMAND_PRINCE.e;
  const [k1, , k3, k4, k5, k6, k7] = k;
  const n = y.length;
  let worst = 0;
  for (let first = 0; first < n; first += group) {
    let sum = 0;
    for (let i = first; i < first + group; i++) {
      const error = h * (e[0] * k1[i] + e[2] * k3[i] + e[3] * k4[i] + e[4] * k5[i] + e[5] * k6[i] + e[6] * k7[i]);
      const scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      sum += (error / scale) ** 2;
    }
    if (Number.isNaN(sum)) return Number.NaN;
    if (sum > worst) worst = sum;
  }
  return Math.sqrt(worst / group);
}
