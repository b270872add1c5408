import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type MetricValues, createRunContext } from '@scoreflow/core';

/** MMD^2 as a config's `{ type: mmd }` reports it, with the bandwidth and rows it used. */
export interface DefaultMmd {
  readonly mmd2: number;
  readonly bandwidth: number;
  readonly rows: number;
  readonly referenceRows: number;
}

const registry = createBrowserRegistry();
const metric = registry.create('metric', { type: 'mmd' }, { run: createRunContext({ name: 'bench', dim: 1 }), path: 'metrics.0' });

/**
 * The `mmd` metric plugin with its defaults, exactly as `scoreflow run` builds `{ type: mmd }`:
 * the unbiased MMD^2 with the RBF bandwidth h = median pairwise distance of the reference rows
 * and at most 2000 evenly strided rows of each sample. The benches quote this, so that their
 * tables and a run's `metrics.json` report the same quantity.
 */
export function defaultMmd(x: Float32Array, reference: Float32Array, dim: number): DefaultMmd {
  // mmd measures synchronously (only a metric that evaluates a model returns a promise).
  const values = metric.measure(x, reference, dim) as MetricValues;
  return { mmd2: values.mmd2, bandwidth: values.mmdBandwidth, rows: values.mmdRows, referenceRows: values.mmdReferenceRows };
}
