import type { Marginal, MlpScoreDescription } from '@scoreflow/core';
import type { BackendName } from '../../backend/select-backend.js';
import type { NetworkOptions } from '../../unet/network-of.js';
import type { DsmBatch } from '../../training/dsm-batch.js';
import type { MlpKernelsVariant } from '../../wasm/wasm-mlp-module.js';

/** Builds the worker's replica: selects `backend`, rebuilds the network from `options`, loads `weights`. */
export interface InitRequest {
  readonly kind: 'init';
  readonly backend: BackendName;
  readonly options: NetworkOptions;
  /** The weights, flattened in the order of `network.variables` (`flattenTensors`). */
  readonly weights: Float32Array;
}

/** Loads `weights`, then returns the loss and gradients of `shard` (`shardGradients`). */
export interface GradientsRequest {
  readonly kind: 'gradients';
  readonly weights: Float32Array;
  readonly shard: DsmBatch;
  /** Shard rows / batch rows. */
  readonly scale: number;
}

/** The score of rows `x` at time `t` (`networkScore`), with the main thread's marginal at t. */
export interface ScoreRequest {
  readonly kind: 'score';
  readonly x: Float32Array;
  readonly t: number;
  readonly marginal: Marginal;
  readonly label?: number;
}

/** Builds the worker's WebAssembly MLP (`createWasmMlp`) from `description` on the main thread's build of the kernels: no TF.js network. */
export interface WasmInitRequest {
  readonly kind: 'wasm-init';
  readonly description: MlpScoreDescription;
  readonly variant: MlpKernelsVariant;
}

/**
 * The score of rows `from .. to - 1` of `x` at time `t` on the WebAssembly MLP, written into the
 * same rows of `out`: both views of SharedArrayBuffers holding every row of the call, so nothing
 * is copied between threads.
 */
export interface WasmScoreRequest {
  readonly kind: 'wasm-score';
  readonly x: Float32Array;
  readonly out: Float32Array;
  readonly from: number;
  readonly to: number;
  readonly t: number;
  readonly marginal: Marginal;
}

/** Loads `weights`, then returns the loss and gradients of `shard` on the WebAssembly kernels (`wasmDsmGradients`), after `wasm-init`. */
export interface WasmGradientsRequest {
  readonly kind: 'wasm-gradients';
  readonly weights: Float32Array;
  readonly shard: DsmBatch;
  /** Shard rows / batch rows. */
  readonly scale: number;
}

/** Fails on purpose with `message` (tests: errors travel back). */
export interface FailRequest {
  readonly kind: 'fail';
  readonly message: string;
}

/** What the main thread asks a worker. */
export type WorkerRequest = InitRequest | GradientsRequest | ScoreRequest | WasmInitRequest | WasmScoreRequest | WasmGradientsRequest | FailRequest;

/** The answer to each request kind. */
export interface WorkerReplies {
  readonly init: { readonly backend: BackendName };
  readonly gradients: { readonly loss: number; readonly gradients: Float32Array };
  readonly score: { readonly out: Float32Array };
  readonly 'wasm-init': { readonly ready: true };
  readonly 'wasm-score': { readonly rows: number };
  readonly 'wasm-gradients': { readonly loss: number; readonly gradients: Float32Array };
  readonly fail: never;
}

/** A request as posted: numbered, so that replies can come back in any order. */
export interface RequestEnvelope {
  readonly id: number;
  readonly request: WorkerRequest;
}

/** A reply as posted: the request's number and its reply, or the error it threw. */
export type ReplyEnvelope =
  | { readonly id: number; readonly ok: true; readonly reply: WorkerReplies[WorkerRequest['kind']] }
  | { readonly id: number; readonly ok: false; readonly name: string; readonly message: string; readonly stack?: string };

/** The typed-array buffers of `value`'s own fields (one level deep): what a message can transfer instead of copying. */
export function buffersOf(value: object): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const field of Object.values(value)) {
    if (ArrayBuffer.isView(field) && field.buffer instanceof ArrayBuffer) buffers.add(field.buffer);
  }
  return [...buffers];
}
