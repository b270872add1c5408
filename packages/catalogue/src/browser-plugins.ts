import type { AnyPlugin } from '@scoreflow/core';
import { dataSourcePlugins } from '@scoreflow/data-sources';
import { metricPlugins } from '@scoreflow/metrics';
import { samplerPlugins } from '@scoreflow/samplers';
import { scoreModelPlugins, targetPlugins, velocityModelPlugins } from '@scoreflow/score-models';
import { sdePlugins, timeGridPlugins } from '@scoreflow/sdes';
import { figurePlugins } from '@scoreflow/viz';

/**
 * Every plugin scoreflow ships that runs in a browser as well as in Node: data sources, SDEs,
 * time grids, score models, targets, stages, metrics and figures. The one list the gallery, the
 * bench, the contract suites and (with `nodePlugins`) the runner build their registries from.
 */
export const browserPlugins: readonly AnyPlugin[] = [
  ...dataSourcePlugins,
  ...sdePlugins,
  ...timeGridPlugins,
  ...scoreModelPlugins,
  ...velocityModelPlugins,
  ...targetPlugins,
  ...samplerPlugins,
  ...metricPlugins,
  ...figurePlugins,
];
