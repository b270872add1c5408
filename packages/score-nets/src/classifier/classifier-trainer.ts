import type { Sde } from '@scoreflow/core';
import type { MlpScoreNetwork } from '../network/mlp.js';
import { drawDsmBatch } from '../training/dsm-batch.js';
import { type Trainer, type TrainerOptions, adamTrainer, trainerSettings } from '../training/trainer.js';
import { classifierLoss } from './classifier-loss.js';
import { classifierClasses } from './noisy-classifier.js';

/**
 * The trainer of a noisy classifier (`noisyClassifier`): each step draws t ~ U[eps, T] and
 * z ~ N(0, I) per row with the DSM draw (`drawDsmBatch`: keyed by seed, step and row, so resumed
 * runs repeat it), diffuses the batch to x_t = m x_0 + s z and takes the step of `adamTrainer` (the score
 * networks' clipped Adam) on `classifierLoss`. `step(x0, labels)` needs the rows' labels,
 * the classes to predict (`needsLabels`: `train` draws them from the data source). Options are the
 * trainer's (`eps`, `seed`, the optimiser's); `weighting` and `labelDropout` do not apply.
 *
 * @example
 * const trainer = createClassifierTrainer(noisyClassifier({ dim: 2, classes: 2 }), sde, { learningRate: 3e-3 });
 */
export function createClassifierTrainer(network: MlpScoreNetwork, sde: Sde, options: TrainerOptions = {}): Trainer {
  const classes = classifierClasses(network);
  if (classes < 2) throw new RangeError('createClassifierTrainer: the network is a score network, not a noisy classifier; make one with noisyClassifier.');
  const { eps, seed } = trainerSettings(network, sde, { ...options, labelDropout: 0 });
  const trainer = adamTrainer(network, options, (x0, step, labels) => {
    if (labels === undefined) throw new RangeError('Trainer.step: a noisy classifier needs one label per row (the class to predict).');
    labels.forEach((label) => {
      if (!(Number.isInteger(label) && label >= 0 && label < classes)) throw new RangeError(`Trainer.step: labels must be in [0, ${classes}), got ${label}.`);
    });
    const batch = drawDsmBatch(sde, x0, network.dim, { seed, step, eps, weighting: 's2', labels });
    return () => classifierLoss(network, batch);
  });
  return Object.assign(trainer, { needsLabels: true });
}
