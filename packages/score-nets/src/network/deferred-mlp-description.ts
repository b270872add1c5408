import { ConfigError, type DeferredScoreDescription, type MlpScoreDescription } from '@scoreflow/core';
import { describeMlp, mlpOf } from './describe-mlp.js';
import type { ScoreNetwork } from './mlp.js';

/**
 * An MLP score network described before its weights are loaded (core's `DeferredScoreDescription`,
 * for `device: webgpu`): `expected` says what a checkpoint's model.json says without a weight (an
 * `mlp` of dimension `dim`), and `load()` awaits `network()` once and describes it (`describeMlp`,
 * conditioned on `label`). What keeps the loaded network from being that MLP score is a
 * `ConfigError` at `path` (the option that names the checkpoint, `pipeline.0.score.checkpoint`):
 * a U-Net, another dimension, an output that is not a score of x. `network()`'s own `ConfigError`s
 * (a checkpoint that cannot be read) pass as they are; its other errors become one at `path`.
 *
 * @example
 * const description = deferredMlpDescription(info.options.dim, `${ctx.path}.checkpoint`, () => loaded);
 */
export function deferredMlpDescription(dim: number, path: string, network: () => Promise<ScoreNetwork>, label?: number): DeferredScoreDescription {
  const problem = (message: string, cause?: unknown) => new ConfigError('Invalid network score model', [{ path, message }], cause === undefined ? undefined : { cause });
  let loading: Promise<MlpScoreDescription> | undefined;
  const load = async (): Promise<MlpScoreDescription> => {
    const loaded = await network();
    const mlp = mlpOf(loaded);
    if (mlp === undefined) throw problem('holds a U-Net, not an MLP: device webgpu evaluates only MLP score networks; use device: cpu');
    if (mlp.dim !== dim) throw problem(`holds an MLP of dimension ${mlp.dim}, its model.json said ${dim}`);
    try {
      return describeMlp(mlp, label);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw problem(`cannot be described for device webgpu: ${error.message}`, error);
    }
  };
  return {
    kind: 'deferred',
    expected: { kind: 'mlp', dim },
    path,
    load: () => (loading ??= load()),
  };
}
