import type { AnyPlugin } from '@scoreflow/core';
import { bananaPlugin } from './banana/banana-plugin.js';
import { checkerboardPlugin } from './checkerboard/checkerboard-plugin.js';
import { circlesPlugin } from './circles/circles-plugin.js';
import { donutPlugin } from './donut/donut-plugin.js';
import { funnelPlugin } from './funnel/funnel-plugin.js';
import { eightGaussiansPlugin } from './mixtures/eight-gaussians-plugin.js';
import { twentyFiveGaussiansPlugin } from './mixtures/twenty-five-gaussians-plugin.js';
import { pinwheelPlugin } from './pinwheel/pinwheel-plugin.js';
import { swissRollPlugin } from './swiss-roll/swiss-roll-plugin.js';
import { twoMoonsPlugin } from './two-moons/two-moons-plugin.js';
import { twoSpiralsPlugin } from './two-spirals/two-spirals-plugin.js';

/** The 2-D toy sets, one data-source plugin each (part of `dataSourcePlugins`). */
export const toyPlugins: readonly AnyPlugin[] = [
  bananaPlugin,
  checkerboardPlugin,
  circlesPlugin,
  donutPlugin,
  eightGaussiansPlugin,
  funnelPlugin,
  pinwheelPlugin,
  swissRollPlugin,
  twentyFiveGaussiansPlugin,
  twoMoonsPlugin,
  twoSpiralsPlugin,
];
