import type { DataSource } from '../contracts/data-source.js';
import type { ScoreModel } from '../contracts/score-model.js';
import type { Sde } from '../contracts/sde.js';
import { type RunContext, createRunContext } from '../context/run-context.js';
import { deriveSeed } from '../random/rng.js';
import { diffusedSample } from './diffused-sample.js';

/** The error of one or more scores against an exact score at one time. */
export interface ScoreErrorAt {
  readonly t: number;
  /** E||s_k(x, t) - s_exact(x, t)||^2 / E||s_exact(x, t)||^2 for each score s_k, in the order given. */
  readonly relativeMse: number[];
  /** E||s_exact(x, t)||^2 per row: the scale the error is relative to. */
  readonly exactMeanSquare: number;
}

/** ||a - b||^2 summed over two row-major arrays (b = 0 when absent), in double precision. */
function squaredDistance(a: Float32Array, b?: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - (b?.[i] ?? 0)) ** 2;
  return sum;
}

/**
 * The relative mean squared error of each of `scores` against `exact` at time t over the rows of
 * `x` (row-major, `exact.dim` per row; a sample of p_t, e.g. from `diffusedSample`):
 * E||s(x, t) - s_exact(x, t)||^2 / E||s_exact(x, t)||^2, the quantity denoising score matching
 * minimises up to a constant (Vincent 2011), made relative.
 *
 * @example
 * const { relativeMse: [error] } = await scoreErrorAt([learned], mixtureScore(mixture, sde), sampleAt(t), t);
 */
export async function scoreErrorAt(scores: readonly ScoreModel[], exact: ScoreModel, x: Float32Array, t: number): Promise<ScoreErrorAt> {
  const values = scores.map(() => new Float32Array(x.length));
  for (const [k, score] of scores.entries()) await score.score(x, t, values[k]);
  const truth = new Float32Array(x.length);
  await exact.score(x, t, truth);
  const scale = squaredDistance(truth);
  return { t, relativeMse: values.map((value) => squaredDistance(value, truth) / scale), exactMeanSquare: scale / (x.length / exact.dim) };
}

/** What `scoreErrorOverTime` measures on. */
export interface ScoreErrorOptions {
  /** Rows of p_t drawn (fresh samples of the data pushed through the SDE's marginal). */
  readonly particles: number;
  /** The times, as fractions f of T: t = f T. */
  readonly fractions: readonly number[];
  /** The run: its name and seed key the draws (seed `deriveSeed(run.seed, 'score-error')`). */
  readonly run: Pick<RunContext, 'name' | 'seed'>;
}

/**
 * `scoreErrorAt` at each t = f T for f in `fractions`, on `particles` samples of p_t drawn from
 * `data` and diffused by `sde` (`diffusedSample`; seeded, keyed by the run): how far learned
 * scores are from the exact score over the law they are used on.
 */
export async function scoreErrorOverTime(scores: readonly ScoreModel[], exact: ScoreModel, data: DataSource, sde: Sde, options: ScoreErrorOptions): Promise<ScoreErrorAt[]> {
  const { particles, fractions, run } = options;
  const ctx = createRunContext({ name: `${run.name}/score-error`, seed: deriveSeed(run.seed, 'score-error'), dim: data.dim, particles });
  const sampleAt = await diffusedSample(data, ctx, sde);
  const results: ScoreErrorAt[] = [];
  for (const fraction of fractions) {
    const t = fraction * sde.T;
    results.push(await scoreErrorAt(scores, exact, sampleAt(t), t));
  }
  return results;
}
