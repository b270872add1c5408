import type { VelocityModel } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { jacobianDivergence } from '../network/jacobian-divergence.js';
import type { ScoreNetwork } from '../network/mlp.js';

/**
 * A `VelocityModel` backed by a network trained by a flow objective (output `velocity`): one
 * `tf.tensor2d` upload of x per call, the network's output downloaded into `out`; every tensor is
 * disposed. The flow samplers (`flow-euler`, `flow-heun`, `flow-rk45`) integrate it. Its
 * `divergence` is the velocity's, by autodiff (`jacobianDivergence`: exact by one backward pass per
 * coordinate, or Hutchinson's e^T (dv/dx) e with a probe), for the flow's log-likelihood
 * (`flowLogLikelihood`; Chen et al. 2018, FFJORD).
 */
export function networkVelocity(network: ScoreNetwork, name = 'network-velocity'): VelocityModel {
  const { dim } = network;
  if (network.output !== 'velocity') throw new RangeError(`networkVelocity: the network must predict a velocity (output 'velocity'), got '${network.output}'.`);
  return {
    name,
    dim,
    async velocity(x: Float32Array, t: number, out: Float32Array): Promise<void> {
      const n = x.length / dim;
      if (!Number.isInteger(n) || out.length !== x.length) {
        throw new RangeError(`networkVelocity: x and out must both hold n * ${dim} values, got ${x.length} and ${out.length}.`);
      }
      const velocity = tf.tidy(() => network.apply(tf.tensor2d(x, [n, dim]), t));
      try {
        out.set((await velocity.data()) as Float32Array);
      } finally {
        velocity.dispose();
      }
    },
    divergence: jacobianDivergence('networkVelocity.divergence', dim, (input, t) => network.apply(input, t)),
  };
}
