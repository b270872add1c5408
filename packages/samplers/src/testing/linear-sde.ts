import { type Rng, type Sde, streamId } from '@scoreflow/core';

/**
 * Test-only SDE dx = -(beta / 2) x dt + sqrt(beta) dW ... or dx = g dW when beta = 0: a
 * constant-coefficient Ornstein-Uhlenbeck process with closed-form marginals, and a prior with a
 * chosen mean and std so that reverse samplers can start from the exact p_T. `linear` adds
 * `driftCoefficient`, the fused path of the samplers; without it they take the general one.
 */
export function linearSde(options: { beta?: number; g?: number; T?: number; priorMean?: number; priorStd?: number; linear?: boolean }): Sde {
  const beta = options.beta ?? 0;
  const g = options.g ?? 1;
  const T = options.T ?? 1;
  const priorMean = options.priorMean ?? 0;
  const marginal = (t: number) =>
    beta === 0
      ? { mean: 1, std: g * Math.sqrt(t) }
      : { mean: Math.exp(-0.5 * beta * t), std: g * Math.sqrt((1 - Math.exp(-beta * t)) / beta) };
  const priorStd = options.priorStd ?? marginal(T).std;
  const sde: Sde = {
    name: 'linear-test',
    T,
    priorStd,
    drift(x, _t, out) {
      for (let i = 0; i < x.length; i++) out[i] = -0.5 * beta * x[i];
    },
    diffusion: () => g,
    marginal,
    priorLogDensity(x, dim, out) {
      for (let i = 0; i < x.length / dim; i++) {
        let square = 0;
        for (let j = 0; j < dim; j++) square += (x[i * dim + j] - priorMean) ** 2;
        out[i] = -0.5 * dim * Math.log(2 * Math.PI * priorStd * priorStd) - square / (2 * priorStd * priorStd);
      }
      return out;
    },
    prior(out: Float32Array, ids: Uint32Array, dim: number, rng: Rng) {
      rng.normal(out, ids, dim, { step: 0, stream: streamId('prior') });
      for (let i = 0; i < ids.length * dim; i++) out[i] = priorMean + priorStd * out[i];
      return out;
    },
  };
  // With `linear`, samplers may fuse the drift -beta/2 x into their update (Sde.driftCoefficient).
  return options.linear === true ? { ...sde, driftCoefficient: () => -0.5 * beta } : sde;
}
