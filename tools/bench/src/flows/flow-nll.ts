import { type GaussianMixture, type VelocityModel, mixtureLogDensity } from '@scoreflow/core';
import { type NegativeLogLikelihood, flowLogLikelihood, negativeLogLikelihood } from '@scoreflow/metrics';

/** A flow's NLL of test points, and what its solve cost. */
export interface FlowNll extends NegativeLogLikelihood {
  /** Evaluations of the velocity and its divergence (each over all the points). */
  readonly evaluations: number;
  /** Wall-clock seconds of the solve. */
  readonly seconds: number;
}

/**
 * The negative log-likelihood of 2-D test points `x1` under a flow at t = 1 (`flowLogLikelihood`:
 * its ODE from t = 1 back to 0 by RK45 at rtol = atol = `tolerance` (default 1e-4, torchcfm's dopri5 tolerance), the exact divergence, the source
 * density at x(0)): `source` a mixture (the eight Gaussians), or N(0, I) when undefined (FM).
 * Nats per point, with the standard error over the points.
 */
export async function flowNll(velocity: VelocityModel, x1: Float32Array, source: GaussianMixture | undefined, tolerance = 1e-4): Promise<FlowNll> {
  const start = performance.now();
  const { logDensity, evaluations } = await flowLogLikelihood(x1, 2, {
    velocity,
    rtol: tolerance,
    atol: tolerance,
    divergence: 'exact',
    ...(source && { sourceLogDensity: (y: Float64Array, _dim: number, out: Float64Array) => mixtureLogDensity(source, y, out) }),
  });
  return { ...negativeLogLikelihood(logDensity, 2), evaluations, seconds: (performance.now() - start) / 1000 };
}
