/** Pairs drawn from a transport plan: pair k is (rows[k], columns[k]). */
export interface PlanPairs {
  readonly rows: Uint32Array;
  readonly columns: Uint32Array;
}

/**
 * Draws one pair (i, j) per uniform u in `uniforms`, with probability P_ij / sum P, from a plan P
 * (row-major n x m): the inverse of the plan's cumulative distribution in row-major order, found
 * by bisection. As torchcfm's `OTPlanSampler.sample_plan` (numpy `choice(n * m, p = P.flatten(),
 * replace = True)`): pairs are drawn with replacement, so a point may be drawn twice or not at all.
 */
export function samplePlan(plan: Float64Array, n: number, m: number, uniforms: ArrayLike<number>): PlanPairs {
  if (plan.length !== n * m) throw new RangeError(`samplePlan: 'plan' must hold n * m = ${n * m} values, got ${plan.length}.`);
  const cumulative = new Float64Array(plan.length);
  let total = 0;
  for (let k = 0; k < plan.length; k++) {
    if (!(plan[k] >= 0)) throw new RangeError(`samplePlan: 'plan' must be finite and >= 0, got ${plan[k]} at ${k}.`);
    cumulative[k] = total += plan[k];
  }
  if (!(total > 0 && Number.isFinite(total))) throw new RangeError(`samplePlan: 'plan' must have a finite positive sum, got ${total}.`);
  const rows = new Uint32Array(uniforms.length);
  const columns = new Uint32Array(uniforms.length);
  for (let k = 0; k < uniforms.length; k++) {
    const target = uniforms[k] * total;
    let low = 0;
    let high = plan.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    rows[k] = Math.floor(low / m);
    columns[k] = low % m;
  }
  return { rows, columns };
}
