import { DORMAND_PRINCE, type OdeVector } from './dormand-prince.js';
import type { OdeDerivative } from './ode-derivative.js';

/**
 * The starting step of Hairer, Norsett and Wanner, "Solving Ordinary Differential Equations I"
 * (2nd ed. 1993), section II.4, as scipy's `select_initial_step`: h0 = 0.01 |y| / |v| in the
 * tolerance-scaled RMS norm over the state, then h1 from the change of v over h0 so that the local
 * error of order 5 is about 0.01; returns min(100 h0, h1, span), a step size |h|. `v0` holds the
 * derivative at (y, t); `direction` is +1 or -1 (the sign of the integration's dt); `v1` and
 * `probe` are scratch of y's length. Costs one evaluation of `derivative`.
 */
export async function initialStep<V extends OdeVector>(
  derivative: OdeDerivative<V>,
  y: V,
  t: number,
  direction: number,
  span: number,
  rtol: number,
  atol: number,
  scratch: { readonly v0: V; readonly v1: V; readonly probe: V },
): Promise<number> {
  const { v0, v1, probe } = scratch;
  const n = y.length;
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const scale = atol + Math.abs(y[i]) * rtol;
    d0 += (y[i] / scale) ** 2;
    d1 += (v0[i] / scale) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  const h0 = Math.min(d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1, span);
  // (-h0) v = -(h0 v) exactly: the same numbers in either direction.
  const step = direction * h0;
  for (let i = 0; i < n; i++) probe[i] = y[i] + step * v0[i];
  await derivative(probe, t + step, v1);
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += ((v1[i] - v0[i]) / (atol + Math.abs(y[i]) * rtol)) ** 2;
  d2 = Math.sqrt(d2 / n) / h0;
  const h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / Math.max(d1, d2)) ** (1 / (DORMAND_PRINCE.errorOrder + 1));
  return Math.min(100 * h0, h1, span);
}
