import { tf } from '../../backend/tf.js';
import { type BackendName, selectBackend } from '../../backend/select-backend.js';
import { type BuiltNetwork, networkOf } from '../../unet/network-of.js';
import { networkScore } from '../../network/network-score.js';
import type { ScoreModel } from '@scoreflow/core';
import { assignFlatWeights, flattenTensors } from '../../network/flat-weights.js';
import { fixedMarginalSde } from './fixed-marginal-sde.js';
import type { WorkerReplies, WorkerRequest } from './protocol.js';
import { shardGradients } from './shard-gradients.js';
import { wasmNetworkScore } from '../../wasm/wasm-network-score.js';
import { type WasmDsmResult, wasmDsmGradients } from '../../wasm/wasm-dsm.js';
import type { DsmBatch } from '../../training/dsm-batch.js';
import type { MlpScoreDescription } from '@scoreflow/core';
import type { MlpKernelsVariant } from '../../wasm/wasm-mlp-module.js';

/** The worker side of the pool: a copy of the network that answers `WorkerRequest`s. */
export interface Replica {
  handle<K extends WorkerRequest['kind']>(request: Extract<WorkerRequest, { kind: K }>): Promise<WorkerReplies[K]>;
}

/**
 * A replica of a score network in a worker thread. `init` selects the backend and rebuilds the
 * network from its `NetworkOptions` (same architecture, same variable order) with the main thread's
 * weights; `gradients` takes fresh weights and returns a shard's `shardGradients`; `score` runs
 * `networkScore` on its rows, with the marginal the main thread computed (`fixedMarginalSde`).
 * Every tensor of a request is disposed before it answers. `wasm-init` builds the WebAssembly MLP
 * of a description instead, `wasm-score` runs it on its rows of shared memory, and
 * `wasm-gradients` takes a shard's DSM gradients on the kernels (`wasmDsmGradients`).
 */
export function createReplica(): Replica {
  let network: BuiltNetwork | undefined;
  const sde = fixedMarginalSde();
  const models = new Map<number | undefined, ScoreModel>();
  let wasm: ScoreModel | undefined;
  let description: MlpScoreDescription | undefined;
  let variant: MlpKernelsVariant | undefined;
  let wasmGradients: ((weights: Float32Array, batch: DsmBatch, scale?: number) => WasmDsmResult) | undefined;
  const ready = (kind: string): BuiltNetwork => {
    if (network === undefined) throw new Error(`score-net worker: '${kind}' before 'init'.`);
    return network;
  };
  const handlers = {
    init: async (request: Extract<WorkerRequest, { kind: 'init' }>): Promise<WorkerReplies['init']> => {
      const backend: BackendName = await selectBackend(request.backend);
      network?.dispose();
      models.clear();
      network = networkOf(request.options);
      assignFlatWeights(network.variables, request.weights);
      return { backend };
    },
    gradients: async (request: Extract<WorkerRequest, { kind: 'gradients' }>): Promise<WorkerReplies['gradients']> => {
      const net = ready('gradients');
      assignFlatWeights(net.variables, request.weights);
      const { loss, gradients } = shardGradients(net, request.shard, request.scale);
      try {
        return { loss: (await loss.data())[0] ?? Number.NaN, gradients: flattenTensors(gradients) };
      } finally {
        tf.dispose([loss, ...gradients]);
      }
    },
    score: async (request: Extract<WorkerRequest, { kind: 'score' }>): Promise<WorkerReplies['score']> => {
      const net = ready('score');
      let model = models.get(request.label);
      if (model === undefined) {
        model = networkScore(net, sde, request.label === undefined ? {} : { label: request.label });
        models.set(request.label, model);
      }
      const out = new Float32Array(request.x.length);
      sde.setMarginal(request.marginal);
      await model.score(request.x, request.t, out);
      return { out };
    },
    'wasm-init': async (request: Extract<WorkerRequest, { kind: 'wasm-init' }>): Promise<WorkerReplies['wasm-init']> => {
      wasm = wasmNetworkScore(request.description, sde, { variant: request.variant });
      if (wasm === undefined) throw new Error(`score-net worker: this JavaScript engine cannot run the kernels' '${request.variant}' build.`);
      description = request.description;
      variant = request.variant;
      wasmGradients = undefined;
      return { ready: true };
    },
    'wasm-score': async (request: Extract<WorkerRequest, { kind: 'wasm-score' }>): Promise<WorkerReplies['wasm-score']> => {
      if (wasm === undefined) throw new Error("score-net worker: 'wasm-score' before 'wasm-init'.");
      const { x, out, from, to, t } = request;
      const dim = wasm.dim;
      sde.setMarginal(request.marginal);
      await wasm.score(x.subarray(from * dim, to * dim), t, out.subarray(from * dim, to * dim));
      return { rows: to - from };
    },
    'wasm-gradients': async (request: Extract<WorkerRequest, { kind: 'wasm-gradients' }>): Promise<WorkerReplies['wasm-gradients']> => {
      if (description === undefined) throw new Error("score-net worker: 'wasm-gradients' before 'wasm-init'.");
      wasmGradients ??= wasmDsmGradients(description, variant);
      if (wasmGradients === undefined) throw new Error('score-net worker: this JavaScript engine has no WebAssembly SIMD.');
      return wasmGradients(request.weights, request.shard, request.scale);
    },
    fail: (request: Extract<WorkerRequest, { kind: 'fail' }>): Promise<never> => Promise.reject(new Error(request.message)),
  };
  return {
    handle: (request) => {
      const handler = handlers[request.kind] as ((r: typeof request) => Promise<WorkerReplies[typeof request.kind]>) | undefined;
      if (handler === undefined) return Promise.reject(new Error(`score-net worker: unknown request '${String((request as { kind: unknown }).kind)}'.`));
      return handler(request);
    },
  };
}
