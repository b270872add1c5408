import { Observable } from 'rxjs';
import { type DataSource, makeParticleBatch } from '@scoreflow/core';
import { uniformSource } from '../training/uniform.js';

/**
 * A data source of N(mu, sigma^2 I) for tests (plugins may not import packages/data-sources):
 * Box-Muller normals from a generator seeded by `ctx.seed`, in batches of `ctx.batchSize`.
 */
export function testGaussianSource(mu: readonly number[], sigma: number): DataSource {
  const dim = mu.length;
  return {
    name: 'test-gaussian',
    dim,
    sample: (ctx) =>
      new Observable((subscriber) => {
        const uniform = uniformSource(ctx.seed + 12345);
        for (let first = 0; first < ctx.particles; first += ctx.batchSize) {
          const n = Math.min(ctx.batchSize, ctx.particles - first);
          const x = new Float32Array(n * dim);
          for (let i = 0; i < x.length; i++) {
            const z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
            x[i] = (mu[i % dim] ?? 0) + sigma * z;
          }
          subscriber.next(makeParticleBatch({ x, dim, id: first, step: 0, t: 0 }));
        }
        subscriber.complete();
      }),
  };
}

/**
 * A labelled data source for tests: N(mus[k], sigma^2 I) with label k, the components in turn
 * (row i has label i mod K).
 */
export function testLabelledSource(mus: readonly (readonly number[])[], sigma: number): DataSource {
  const dim = mus[0]?.length ?? 0;
  return {
    name: 'test-labelled',
    dim,
    sample: (ctx) =>
      new Observable((subscriber) => {
        const uniform = uniformSource(ctx.seed + 54321);
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
          subscriber.next(makeParticleBatch({ x, dim, id: first, step: 0, t: 0, label }));
        }
        subscriber.complete();
      }),
  };
}
