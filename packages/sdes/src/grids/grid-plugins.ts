import { type AnyPlugin, type TimeGrid, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { ddpmGridPlugin } from './ddpm-plugin.js';
import { geometricGrid } from './geometric-grid.js';
import { karrasGridPlugin } from './karras-plugin.js';
import { timesGridPlugin } from './times-plugin.js';
import { uniformGrid } from './uniform-grid.js';

/** A time-grid plugin without options: `type: <name>` walks `grid()`. */
const optionlessGridPlugin = <N extends string>(name: N, description: string, grid: () => TimeGrid) =>
  definePlugin({ kind: 'time-grid', name, description, options: z.strictObject({}), create: () => grid() });

/** `type: uniform`: equal steps in t (see `uniformGrid`). */
export const uniformGridPlugin = optionlessGridPlugin('uniform', 'Equal steps in t from T down to tEnd (score_sde)', uniformGrid);

/** `type: geometric`: equal ratios in t (see `geometricGrid`). */
export const geometricGridPlugin = optionlessGridPlugin('geometric', 'Equal steps in log t from T down to tEnd > 0 (NCSN geometric noise levels for dx = g dW)', geometricGrid);

/** Every time-grid plugin of this package: uniform, geometric, karras, ddpm, times. */
export const timeGridPlugins: readonly AnyPlugin[] = [uniformGridPlugin, geometricGridPlugin, karrasGridPlugin, ddpmGridPlugin, timesGridPlugin];
