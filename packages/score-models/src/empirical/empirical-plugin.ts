import { type ScoreModel, checkRunDim, createRunContext, definePlugin, deriveSeed, pluginConfigSchema, requireSde } from '@scoreflow/core';
import { z } from 'zod';
import { collectPoints } from './collect-points.js';
import { empiricalScore } from './empirical-score.js';

/** Options of `empirical`: a nested data-source config, how many points to draw, an optional subset size. */
export const empiricalOptions = z
  .strictObject({
    data: pluginConfigSchema,
    points: z.number().int().min(1).default(10_000),
    subset: z.number().int().min(1).optional(),
  })
  .superRefine((options, ctx) => {
    if (options.subset !== undefined && options.subset > options.points) {
      ctx.addIssue({ code: 'custom', path: ['subset'], message: `expected at most points (${options.points})`, input: options.subset });
    }
  });

/**
 * `type: empirical`: the exact score of a point set diffused by the pipeline's SDE (see
 * `empiricalScore`). The points are the first `points` particles of the nested data source
 * `data` (any data-source config), drawn with the seed `deriveSeed(run seed, 'empirical')` so that
 * they are not the run's own particles; `subset` uses that many random points at each call
 * (subsets from the run's rng, keyed by t). The source is read when the first score is asked for,
 * not when the plugin is created (so `validate` reads nothing): the first `score` call returns a
 * promise, later calls run synchronously.
 *
 * @example
 * // config: { type: 'empirical', data: { type: 'two-moons' }, points: 5000 }
 */
export const empiricalPlugin = definePlugin({
  kind: 'score-model',
  name: 'empirical',
  description: 'Exact score of a point set (drawn from a data source) diffused by the pipeline SDE; optional random subset per step',
  options: empiricalOptions,
  create(options, ctx): ScoreModel {
    const dataPath = ctx.path === '' ? 'data' : `${ctx.path}.data`;
    const sde = requireSde(ctx, 'a score model');
    const source = ctx.create('data-source', options.data, dataPath);
    const { run } = ctx;
    checkRunDim(source, ctx, `data source '${source.name}'`, 'error', dataPath);
    const dataRun = createRunContext({
      name: run.name,
      seed: deriveSeed(run.seed, 'empirical'),
      dim: run.dim,
      particles: options.points,
      batchSize: run.batchSize,
      signal: run.signal,
      logger: run.logger,
    });

    let model: ScoreModel | undefined;
    let loading: Promise<ScoreModel> | undefined;
    const load = async (): Promise<ScoreModel> => {
      const points = await collectPoints(source, dataRun, options.points, dataPath);
      const count = points.length / run.dim;
      if (count < options.points) run.logger.warn(`${dataPath}: data source '${source.name}' gave ${count} points, ${options.points} were asked for.`);
      model = empiricalScore(points, run.dim, sde, { subset: options.subset, rng: run.rng });
      return model;
    };
    return {
      name: 'empirical',
      dim: run.dim,
      score(x: Float32Array, t: number, out: Float32Array): void | Promise<void> {
        if (model !== undefined) return model.score(x, t, out);
        loading ??= load();
        return loading.then((loaded) => loaded.score(x, t, out));
      },
    };
  },
});
