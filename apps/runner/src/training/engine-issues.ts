import type { ConfigIssue } from '@scoreflow/core';
import { isUnetOptions } from '@scoreflow/score-nets';
import type { TrainConfig } from '../config/train-config.js';

/**
 * `training.engine: wasm` where the kernels cannot train (score-nets' `wasmDsmGradients`: the dsm
 * objective of an eps MLP with SiLU, no residual layers and no classes): one issue at
 * `training.engine` naming what differs; none for `tfjs`.
 */
export function trainingEngineIssues(config: TrainConfig): ConfigIssue[] {
  if (config.training.engine !== 'wasm') return [];
  const { objective } = config.training;
  const network = config.network as { output?: string; activation?: string; residual?: boolean; classes?: number };
  const unfit = [
    ...(objective === 'dsm' ? [] : [`training.objective ${objective}`]),
    ...(isUnetOptions(config.network)
      ? ['a U-Net']
      : [
          ...(network.output === 'eps' ? [] : [`network.output ${network.output}`]),
          ...(network.activation === 'silu' ? [] : [`network.activation ${network.activation}`]),
          ...(network.residual ? ['network.residual'] : []),
          ...((network.classes ?? 0) > 0 ? [`network.classes ${network.classes}`] : []),
        ]),
  ];
  if (unfit.length === 0) return [];
  return [{ path: 'training.engine', message: `wasm trains an eps MLP with SiLU, no residual layers and no classes by the dsm objective, not ${unfit.join(', ')}: use engine tfjs` }];
}
