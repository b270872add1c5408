import { type BackendName, type DsmBatch, type NetworkOptions, assignFlatWeights, flattenTensors, networkOf, selectBackend, tf } from '@scoreflow/score-nets';
import { shardGradients } from '@scoreflow/score-nets/node';
import type { RevisionStore } from '@scoreflow/engine-nats';

/** A shard of one training step as a work item: the network, its weights, the shard's rows of the DSM batch, its share of the batch. */
export interface GradientWork {
  readonly kind: 'gradients';
  readonly backend: BackendName;
  readonly options: NetworkOptions;
  /** The revision of the flat weights (`flattenTensors` order) in the engine's object store (`revisionStore`). */
  readonly revision: string;
  /** The shard's rows: every typed array of the `DsmBatch`, base64. */
  readonly rows: { readonly n: number; readonly dim: number; readonly arrays: Readonly<Record<string, { readonly type: 'f32' | 'i32'; readonly data: string }>> };
  /** Rows of the shard / rows of the batch: the shard losses sum to the batch loss. */
  readonly scale: number;
}

const ARRAYS = ['x0', 't', 'mean', 'std', 'weight', 'z', 'labels'] as const;

const base64 = (array: Float32Array | Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
function fromBase64<T extends Float32Array | Int32Array>(text: string, Type: { new (buffer: ArrayBuffer): T }): T {
  const bytes = Buffer.from(text, 'base64');
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return new Type(copy);
}

/** The rows of a DSM batch as a work item carries them. */
export function encodeRows(batch: DsmBatch): GradientWork['rows'] {
  const arrays: Record<string, { type: 'f32' | 'i32'; data: string }> = {};
  for (const name of ARRAYS) {
    const array = (batch as unknown as Record<string, Float32Array | Int32Array | undefined>)[name];
    if (array !== undefined) arrays[name] = { type: array instanceof Int32Array ? 'i32' : 'f32', data: base64(array) };
  }
  return { n: batch.n, dim: batch.dim, arrays };
}

function decodeRows(rows: GradientWork['rows']): DsmBatch {
  const out: Record<string, unknown> = { n: rows.n, dim: rows.dim };
  for (const [name, { type, data }] of Object.entries(rows.arrays)) out[name] = type === 'i32' ? fromBase64(data, Int32Array) : fromBase64(data, Float32Array);
  return out as unknown as DsmBatch;
}

/** Flat weights as the object store keeps them: the Float32Array's bytes (little-endian). */
export const weightBytes = (weights: Float32Array): Uint8Array => new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);

/** A shard's answer: the loss (float64) then the gradients (float32, `flattenTensors` order). */
export function decodeGradients(payload: Uint8Array): { loss: number; gradients: Float32Array } {
  const copy = payload.slice();
  return { loss: new DataView(copy.buffer).getFloat64(0, true), gradients: new Float32Array(copy.buffer, 8) };
}

/**
 * The worker's side of data-parallel training: computes a shard's DSM loss and gradients
 * (score-nets' `shardGradients`, the function its worker threads run) on a network rebuilt from
 * its options (kept between items of the same options) with the weights of the item's revision,
 * read from the object store (`revisionStore`, SHA-256 checked, the last one kept). The same shard
 * with the same weights gives the same bytes on every worker (same Node, same backend).
 */
export function gradientWorker(revisions: RevisionStore): (work: GradientWork) => Promise<Uint8Array> {
  let cached: { key: string; network: ReturnType<typeof networkOf> } | undefined;
  return async (work) => {
    await selectBackend(work.backend);
    const key = JSON.stringify(work.options);
    if (cached?.key !== key) {
      cached?.network.dispose();
      cached = { key, network: networkOf(work.options) };
    }
    const { network } = cached;
    const bytes = await revisions.get(work.revision);
    const weights = new Float32Array(bytes.byteLength / 4);
    new Uint8Array(weights.buffer).set(bytes);
    assignFlatWeights(network.variables, weights);
    const { loss, gradients } = shardGradients(network, decodeRows(work.rows), work.scale);
    try {
      const flat = flattenTensors(gradients);
      const out = new Uint8Array(8 + flat.byteLength);
      new DataView(out.buffer).setFloat64(0, (await loss.data())[0] ?? Number.NaN, true);
      out.set(new Uint8Array(flat.buffer, flat.byteOffset, flat.byteLength), 8);
      return out;
    } finally {
      tf.dispose([loss, ...gradients]);
    }
  };
}
