import { type DataSource, type RunContext, type ScoreModel, type Sde, createRunContext, deriveSeed } from '@scoreflow/core';
import { referenceSampler } from '../pipeline/reference-sampler.js';

/** The learned-vs-exact score error at one time. */
export interface ScoreErrorAt {
  readonly t: number;
  /** E||s_net - s_exact||^2 / E||s_exact||^2 over samples of p_t, with the weights sampled with (EMA). */
  readonly relativeMse: number;
  /** The same with the raw (last trained) weights. */
  readonly relativeMseRaw: number;
  /** E||s_exact||^2 (per particle), the scale the error is relative to. */
  readonly exactMeanSquare: number;
}

/** ||a - b||^2 summed over two row-major arrays (b = 0 when absent). */
function squaredDistance(a: Float32Array, b?: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - (b?.[i] ?? 0)) ** 2;
  return sum;
}

/**
 * The relative mean squared error of a learned score (EMA and raw weights) against the exact one, E||s_net(x, t) -
 * s_exact(x, t)||^2 / E||s_exact(x, t)||^2 with x ~ p_t, at each t = f T for f in `fractions`: the
 * quantity denoising score matching minimises up to a constant (Vincent 2011), on the law of the
 * data at t (`particles` fresh samples pushed through the SDE's marginal; seeded, keyed by the run).
 */
export async function scoreError(
  learned: { readonly ema: ScoreModel; readonly raw: ScoreModel },
  exact: ScoreModel,
  data: DataSource,
  sde: Sde,
  options: { readonly particles: number; readonly fractions: readonly number[]; readonly run: RunContext },
): Promise<ScoreErrorAt[]> {
  const { particles, fractions, run } = options;
  const ctx = createRunContext({ name: `${run.name}/score-error`, seed: deriveSeed(run.seed, 'score-error'), dim: data.dim, particles });
  const sampleAt = await referenceSampler(data, ctx, sde);
  const results: ScoreErrorAt[] = [];
  for (const fraction of fractions) {
    const t = fraction * sde.T;
    const x = sampleAt(t);
    const ema = new Float32Array(x.length);
    const raw = new Float32Array(x.length);
    const truth = new Float32Array(x.length);
    await learned.ema.score(x, t, ema);
    await learned.raw.score(x, t, raw);
    await exact.score(x, t, truth);
    const scale = squaredDistance(truth);
    results.push({
      t,
      relativeMse: squaredDistance(ema, truth) / scale,
      relativeMseRaw: squaredDistance(raw, truth) / scale,
      exactMeanSquare: scale / (x.length / data.dim),
    });
  }
  return results;
}
