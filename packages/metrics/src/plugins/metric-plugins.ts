import type { AnyPlugin } from '@scoreflow/core';
import { classAccuracyPlugin } from '../classes/class-accuracy-plugin.js';
import { frechetPlugin } from '../frechet/frechet-plugin.js';
import { energyDistancePlugin } from './energy-distance-plugin.js';
import { mmdPlugin } from './mmd-plugin.js';
import { momentsPlugin } from './moments-plugin.js';
import { odeNllPlugin } from './ode-nll-plugin.js';
import { slicedWassersteinPlugin } from './sliced-wasserstein-plugin.js';

/**
 * Every metric plugin of this package, for the runner's registry (`createRegistry(metricPlugins, ...)`):
 * `sliced-wasserstein`, `mmd`, `energy-distance`, `moments`, `ode-nll`, `frechet`, `class-accuracy`.
 */
export const metricPlugins: readonly AnyPlugin[] = [slicedWassersteinPlugin, mmdPlugin, energyDistancePlugin, momentsPlugin, odeNllPlugin, frechetPlugin, classAccuracyPlugin];
