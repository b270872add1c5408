import { Observable } from 'rxjs';
import { type DataSource, makeParticleBatch } from '@scoreflow/core';
import { uniformSource } from './uniform.js';

/**
 * Row i from N(mus[i mod K], sigma^2 I): Box-Muller normals from a generator seeded by
 * `ctx.seed + seedOffset`, in batches of `ctx.batchSize`, with a `label` column (i mod K) when
 * `labelled`.
 */
function testSource(name: string, mus: readonly (readonly number[])[], sigma: number, seedOffset: number, labelled: boolean): DataSource {
  const dim = mus[0]?.length ?? 0;
  return {
    name,
    dim,
    sample: (ctx) =>
      new Observable((subscriber) => {
        const uniform = uniformSource(ctx.seed + seedOffset);
        for (let first = 0; first < ctx.particles; first += ctx.batchSize) {
          const n = Math.min(ctx.batchSize, ctx.particles - first);
          const x = new Float32Array(n * dim);
          const label = new Int32Array(n);
          for (let row = 0; row < n; row++) {
            label[row] = (first + row) % mus.length;
            for (let j = 0; j < dim; j++) {
              const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
              x[row * dim + j] = (mus[label[row] as number]?.[j] ?? 0) + sigma * z;
            }
          }
          subscriber.next(makeParticleBatch({ x, dim, id: first, step: 0, t: 0, ...(labelled && { label }) }));
        }
        subscriber.complete();
      }),
  };
}

/** A data source of N(mu, sigma^2 I) for tests (plugins may not import packages/data-sources); no labels. */
export const testGaussianSource = (mu: readonly number[], sigma: number): DataSource => testSource('test-gaussian', [mu], sigma, 12345, false);

/** A labelled data source for tests: N(mus[k], sigma^2 I) with label k, the components in turn (row i has label i mod K). */
export const testLabelledSource = (mus: readonly (readonly number[])[], sigma: number): DataSource => testSource('test-labelled', mus, sigma, 54321, true);
