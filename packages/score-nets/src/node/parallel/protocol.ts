import type { Marginal } from '@scoreflow/core';
import type { BackendName } from '../../backend/select-backend.js';
import type { NetworkOptions } from '../../unet/network-of.js';
import type { DsmBatch } from '../../training/dsm-batch.js';

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

/** Fails on purpose with `message` (tests: errors travel back). */
export interface FailRequest {
  readonly kind: 'fail';
  readonly message: string;
}

/** What the main thread asks a worker. */
export type WorkerRequest = InitRequest | GradientsRequest | ScoreRequest | FailRequest;

/** The answer to each request kind. */
export interface WorkerReplies {
  readonly init: { readonly backend: BackendName };
  readonly gradients: { readonly loss: number; readonly gradients: Float32Array };
  readonly score: { readonly out: Float32Array };
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
