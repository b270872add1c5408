import { type MlpOptions, type MlpScoreNetwork, mlpScoreNetwork } from '../network/mlp.js';

/** Options of `noisyClassifier`: the MLP's (as `mlpScoreNetwork`), with `classes` the number of classes it tells apart. */
export type NoisyClassifierOptions = Omit<MlpOptions, 'classes' | 'outputs' | 'output' | 'labelEmbeddingSize'> & {
  /** Classes C >= 2: the network outputs C logits. */
  readonly classes: number;
};

/**
 * A noisy classifier p_phi(y | x_t, t) (Dhariwal & Nichol 2021, section 4; Song et al. 2021,
 * appendix I): the MLP of `mlpScoreNetwork` on [x_t, embed(t)] whose linear output holds C logits
 * (`outputs: C`, no label input). Trained by cross-entropy on data diffused to random t
 * (`createClassifierTrainer`); its Bayes optimum is the exact noisy classifier p_t(y | x).
 * Saved and loaded with the score networks' checkpoints (the options carry `outputs`).
 *
 * @example
 * const classifier = noisyClassifier({ dim: 2, classes: 2, width: 64 });
 */
export function noisyClassifier(options: NoisyClassifierOptions): MlpScoreNetwork {
  const { classes, ...mlp } = options;
  if (!Number.isSafeInteger(classes) || classes < 2) throw new RangeError(`noisyClassifier: classes must be an integer >= 2, got ${classes}.`);
  return mlpScoreNetwork({ ...mlp, outputs: classes });
}

/** The classes of a noisy classifier (its `outputs`); 0 for a score network (no `outputs`: its output is a vector in R^dim). */
export function classifierClasses(network: MlpScoreNetwork): number {
  return network.options.outputs ?? 0;
}
