import { type DataSource, type ScoreModel, type Sde, type ScoreErrorOptions, scoreErrorOverTime } from '@scoreflow/core';
import type { WeightEma } from '../ema/weight-ema.js';
import { type BuiltNetwork, networkOf } from '../unet/network-of.js';
import { networkScore } from '../network/network-score.js';

/** The learned-vs-exact score error of a training at one time (metrics.json's `scoreError` rows). */
export interface LearnedScoreError {
  readonly t: number;
  /** E||s_net - s_exact||^2 / E||s_exact||^2 over samples of p_t, with the weights sampled with (EMA). */
  readonly relativeMse: number;
  /** The same with the raw (last trained) weights. */
  readonly relativeMseRaw: number;
  /** E||s_exact||^2 (per particle), the scale the error is relative to. */
  readonly exactMeanSquare: number;
}

/**
 * The error of a trained network's score against the exact score of its data, with its EMA
 * weights and its raw weights, at t = f T for each fraction f: core's `scoreErrorOverTime` on
 * samples of p_t (the data pushed through the SDE's marginal). Every tensor it makes is disposed.
 */
export async function learnedScoreError(
  network: BuiltNetwork,
  ema: WeightEma,
  exact: ScoreModel,
  data: DataSource,
  sde: Sde,
  options: ScoreErrorOptions,
): Promise<LearnedScoreError[]> {
  const sampling = networkOf(network.options);
  try {
    ema.copyTo(sampling);
    const rows = await scoreErrorOverTime([networkScore(sampling, sde), networkScore(network, sde)], exact, data, sde, options);
    return rows.map(({ t, relativeMse: [emaError, rawError], exactMeanSquare }) => ({ t, relativeMse: emaError, relativeMseRaw: rawError, exactMeanSquare }));
  } finally {
    sampling.dispose();
  }
}
