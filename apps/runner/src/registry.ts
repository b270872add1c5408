import { type Registry, createRegistry } from '@scoreflow/core';
import { dataSourcePlugins } from '@scoreflow/data-sources';
import { dataSourceNodePlugins } from '@scoreflow/data-sources/node';
import { metricPlugins } from '@scoreflow/metrics';
import { samplerPlugins } from '@scoreflow/samplers';
import { scoreModelPlugins, targetPlugins } from '@scoreflow/score-models';
import { scoreNetNodePlugins } from '@scoreflow/score-nets/node';
import { sdePlugins, timeGridPlugins } from '@scoreflow/sdes';

/** The registry of every plugin scoreflow ships: the one place where the packages meet. */
export function scoreflowRegistry(): Registry {
  return createRegistry(dataSourcePlugins, dataSourceNodePlugins, sdePlugins, timeGridPlugins, scoreModelPlugins, scoreNetNodePlugins, targetPlugins, samplerPlugins, metricPlugins);
}
