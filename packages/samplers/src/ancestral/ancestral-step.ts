/**
 * k-diffusion's `get_ancestral_step` (Crowson): the split of a step from noise level `sigma` to
 * `sigmaNext` (sigma = s / m, the variance-exploding form x / m = x_0 + sigma eps) into a
 * deterministic step down to `down` and fresh noise of std `up`, with down^2 + up^2 = sigmaNext^2:
 *
 *   up   = min(sigmaNext, eta sqrt(sigmaNext^2 (sigma^2 - sigmaNext^2) / sigma^2)),
 *   down = sqrt(sigmaNext^2 - up^2).
 *
 * With eta = 1, `up` is the std of the DDPM posterior q(x_{t'} | x_t, x_0) in this form, the
 * sigma_t of DDIM (Song, Meng and Ermon 2021, eq. 16) divided by m(t'); eta = 0 is deterministic.
 */
export function ancestralStep(sigma: number, sigmaNext: number, eta: number): { down: number; up: number } {
  if (eta === 0 || sigmaNext === 0) return { down: sigmaNext, up: 0 };
  const up = Math.min(sigmaNext, eta * sigmaNext * Math.sqrt(Math.max(0, 1 - (sigmaNext * sigmaNext) / (sigma * sigma))));
  return { down: Math.sqrt(Math.max(0, sigmaNext * sigmaNext - up * up)), up };
}
