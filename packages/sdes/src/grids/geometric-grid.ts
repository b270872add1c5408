import type { TimeGrid } from '@scoreflow/core';
import { checkGridArguments } from './check-grid.js';

/**
 * Equal ratios t_{k+1} / t_k from tStart down to tEnd > 0, i.e. equal steps in log t. For
 * dx = g dW (sigma(t) = g sqrt(t)) this is the geometric noise sequence of NCSN (Song and Ermon
 * 2019) and of score_sde's VE sampler: dense near the data, where the score changes fast.
 */
export function geometricGrid(): TimeGrid {
  return {
    name: 'geometric',
    times(sde, steps, tEnd, tStart = sde.T) {
      checkGridArguments('geometric', steps, tEnd, tStart);
      if (tEnd <= 0) throw new RangeError(`geometric grid: needs tEnd > 0, got ${tEnd}.`);
      const times = new Float64Array(steps + 1);
      const ratio = Math.log(tEnd / tStart);
      for (let k = 0; k <= steps; k++) times[k] = tStart * Math.exp((ratio * k) / steps);
      times[0] = tStart;
      times[steps] = tEnd;
      return times;
    },
  };
}
