import { type DataSource, type ParticleBatch, type Stage, collectAll, createRunContext, labelsOf, positionsOf } from '@scoreflow/core';
import { createBrowserRegistry } from '@scoreflow/catalogue';

/** Every browser-safe plugin scoreflow ships (`@scoreflow/catalogue`): stories create plugins from config entries here, as the runner does. */
export const registry = createBrowserRegistry();

/** A run context for one story: `particles` particles of dimension `dim`, keyed by `seed`. */
export const runContext = (particles: number, dim = 2, seed = 0) => createRunContext({ name: 'gallery', seed, dim, particles });

/** `n` particles of a source: positions (row-major) and labels where the source has them. */
export async function sampleOf(source: DataSource, n: number, seed = 0): Promise<{ positions: Float32Array; labels?: Int32Array }> {
  const batches = await collectAll(source.sample(runContext(n, source.dim, seed)));
  const positions = new Float32Array(n * source.dim);
  const labels = new Int32Array(n);
  let offset = 0;
  let labelled = true;
  for (const batch of batches) {
    const p = positionsOf(batch);
    positions.set(p, offset * source.dim);
    const l = labelsOf(batch);
    if (l === undefined) labelled = false;
    else labels.set(l, offset);
    offset += p.length / source.dim;
  }
  return labelled ? { positions, labels } : { positions };
}

/**
 * Runs `stage` on the particles of `source` and returns every snapshot: one ParticleBatch per
 * snapshot when all particles fit one batch (the gallery's runs do).
 */
export const runStage = (source: DataSource, n: number, stage: Stage, seed = 0): Promise<ParticleBatch[]> =>
  collectAll(source.sample(runContext(n, source.dim, seed)).pipe(stage));

/** Snapshots stacked snapshot-major for `drawPaths` / `drawChainTrace`: the first `paths` particles of each. */
export function stack(snapshots: readonly ParticleBatch[], paths: number, dim = 2): { paths: number; steps: number; dim: number; positions: Float32Array } {
  const positions = new Float32Array(snapshots.length * paths * dim);
  snapshots.forEach((snapshot, s) => positions.set(positionsOf(snapshot).subarray(0, paths * dim), s * paths * dim));
  return { paths, steps: snapshots.length, dim, positions };
}
