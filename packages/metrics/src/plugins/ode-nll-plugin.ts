import {
  ConfigError,
  type PluginConfig,
  type PluginContext,
  type Sde,
  createRng,
  definePlugin,
  pluginConfigSchema,
  requireSde,
} from '@scoreflow/core';
import { z } from 'zod';
import { flowLogLikelihood } from '../likelihood/flow-log-likelihood.js';
import type { LikelihoodSolveOptions } from '../likelihood/likelihood-solve-options.js';
import { negativeLogLikelihood } from '../likelihood/negative-log-likelihood.js';
import { odeLogLikelihood } from '../likelihood/ode-log-likelihood.js';
import { flowSourceDensity } from './flow-source-density.js';
import { strideRows } from '../samples/stride-rows.js';

/** The values of the `ode-nll` plugin that record how it measured, kept apart from the measures. */
export const ODE_NLL_SETTINGS = ['nllRows', 'nllEvaluations'] as const;

/** Options of the `ode-nll` metric. */
export const odeNllOptions = z
  .strictObject({
    score: pluginConfigSchema.optional().describe('the score-model config whose likelihood is measured through the probability-flow ODE, e.g. { type: network, checkpoint: ... }; it must offer a divergence. Give score or velocity'),
    velocity: pluginConfigSchema
      .optional()
      .describe("a flow's velocity-model config whose likelihood is measured through the flow's ODE from t = 1 back to 0 (mixture-flow, or { type: network, checkpoint } of a flow objective); give score or velocity"),
    source: pluginConfigSchema.optional().describe("with velocity: the flow's source at t = 0, a data source of known density (gaussian-mixture); default N(0, I)"),
    sde: pluginConfigSchema.optional().describe("with score: an SDE config; defaults to the pipeline's `sde`"),
    of: z.enum(['reference', 'particles']).default('reference').describe("whose log-likelihood: the reference sample's (the data, default) or the measured particles'"),
    maxSamples: z.number().int().min(1).max(100_000).default(1000).describe('at most this many rows, evenly strided'),
    eps: z.number().positive().optional().describe('with score: start time of the ODE, the result is log p_eps (default 1e-5, score_sde\'s)'),
    rtol: z.number().gt(0).lt(1).default(1e-5).describe('relative tolerance of the RK45 steps'),
    atol: z.number().gt(0).lt(1).default(1e-5).describe('absolute tolerance of the RK45 steps'),
    divergence: z.enum(['auto', 'exact', 'hutchinson']).default('auto').describe('exact trace, Hutchinson (Rademacher probes fixed per solve), or auto: exact up to 8 dimensions'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('seed of the Hutchinson probes'),
  })
  .superRefine((value, ctx) => {
    if ((value.score === undefined) === (value.velocity === undefined)) {
      const got = value.score === undefined ? 'neither' : 'both';
      ctx.addIssue({ code: 'custom', path: ['score'], message: `give exactly one model: score (a score model, through the probability-flow ODE) or velocity (a flow's velocity model, through the flow's ODE); got ${got}`, input: value.score });
    }
    const only = (field: 'sde' | 'eps' | 'source', model: 'score' | 'velocity') => {
      if (value[field] !== undefined && value[model] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `applies with ${model} only (a ${model === 'score' ? 'score model under an SDE' : "flow's velocity model"})`, input: value[field] });
    };
    only('sde', 'score');
    only('eps', 'score');
    only('source', 'velocity');
  });

type OdeNllOptions = z.output<typeof odeNllOptions>;

/** The SDE of the metric: its own `sde` option, else the pipeline's (a `ConfigError` if neither). */
function metricSde(config: OdeNllOptions['sde'], ctx: PluginContext): Sde {
  if (config !== undefined) return ctx.create('sde', config, `${ctx.path}.sde`);
  return requireSde(ctx, 'the ode-nll metric (or its own `sde` option)', `${ctx.path}.sde`);
}

/** A `ConfigError` of the metric at `path`. */
const invalid = (path: string, message: string) => new ConfigError('Invalid ode-nll metric', [{ path, message }]);

