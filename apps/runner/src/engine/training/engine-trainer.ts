import type { Sde } from '@scoreflow/core';
import { type DistributeOptions, connectEngine, distribute, revisionStore } from '@scoreflow/engine-nats';
import { type BackendName, type BuiltNetwork, type Trainer, type TrainerOptions, clippedAdam, dsmBatchRows, trainerBatch, trainerSettings } from '@scoreflow/score-nets';
import { rowShards } from '@scoreflow/score-nets/node';
import { randomUUID } from 'node:crypto';
import { type GradientWork, decodeGradients, encodeRows, weightBytes } from './gradient-work.js';

/** Options of `createEngineTrainer`: a trainer's, the engine, and the fixed number of gradient shards per step. */
export interface EngineTrainerOptions extends TrainerOptions, Pick<DistributeOptions, 'ackWaitMs' | 'replicas'> {
  /** `nats://HOST:PORT`. */
  readonly engine: string;
  /** Gradient shards per step, fixed (never the number of workers): the sum order, so the weights, depend on it only. */
  readonly shards: number;
  /** The TensorFlow.js backend the workers use (default `wasm`). */
  readonly backend?: BackendName;
}

/** A trainer over the engine; `close()` ends its connection (and `dispose()` its optimiser). */
export interface EngineTrainer extends Trainer {
  close(): Promise<void>;
}

/**
 * Data-parallel denoising score matching over the engine (synchronous data parallelism, Goyal et
 * al. 2017), as score-nets' `createParallelTrainer` does over threads: each step draws the whole
 * DSM batch here (`trainerBatch`: keyed by row, independent of the split), cuts it into `shards`
 * fixed row shards (`rowShards`), puts the current weights into the object store as this step's
 * revision (`revisionStore`), sends each shard as a work item naming it to `scoreflow worker`s
 * (`gradientWorker`), sums the shard losses and gradients in shard order
 * (`distribute` yields them in key order, whatever order they finish in), and applies
 * `clippedAdam` here. The weights therefore depend on the shard count, never on how many workers
 * there are: 1 or N workers give bitwise-equal weights.
 * A work item carries its shard's rows (base64 JSON), so a shard must fit the server's
 * `max_payload`; the weights, in the object store, have no such limit.
 */
export async function createEngineTrainer(network: BuiltNetwork, sde: Sde, options: EngineTrainerOptions): Promise<EngineTrainer> {
  if (!Number.isSafeInteger(options.shards) || options.shards < 1) throw new RangeError(`createEngineTrainer: shards must be an integer >= 1, got ${options.shards}.`);
  const settings = trainerSettings(network, sde, options);
  const adam = clippedAdam([...network.variables], options, options.resume);
  const nc = await connectEngine(options.engine, 'scoreflow trainer');
  const revisions = await revisionStore(nc, { replicas: options.replicas });
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const total = new Float32Array(adam.weights.length);
  let steps = options.resume?.steps ?? 0;
  return {
    get steps() {
      return steps;
    },
    learningRateAt: adam.learningRateAt,
    async step(x0, labels) {
      const batch = trainerBatch(network, sde, settings, x0, steps, labels);
      // The weights of this step, once, as a revision in the object store; the items name it.
      const revision = `train-${id}/rev-${steps}`;
      await revisions.put(revision, weightBytes(adam.weights));
      const bodies: GradientWork[] = rowShards(batch.n, options.shards, 1).map(({ from, to }) => ({
        kind: 'gradients',
        backend: options.backend ?? 'wasm',
        options: network.options,
        revision,
        rows: encodeRows(dsmBatchRows(batch, from, to)),
        scale: (to - from) / batch.n,
      }));
      total.fill(0);
      let loss = 0;
      for await (const { payload } of distribute(nc, bodies, { runId: `train-${id}-${steps}`, ackWaitMs: options.ackWaitMs, replicas: options.replicas })) {
        const shard = decodeGradients(payload);
        loss += shard.loss;
        for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + (shard.gradients[i] as number);
      }
      await revisions.delete(revision);
      adam.applyFlat(total, steps);
      steps += 1;
      return loss;
    },
    state: () => Promise.resolve(adam.state(steps)),
    dispose: () => {
      adam.dispose();
      void nc.close();
    },
    close: async () => {
      adam.dispose();
      await nc.close();
    },
  };
}
