import { type DataSource, type ParticleBatch, type RunContext, collectAll, dimOf, idsOf, labelsOf, positionsOf } from '@scoreflow/core';

/** Everything a source emitted for a context, batches and concatenated columns (for tests). */
export interface Collected {
  readonly batches: readonly ParticleBatch[];
  /** All positions, row-major, in emission order. */
  readonly x: Float32Array;
  readonly ids: Uint32Array;
  /** All labels, or undefined when the batches have none. */
  readonly labels: Int32Array | undefined;
  readonly dim: number;
}

/** Runs `source.sample(ctx)` to completion and concatenates its batches (test helper). */
export async function collect(source: DataSource, ctx: RunContext): Promise<Collected> {
  const batches = await collectAll(source.sample(ctx));
  const dim = batches.length === 0 ? source.dim : dimOf(batches[0]);
  const n = batches.reduce((sum, batch) => sum + batch.numRows, 0);
  const x = new Float32Array(n * dim);
  const ids = new Uint32Array(n);
  const hasLabels = batches.length > 0 && labelsOf(batches[0]) !== undefined;
  const labels = hasLabels ? new Int32Array(n) : undefined;
  let row = 0;
  for (const batch of batches) {
    x.set(positionsOf(batch), row * dim);
    ids.set(idsOf(batch), row);
    const batchLabels = labelsOf(batch);
    if (labels !== undefined && batchLabels !== undefined) labels.set(batchLabels, row);
    row += batch.numRows;
  }
  return { batches, x, ids, labels, dim };
}

/** Mean and (unbiased) standard deviation of coordinate `j` over the rows where `keep(i)`. */
export function coordinateStats(x: Float32Array, dim: number, j: number, keep: (i: number) => boolean = () => true): { n: number; mean: number; std: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i * dim < x.length; i++) {
    if (!keep(i)) continue;
    const v = x[i * dim + j];
    n++;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  return { n, mean, std: Math.sqrt((sumSq - n * mean * mean) / (n - 1)) };
}

/** Whether two typed arrays hold the same bytes (bit-identical values, -0 and NaN payloads included). */
export function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const bytes = (v: ArrayBufferView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const [p, q] = [bytes(a), bytes(b)];
  return p.length === q.length && p.every((byte, i) => byte === q[i]);
}
