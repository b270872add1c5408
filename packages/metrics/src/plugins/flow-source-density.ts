import { ConfigError, type DataSource, describeSource, mixtureLogDensity } from '@scoreflow/core';
import type { EndLogDensity } from '../likelihood/ode-log-likelihood.js';

/**
 * log p_0 of a flow's source, from a data source that knows its law (`describeSource`): a Gaussian
 * mixture (`mixtureLogDensity`) or a closed-form density. A source of samples only, or of another
 * dimension than the flow's, is a `ConfigError` at `path` (the metric's `source` option).
 */
export function flowSourceDensity(source: DataSource, dim: number, path: string): EndLogDensity {
  const fail = (message: string): never => {
    throw new ConfigError('Invalid ode-nll metric', [{ path, message }]);
  };
  if (source.dim !== dim) fail(`data source '${source.name}' has dim ${source.dim}, the velocity model ${dim}: the flow's source must be of the flow's dimension`);
  const law = describeSource(source);
  switch (law.kind) {
    case 'mixture':
      return (x, _dim, out) => mixtureLogDensity(law.mixture, x, out);
    case 'density':
      return (x, _dim, out) => law.density.logDensity(x, out);
    default:
      return fail(`data source '${source.name}' gives only samples, and the flow's likelihood needs the source's density at t = 0: use a source with a known density (gaussian-mixture; the default is N(0, I))`);
  }
}
