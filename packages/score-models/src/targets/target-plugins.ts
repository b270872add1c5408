import type { AnyPlugin } from '@scoreflow/core';
import { bananaTargetPlugin } from './banana-target-plugin.js';
import { donutTargetPlugin } from './donut-target-plugin.js';
import { funnelTargetPlugin } from './funnel-target-plugin.js';
import { gaussianMixtureTargetPlugin } from './gaussian-mixture-target-plugin.js';
import { posteriorTargetPlugin } from '../posterior/posterior-plugins.js';
import { ringTargetPlugin } from './ring-target-plugin.js';
import { separatedModesTargetPlugin } from './separated-modes-target-plugin.js';
import { squiggleTargetPlugin } from './squiggle-target-plugin.js';

/**
 * The target plugins of this package, for the runner's registry: `gaussian-mixture`, `banana`,
 * `donut`, `funnel`, `squiggle`, `ring`, `separated-modes`, `posterior`. Every one is normalised.
 */
export const targetPlugins: readonly AnyPlugin[] = [
  gaussianMixtureTargetPlugin,
  bananaTargetPlugin,
  donutTargetPlugin,
  funnelTargetPlugin,
  squiggleTargetPlugin,
  ringTargetPlugin,
  separatedModesTargetPlugin,
  posteriorTargetPlugin,
];
