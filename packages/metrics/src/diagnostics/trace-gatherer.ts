import { type ParticleBatch, ScoreflowError, idsOf, positionsOf, stepsOf } from '@scoreflow/core';
import { batchDimension } from '../samples/batch-dimension.js';
import type { ChainTrace } from './chain-diagnostics.js';

/** Collects MCMC snapshots (particle = chain) into a `ChainTrace`. */
export interface TraceGatherer {
  /** Adds the rows of a batch whose step is >= fromStep. Returns the gatherer. */
  add(batch: ParticleBatch): TraceGatherer;
  /** The gathered steps in ascending order as a trace, or undefined when no row was kept. */
  trace(): ChainTrace | undefined;
}

interface StepRows {
  x: Float32Array;
  seen: Uint8Array;
  count: number;
}

/**
 * A gatherer for `traceDiagnostics`. Rows are grouped by their `step` (each row's own, so a batch
 * may hold one step or several) and placed by their id, which is the chain: chain ids must be
 * 0 .. chains - 1, each present exactly once per step, in any batches and any order. Rows of steps
 * below `fromStep` (warm-up) are dropped as they arrive. Memory: one Float32 row per kept
 * (step, chain). A chain seen twice at a step throws at once; a step missing a chain throws from
 * `trace()`; batches of different dimensions throw a `DimensionError`. `fn` names the caller.
 */
export function createTraceGatherer(fromStep: number, fn = 'createTraceGatherer'): TraceGatherer {
  const steps = new Map<number, StepRows>();
  const dimension = batchDimension(fn);
  let chains = 0;

  function rowsOf(step: number, id: number, dim: number): StepRows {
    let rows = steps.get(step);
    if (rows === undefined) {
      rows = { x: new Float32Array(0), seen: new Uint8Array(0), count: 0 };
      steps.set(step, rows);
    }
    if (id >= rows.seen.length) {
      const capacity = Math.max(id + 1, 2 * rows.seen.length, 16);
      const x = new Float32Array(capacity * dim);
      const seen = new Uint8Array(capacity);
      x.set(rows.x);
      seen.set(rows.seen);
      rows.x = x;
      rows.seen = seen;
    }
    return rows;
  }

  const gatherer: TraceGatherer = {
    add(batch) {
      if (batch.numRows === 0) return gatherer;
      const dim = dimension.check(batch);
      const stepColumn = stepsOf(batch);
      const ids = idsOf(batch);
      const x = positionsOf(batch);
      for (let i = 0; i < ids.length; i++) {
        const step = stepColumn[i];
        if (step < fromStep) continue;
        const id = ids[i];
        const rows = rowsOf(step, id, dim);
        if (rows.seen[id] === 1) throw new ScoreflowError(`${fn}: chain ${id} arrives twice at step ${step}; each step holds each chain once.`);
        rows.seen[id] = 1;
        rows.count++;
        rows.x.set(x.subarray(i * dim, (i + 1) * dim), id * dim);
        if (id + 1 > chains) chains = id + 1;
      }
      return gatherer;
    },
    trace() {
      if (steps.size === 0) return undefined;
      const { dim } = dimension;
      const order = [...steps.keys()].sort((a, b) => a - b);
      const x = new Float32Array(order.length * chains * dim);
      order.forEach((step, i) => {
        const rows = steps.get(step) as StepRows;
        if (rows.count !== chains) {
          let missing = 0;
          while (missing < rows.seen.length && rows.seen[missing] === 1) missing++;
          throw new ScoreflowError(
            `${fn}: step ${step} holds ${rows.count} of ${chains} chains (chain ${missing} is missing); every snapshot must hold chain ids 0 .. ${chains - 1}.`,
          );
        }
        x.set(rows.x.subarray(0, chains * dim), i * chains * dim);
      });
      return { x, chains, iterations: order.length, dim };
    },
  };
  return gatherer;
}
