import { ConfigError, type PluginContext, type Sde, createRng, definePlugin, pluginConfigSchema, requireSde } from '@scoreflow/core';
import { z } from 'zod';
import { negativeLogLikelihood } from '../likelihood/negative-log-likelihood.js';
import { odeLogLikelihood } from '../likelihood/ode-log-likelihood.js';
import { strideRows } from '../samples/stride-rows.js';

/** The values of the `ode-nll` plugin that record how it measured, kept apart from the measures. */
export const ODE_NLL_SETTINGS = ['nllRows', 'nllEvaluations'] as const;

/** Options of the `ode-nll` metric. */
export const odeNllOptions = z.strictObject({
  score: pluginConfigSchema.describe('the score-model config whose likelihood is measured, e.g. { type: network, checkpoint: ... }; it must offer a divergence'),
  sde: pluginConfigSchema.optional().describe("an SDE config; defaults to the pipeline's `sde`"),
  of: z.enum(['reference', 'particles']).default('reference').describe("whose log-likelihood: the reference sample's (the data, default) or the measured particles'"),
  maxSamples: z.number().int().min(1).max(100_000).default(1000).describe('at most this many rows, evenly strided'),
  eps: z.number().positive().default(1e-5).describe('start time of the ODE: the result is log p_eps (score_sde: 1e-5)'),
  rtol: z.number().gt(0).lt(1).default(1e-5).describe('relative tolerance of the RK45 steps'),
  atol: z.number().gt(0).lt(1).default(1e-5).describe('absolute tolerance of the RK45 steps'),
  divergence: z.enum(['auto', 'exact', 'hutchinson']).default('auto').describe('exact trace, Hutchinson (Rademacher probes fixed per solve), or auto: exact up to 8 dimensions'),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of the Hutchinson probes'),
});

/** The SDE of the metric: its own `sde` option, else the pipeline's (a `ConfigError` if neither). */
function metricSde(config: z.output<typeof odeNllOptions>['sde'], ctx: PluginContext): Sde {
  if (config !== undefined) return ctx.create('sde', config, `${ctx.path}.sde`);
  return requireSde(ctx, 'the ode-nll metric (or its own `sde` option)', `${ctx.path}.sde`);
}

/**
 * Metric plugin `ode-nll`: the negative log-likelihood of a sample under a score model, through the
 * probability-flow ODE (`odeLogLikelihood`; Song et al. 2021, appendix D): `{ nll, nllStandardError,
 * bitsPerDim }` (nats per point, its standard error over the points, bits per dimension), and as
 * settings the rows measured and the score evaluations of the solve (`nllRows`, `nllEvaluations`).
 * The score model is the metric's own nested `score` option (created like a sampler's, under the
 * pipeline's SDE or its own `sde`), and must offer a divergence (`ScoreModel.divergence`); the end
 * density is the SDE's prior, as score_sde's. It measures the reference sample by default (the
 * model's NLL of the data), asynchronously, and at every snapshot it is asked to: use it in a run
 * whose stage snapshots once (or with no pipeline).
 *
 * @example
 * // config: metrics: [{ type: ode-nll, score: { type: network, checkpoint: ../out/two-moons-train/checkpoint } }]
 */
export const odeNllPlugin = definePlugin({
  kind: 'metric',
  name: 'ode-nll',
  description: 'Negative log-likelihood under a score model through the probability-flow ODE (RK45; Song et al. 2021): { nll (nats), nllStandardError, bitsPerDim }; settings nllRows, nllEvaluations',
  options: odeNllOptions,
  create: (options, ctx) => {
    const sde = metricSde(options.sde, ctx);
    const score = ctx.create('score-model', options.score, `${ctx.path}.score`, sde);
    if (score.divergence === undefined) {
      throw new ConfigError('Invalid ode-nll metric', [
        { path: `${ctx.path}.score`, message: `score model '${score.name}' offers no divergence, which the likelihood needs; gaussian-mixture and network do` },
      ]);
    }
    return {
      name: 'ode-nll',
      settings: ODE_NLL_SETTINGS,
      async measure(x, reference, dim) {
        const rows = strideRows(options.of === 'reference' ? reference : x, dim, options.maxSamples);
        const { logDensity, evaluations } = await odeLogLikelihood(rows, dim, {
          sde,
          score,
          eps: options.eps,
          rtol: options.rtol,
          atol: options.atol,
          divergence: options.divergence,
          rng: createRng(options.seed),
        });
        return { ...negativeLogLikelihood(logDensity, dim), nllRows: rows.length / dim, nllEvaluations: evaluations };
      },
    };
  },
});
