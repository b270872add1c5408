import type { z } from 'zod';

/**
 * A zod refinement that a pair of bounds is ordered: `options[high]` must be greater than
 * (`'greater than'`) or at least (`'at least'`) `options[low]`; the issue is reported on `high`,
 * e.g. "must be at least betaMin (5)".
 */
export function orderedBounds<Low extends string, High extends string>(low: Low, high: High, order: 'greater than' | 'at least') {
  return (options: Record<Low | High, number>, ctx: z.RefinementCtx): void => {
    const [a, b] = [options[low], options[high]];
    if (order === 'greater than' ? a < b : a <= b) return;
    ctx.addIssue({ code: 'custom', path: [high], message: `must be ${order} ${low} (${a})`, input: b });
  };
}
