import type { ScoreModel, Sde } from '@scoreflow/core';
import { tf } from '../backend/tf.js';
import { jacobianDivergence } from './jacobian-divergence.js';
import type { ScoreNetwork } from './mlp.js';
import { scoreOf } from './parameterisation.js';

/** The divergence method of a score model (see core's `ScoreModel.divergence`). */
export type NetworkDivergence = NonNullable<ScoreModel['divergence']>;

/**
 * The divergence of a network's score s(x, t) (`scoreOf` of its output, as `networkScore`), by
 * TF.js's reverse-mode autodiff (`jacobianDivergence`): exact, tr(ds/dx) by one backward pass per
 * coordinate (for low dimensions), or with `probe` e the quadratic form e^T (ds/dx) e by one
 * vector-Jacobian product, a sample of Hutchinson's estimator (FFJORD, Grathwohl et al. 2019).
 * `label` conditions a network with classes, as `networkScore`'s option. Float32 throughout.
 *
 * @example
 * const divergence = networkDivergence(network, sde);
 * await divergence(x, 0.5, out); // out[i] = div s(x_i, 0.5)
 */
export function networkDivergence(network: ScoreNetwork, sde: Sde, label?: number): NetworkDivergence {
  return jacobianDivergence('networkDivergence', network.dim, (input, t) => {
    const { mean, std } = sde.marginal(t);
    const labels = label === undefined ? undefined : (tf.fill([input.shape[0]], label, 'int32') as tf.Tensor1D);
    return scoreOf(network.output, network.apply(input, t, labels), input, mean, std);
  });
}
