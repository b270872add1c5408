import { type AnyPlugin, definePlugin } from '@scoreflow/core';
import { z } from 'zod';
import { ddpmGridPlugin } from './ddpm-plugin.js';
import { geometricGrid } from './geometric-grid.js';
import { karrasGridPlugin } from './karras-plugin.js';
import { timesGridPlugin } from './times-plugin.js';
import { uniformGrid } from './uniform-grid.js';

/** `type: uniform`: equal steps in t (see `uniformGrid`). */
export const uniformGridPlugin = definePlugin({
  kind: 'time-grid',
  name: 'uniform',
  description: 'Equal steps in t from T down to tEnd (score_sde)',
  options: z.strictObject({}),
  create: () => uniformGrid(),
});

/** `type: geometric`: equal ratios in t (see `geometricGrid`). */
export const geometricGridPlugin = definePlugin({
  kind: 'time-grid',
  name: 'geometric',
  description: 'Equal steps in log t from T down to tEnd > 0 (NCSN geometric noise levels for dx = g dW)',
  options: z.strictObject({}),
  create: () => geometricGrid(),
});

/** Every time-grid plugin of this package: uniform, geometric, karras, ddpm, times. */
export const timeGridPlugins: readonly AnyPlugin[] = [uniformGridPlugin, geometricGridPlugin, karrasGridPlugin, ddpmGridPlugin, timesGridPlugin];
