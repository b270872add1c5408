import type { ScoreModel } from '@scoreflow/core';
import { classifierFreeGuided, classifierGuided } from './guidance-formulas.js';

/** Checks that two score models can be combined and that the scale is finite. */
function checkPair(fn: string, [first, second]: readonly [string, string], a: ScoreModel, b: ScoreModel, scale: number): void {
  if (a.dim !== b.dim) throw new RangeError(`${fn}: ${first} '${a.name}' has dimension ${a.dim}, ${second} '${b.name}' has dimension ${b.dim}.`);
  if (!Number.isFinite(scale)) throw new RangeError(`${fn}: scale must be finite, got ${scale}.`);
}

/**
 * A score model that evaluates `a` into `out`, then `b` into a scratch buffer, then combines them
 * in place with `combine(out, scratch)`. Synchronous when both are; a promise when either is (then
 * the scratch is the call's own, so that overlapping calls never share it). `b` starts after `a`
 * has finished: two networks loading at once would initialise their backend twice.
 */
function combined(name: string, a: ScoreModel, b: ScoreModel, combine: (out: Float32Array, other: Float32Array) => void): ScoreModel {
  let shared = new Float32Array(0);
  const second = (x: Float32Array, t: number, out: Float32Array, other: Float32Array): void | Promise<void> => {
    const done = b.score(x, t, other);
    if (done instanceof Promise) return done.then(() => combine(out, other));
    combine(out, other);
  };
  return {
    name,
    dim: a.dim,
    score(x: Float32Array, t: number, out: Float32Array): void | Promise<void> {
      const first = a.score(x, t, out);
      if (first instanceof Promise) {
        const own = new Float32Array(out.length);
        return first.then(() => second(x, t, out, own));
      }
      if (shared.length !== out.length) shared = new Float32Array(out.length);
      return second(x, t, out, shared);
    },
  };
}

/**
 * Classifier guidance as a score model (Dhariwal & Nichol 2021): s(x, t) + w grad_x log p_t(y | x).
 * `classifier` is the classifier's log-likelihood gradient for the chosen label, itself a
 * `ScoreModel` (an exact mixture classifier, or a learned noisy classifier). With an exact
 * classifier, w = 1 is the exact conditional score.
 *
 * @example
 * const guided = classifierGuidance(mixtureScore(mixture, sde), mixtureClassifierScore(classifier, 1), 3);
 */
export function classifierGuidance(score: ScoreModel, classifier: ScoreModel, w: number): ScoreModel {
  checkPair('classifierGuidance', ['score', 'classifier'], score, classifier, w);
  return combined('classifier-guidance', score, classifier, (out, gradient) => classifierGuided(out, gradient, w, out));
}

/**
 * Classifier-free guidance as a score model (Ho & Salimans 2022): s_u + gamma (s_c - s_u), with
 * gamma = 1 the conditional score and gamma = 0 the unconditional one (`classifierFreeGuided`).
 *
 * @example
 * const guided = classifierFreeGuidance(networkScore(net, sde), networkScore(net, sde, { label: 2 }), 3);
 */
export function classifierFreeGuidance(unconditional: ScoreModel, conditional: ScoreModel, gamma: number): ScoreModel {
  checkPair('classifierFreeGuidance', ['unconditional', 'conditional'], unconditional, conditional, gamma);
  return combined('classifier-free-guidance', unconditional, conditional, (out, c) => classifierFreeGuided(out, c, gamma, out));
}