/** The log densities of `rows` under the metric's score model, through the probability-flow ODE. */
function scoreLikelihood(options: OdeNllOptions, config: PluginConfig, ctx: PluginContext): Likelihood {
  const sde = metricSde(options.sde, ctx);
  // A velocity model given here is an unknown score model, which the registry names as a velocity model.
  const score = ctx.create('score-model', config, `${ctx.path}.score`, sde);
  if (score.divergence === undefined) throw invalid(`${ctx.path}.score`, `score model '${score.name}' offers no divergence, which the likelihood needs; gaussian-mixture and network do`);
  return async (rows, dim) => odeLogLikelihood(rows, dim, { ...solveOptions(options), sde, score, eps: options.eps ?? 1e-5 });
}

/** The log densities of `rows` at t = 1 under the metric's flow, through its ODE back to the source at t = 0. */
function flowLikelihood(options: OdeNllOptions, config: PluginConfig, ctx: PluginContext): Likelihood {
  const path = `${ctx.path}.velocity`;
  const velocity = ctx.create('velocity-model', config, path);
  if (velocity.divergence === undefined) throw invalid(path, `velocity model '${velocity.name}' offers no divergence, which the likelihood needs; mixture-flow and network do`);
  const sourceLogDensity = options.source === undefined ? undefined : flowSourceDensity(ctx.create('data-source', options.source, `${ctx.path}.source`), velocity.dim, `${ctx.path}.source`);
  return async (rows, dim) => flowLogLikelihood(rows, dim, { ...solveOptions(options), velocity, sourceLogDensity });
}

/** The options of the solve that the score's and the flow's likelihood share. */
function solveOptions(options: OdeNllOptions): LikelihoodSolveOptions {
  return { rtol: options.rtol, atol: options.atol, divergence: options.divergence, rng: createRng(options.seed) };
}

/** log p of row-major rows, and the evaluations it took. */
type Likelihood = (rows: Float32Array, dim: number) => Promise<{ logDensity: Float64Array; evaluations: number }>;

/**
 * Metric plugin `ode-nll`: the negative log-likelihood of a sample under a model, through an ODE
 * and the instantaneous change of variables (Chen et al. 2018; FFJORD): `{ nll, nllStandardError,
 * bitsPerDim }` (nats per point, its standard error over the points, bits per dimension), and as
 * settings the rows measured and the model evaluations of the solve (`nllRows`, `nllEvaluations`).
 * The model is the metric's own nested option, created like a sampler's, and must offer a divergence:
 * - `score`: a score model under the pipeline's SDE or its own `sde`, through the probability-flow
 *   ODE from eps to T (`odeLogLikelihood`; Song et al. 2021, appendix D), the end density the SDE's
 *   prior as score_sde's;
 * - `velocity`: a flow's velocity model, through the flow's ODE from t = 1 back to 0
 *   (`flowLogLikelihood`; Lipman et al. 2023), the end density the `source`'s (a data source of known
 *   density; N(0, I) by default).
 * It measures the reference sample by default (the model's NLL of the data), asynchronously, and at
 * every snapshot it is asked to: use it in a run whose stage snapshots once (or with no pipeline).
 *
 * @example
 * // config: metrics: [{ type: ode-nll, score: { type: network, checkpoint: ../out/two-moons-train/checkpoint } }]
 * // a flow:  metrics: [{ type: ode-nll, velocity: { type: network, checkpoint: ../out/otcfm/checkpoint }, source: { type: gaussian-mixture, preset: eight-gaussians } }]
 */
export const odeNllPlugin = definePlugin({
  kind: 'metric',
  name: 'ode-nll',
  description:
    'Negative log-likelihood under a score model (probability-flow ODE; Song et al. 2021) or a flow\'s velocity model (its ODE from t = 1 to 0), by RK45: { nll (nats), nllStandardError, bitsPerDim }; settings nllRows, nllEvaluations',
  options: odeNllOptions,
  create: (options, ctx) => {
    const likelihood = options.velocity !== undefined ? flowLikelihood(options, options.velocity, ctx) : scoreLikelihood(options, options.score as PluginConfig, ctx);
    return {
      name: 'ode-nll',
      settings: ODE_NLL_SETTINGS,
      async measure(x, reference, dim) {
        const rows = strideRows(options.of === 'reference' ? reference : x, dim, options.maxSamples);
        const { logDensity, evaluations } = await likelihood(rows, dim);
        return { ...negativeLogLikelihood(logDensity, dim), nllRows: rows.length / dim, nllEvaluations: evaluations };
      },
    };
  },
});
