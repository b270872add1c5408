import { tf } from '../backend/tf.js';

/**
 * What a network's output means, for x_t = m(t) x_0 + s(t) eps (Song et al. 2021, section 3.4):
 * - `eps`: the noise eps (Ho et al. 2020); score = -eps / s;
 * - `score`: grad_x log p_t(x) itself;
 * - `denoiser`: D(x, t) = E[x_0 | x_t] (Karras et al. 2022); by Tweedie's formula
 *   E[x_0 | x_t] = (x_t + s^2 score) / m, so score = (m D - x) / s^2;
 * - `velocity`: the velocity v(x, t) of a flow on t in [0, 1] (flow matching), no score: trained by
 *   a flow objective and sampled by the flow samplers (`networkVelocity`).
 */
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** The output parameterisations. */
export const OUTPUT_KINDS = ['eps', 'score', 'denoiser', 'velocity'] as const;

/**
 * The one conversion from a network's raw output to the score. `m` and `s` are the marginal's
 * m(t) and s(t): numbers (one t for all rows) or n x 1 tensors (one t per row).
 */
export function scoreOf(kind: OutputKind, raw: tf.Tensor2D, x: tf.Tensor2D, m: number | tf.Tensor, s: number | tf.Tensor): tf.Tensor2D {
  return tf.tidy(() => {
    switch (kind) {
      case 'score':
        return tf.clone(raw);
      case 'eps':
        return tf.neg(tf.div(raw, s));
      case 'denoiser':
        return tf.div(tf.sub(tf.mul(raw, m), x), tf.square(s));
      case 'velocity':
        throw new RangeError("scoreOf: a 'velocity' network predicts a flow's velocity, not a score: train it with a flow objective and sample it with a flow sampler.");
    }
  }) as tf.Tensor2D;
}
