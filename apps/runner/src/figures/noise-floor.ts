import { type FloorValue, type NoiseFloor, createRunContext, deriveSeed } from '@scoreflow/core';
import { measureRecord } from '@scoreflow/metrics';
import type { RunPlan } from '../pipeline/build-run.js';
import { referenceSampler } from '../pipeline/reference-sampler.js';

/** Where the noise floor is wanted: a time t and the measured sample's size n there. */
export type FloorPoint = Parameters<NoiseFloor>[0][number];

/**
 * The noise floor of a run's metrics: what each metric reports between two independent exact
 * samples of the sizes it measures (n, the snapshot's, and m, the reference's) at time t. A
 * snapshot measured within it cannot be told from an exact sample. Pair k draws n + m particles
 * from the reference source with its own seed (`deriveSeed(seed, 'noise-floor/k')`) and pushes
 * them through the SDE's marginal at t (`referenceSampler`); the first n rows are the stand-in
 * snapshot, the next m the reference. (A file source gives its rows in order: disjoint rows.)
 * Undefined when the run has no reference or no metrics.
 */
export function exactSampleFloor(plan: RunPlan): NoiseFloor | undefined {
  const { reference, metrics, sde } = plan;
  if (reference === undefined || metrics.length === 0) return undefined;
  const m = reference.ctx.particles;
  const { dim } = reference.ctx;
  const floor = async (points: readonly FloorPoint[], pairs: number): Promise<Record<string, FloorValue>[]> => {
    const largest = Math.max(...points.map((point) => point.n));
    const values = points.map(() => new Map<string, number[]>());
    for (let k = 0; k < pairs; k++) {
      const ctx = createRunContext({
        name: `${reference.ctx.name}/noise-floor`,
        seed: deriveSeed(reference.ctx.seed, `noise-floor/${k}`),
        dim,
        particles: largest + m,
        batchSize: reference.ctx.batchSize,
      });
      const exactAt = await referenceSampler(reference.source, ctx, sde);
      for (const [p, point] of points.entries()) {
        const sample = exactAt(point.t);
        // Fewer rows than asked (a short file): split what came in the same proportion.
        const rows = sample.length / dim;
        const split = Math.floor((rows * largest) / (largest + m));
        const x = sample.subarray(0, Math.min(point.n, split) * dim);
        const y = sample.subarray(split * dim);
        for (const [name, value] of Object.entries((await measureRecord({ step: 0, t: point.t, x, dim }, () => y, metrics)).values)) {
          values[p].set(name, [...(values[p].get(name) ?? []), value]);
        }
      }
    }
    return values.map((byName) => Object.fromEntries([...byName].map(([name, list]) => [name, meanAndSd(list)])));
  };
  return Object.assign(floor, { dependsOnT: sde !== undefined });
}

/** Mean and sample standard deviation (n - 1; 0 for one value). */
function meanAndSd(values: readonly number[]): FloorValue {
  const mean = values.reduce((total, v) => total + v, 0) / values.length;
  const squares = values.reduce((total, v) => total + (v - mean) ** 2, 0);
  return { mean, sd: values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1)) };
}
