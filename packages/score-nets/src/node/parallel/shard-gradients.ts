import { tf } from '../../backend/tf.js';
import type { ScoreNetwork } from '../../network/mlp.js';
import type { DsmBatch } from '../../training/dsm-batch.js';
import { dsmLoss } from '../../training/dsm-loss.js';

/** The loss and gradients of one shard; the caller owns the tensors. */
export interface ShardGradients {
  /** dsmLoss(network, shard, scale): the shard's share of the batch loss. */
  readonly loss: tf.Scalar;
  /** d loss / d variable, in the order of `variables`. */
  readonly gradients: tf.Tensor[];
}

/**
 * The gradients of one shard of a DSM batch (Song et al. 2021, eq. 7) with respect to
 * `variables`. With `scale` = shard rows / batch rows, the shard losses (and so the gradients)
 * of a batch sum to the batch's (`dsmLoss` is a mean): the data-parallel step of Goyal et al.
 * 2017. Main thread and workers run this same function.
 */
export function shardGradients(network: ScoreNetwork, shard: DsmBatch, scale: number, variables: readonly tf.Variable[] = network.variables): ShardGradients {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => dsmLoss(network, shard, scale), [...variables]);
    return {
      loss: value,
      gradients: variables.map((v) => {
        const gradient = grads[v.name];
        if (gradient === undefined) throw new Error(`shardGradients: no gradient for variable ${v.name}.`);
        return gradient;
      }),
    };
  });
}
