import type { ScoreModel } from '@scoreflow/core';
import { checkLabel } from './class-partition.js';
import type { MixtureClassifier } from './mixture-classifier.js';

/**
 * The exact noisy classifier's log-likelihood gradient grad_x log p_t(y | x) for one label, as a
 * `ScoreModel` (what `classifierGuidance` adds to a score): float64 arithmetic, float32 output.
 */
export function mixtureClassifierScore(classifier: MixtureClassifier, label: number): ScoreModel {
  checkLabel(classifier.partition, label, 'mixtureClassifierScore');
  return {
    name: 'mixture-classifier',
    dim: classifier.dim,
    score: (x, t, out) => {
      classifier.gradLogProbability(x, t, label, out);
    },
  };
}
