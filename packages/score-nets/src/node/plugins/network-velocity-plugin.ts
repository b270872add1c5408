import { ConfigError, type VelocityModel, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { selectBackend } from '../../backend/index.js';
import { loadNetwork } from '../../checkpoint/index.js';
import { networkVelocity } from '../../flow/network-velocity.js';
import { disposeTrainerState } from '../../training/index.js';
import { fileCheckpoint } from '../file-checkpoint.js';
import { backendOption } from '../parallel/parallel-schemas.js';
import { atOption, checkpointInfo } from './network-plugin.js';

/** Options of the `network` velocity model: `checkpoint`, `weights` (`ema` or `raw`), `backend`. */
export const networkVelocityOptions = z.strictObject({
  checkpoint: z.string().min(1).describe('checkpoint folder of a velocity network (output velocity, trained by a flow objective); relative to the config file'),
  weights: z.enum(['ema', 'raw']).default('ema').describe('ema: the averaged weights (when saved), raw: the last trained ones'),
  backend: backendOption,
});

/**
 * Velocity model `network`: a network trained by a flow objective (`createFlowTrainer`; output
 * `velocity`), read from its checkpoint folder. `create` reads model.json (dim, and that the network
 * predicts a velocity); the first `velocity` call selects the backend and loads the weights, once,
 * and evaluates in this thread (`networkVelocity`).
 *
 * @example
 * // config: { type: flow-euler, velocity: { type: network, checkpoint: ../../out/otcfm/checkpoint } }
 */
export const networkVelocityPlugin = definePlugin({
  kind: 'velocity-model',
  name: 'network',
  description: 'A velocity network trained by a flow objective (icfm, fm, otcfm, sbcfm), from its checkpoint folder (EMA weights by default); TF.js, loaded on first use.',
  options: networkVelocityOptions,
  create: (options, ctx): VelocityModel => {
    const info = checkpointInfo(options.checkpoint, ctx.path);
    if (info.options.output !== 'velocity') {
      throw new ConfigError('Invalid network velocity model', [
        {
          path: `${ctx.path}.checkpoint`,
          message: `holds a ${info.options.outputs === undefined ? 'score network' : 'noisy classifier'} (output '${info.options.output ?? 'eps'}'${typeof info.metadata.objective === 'string' ? `, training.objective ${info.metadata.objective}` : ''}), not a velocity network: train one with a flow objective (training.objective icfm, fm, otcfm, sbcfm or reflow), or use it as a score model`,
        },
      ]);
    }
    const name = `network(${options.weights === 'ema' && info.hasEma ? 'ema' : 'raw'})`;
    let ready: Promise<VelocityModel> | undefined;
    const load = async (): Promise<VelocityModel> => {
      await selectBackend(options.backend).catch(atOption(ctx.path, 'backend'));
      const loaded = await loadNetwork(fileCheckpoint(options.checkpoint), { weights: options.weights }).catch(atOption(ctx.path, 'checkpoint', `cannot load ${options.checkpoint}: `));
      loaded.ema?.dispose();
      if (loaded.trainer) disposeTrainerState(loaded.trainer);
      return networkVelocity(loaded.network, name);
    };
    return {
      name,
      dim: info.options.dim,
      async velocity(x, t, out) {
        ready ??= load();
        await (await ready).velocity(x, t, out);
      },
      async divergence(x, t, out, probe) {
        ready ??= load();
        await (await ready).divergence?.(x, t, out, probe);
      },
    };
  },
});
