import { type MlpOptions, type MlpScoreNetwork, mlpScoreNetwork } from '../network/mlp.js';
import { type UnetOptions, isUnetOptions } from './unet-options.js';
import { type UnetScoreNetwork, unetScoreNetwork } from './unet.js';

/** The options of any score network a checkpoint or a config can name: an MLP's, or a U-Net's (`type: 'unet'`). */
export type NetworkOptions = MlpOptions | UnetOptions;

/** A network built from its options, which rebuild it (same seed: same weights, same variable order). */
export type BuiltNetwork = MlpScoreNetwork | UnetScoreNetwork;

/** The network that `options` describe: `unetScoreNetwork` for `type: 'unet'`, else `mlpScoreNetwork`. */
export function networkOf(options: NetworkOptions): BuiltNetwork {
  return isUnetOptions(options) ? unetScoreNetwork(options) : mlpScoreNetwork(options);
}

/** Whether a built network is a U-Net. */
export function isUnet(network: BuiltNetwork): network is UnetScoreNetwork {
  return isUnetOptions(network.options);
}
