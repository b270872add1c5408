/**
 * The noise levels of Karras et al. 2022, eq. 5 (k-diffusion `get_sigmas_karras`, without the
 * appended zero): for i = 0..N (N = `steps`),
 *
 *   sigma_i = (sigmaMax^(1/rho) + (i / N) (sigmaMin^(1/rho) - sigmaMax^(1/rho)))^rho,
 *
 * equal steps in sigma^(1/rho): rho = 1 is linear in sigma, rho -> infinity geometric, and the
 * paper's rho = 7 spends more steps at low noise. sigma_0 = sigmaMax and sigma_N = sigmaMin exactly.
 *
 * @example
 * karrasSigmas(80, 0.002, 7, 2); // [80, 2.5152..., 0.002]
 */
export function karrasSigmas(sigmaMax: number, sigmaMin: number, rho: number, steps: number): Float64Array {
  const high = sigmaMax ** (1 / rho);
  const low = sigmaMin ** (1 / rho);
  const sigmas = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) sigmas[i] = (high + (i / steps) * (low - high)) ** rho;
  sigmas[0] = sigmaMax;
  sigmas[steps] = sigmaMin;
  return sigmas;
}
