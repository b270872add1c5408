import type { TimeGrid } from '@scoreflow/core';
import { checkGridArguments } from './check-grid.js';

/**
 * Equal steps in t from tStart down to tEnd: t_k = tStart + (tEnd - tStart) k / steps, the grid of
 * score_sde's samplers (Song et al. 2021, `torch.linspace(sde.T, eps, sde.N)`).
 */
export function uniformGrid(): TimeGrid {
  return {
    name: 'uniform',
    times(sde, steps, tEnd, tStart = sde.T) {
      checkGridArguments('uniform', steps, tEnd, tStart);
      const times = new Float64Array(steps + 1);
      for (let k = 0; k <= steps; k++) times[k] = tStart + ((tEnd - tStart) * k) / steps;
      times[steps] = tEnd;
      return times;
    },
  };
}
