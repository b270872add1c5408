import { conditionalFlow, createRng, minibatchCoupling, streamId } from '@scoreflow/core';
import type { ObjectiveRecipe } from './flow-objective.js';

/** One batch of a flow-matching step: rows (x_t, t) and the regression target u_t (row-major). */
export interface FlowBatch {
  readonly n: number;
  readonly dim: number;
  readonly xt: Float32Array;
  readonly t: Float32Array;
  readonly target: Float32Array;
}

/** What `drawFlowBatch` draws with. */
export interface FlowDraw {
  readonly seed: number;
  readonly step: number;
  /**
   * The source points x0 at t = 0 (row-major pool, sampled with replacement by row); N(0, I) drawn
   * fresh when absent.
   */
  readonly source?: Float32Array;
  /** Source points paired row by row with x1 (reflow's pairs): no source is drawn and no coupling made. */
  readonly x0?: Float32Array;
}

const SOURCE = streamId('cfm-source');
const SOURCE_ROWS = streamId('cfm-source-rows');
const TIME = streamId('cfm-time');
const NOISE = streamId('cfm-noise');
const PLAN = streamId('cfm-plan');

/**
 * Draws one flow-matching batch for target points `x1` (n x dim) with core's keyed generator (row
 * i's numbers depend on seed, step and i only): source points x0, the recipe's coupling of the
 * minibatch (independent, exact OT, or pairs drawn from the Sinkhorn plan), times t ~ U(0, 1), noises
 * eps ~ N(0, I), and then x_t and u_t on the recipe's path (core's `conditionalFlow`). Tong et al.
 * 2024, algorithms 1 to 3.
 */
export function drawFlowBatch(recipe: ObjectiveRecipe, x1: Float32Array, dim: number, draw: FlowDraw): FlowBatch {
  const n = x1.length / dim;
  if (!Number.isInteger(n) || n === 0) throw new RangeError(`drawFlowBatch: x1 must hold n * ${dim} values, n >= 1, got ${x1.length}.`);
  const rng = createRng(draw.seed);
  const rows = { first: 0, count: n };
  const key = (stream: number) => ({ step: draw.step, stream });
  let x0: Float32Array = new Float32Array(n * dim);
  if (draw.x0 !== undefined) {
    if (draw.x0.length !== x1.length) throw new RangeError(`drawFlowBatch: x0 must hold as many values as x1 (${x1.length}), got ${draw.x0.length}.`);
    x0 = draw.x0;
  } else if (draw.source === undefined) rng.normal(x0, rows, dim, key(SOURCE));
  else {
    const pool = draw.source.length / dim;
    if (!Number.isInteger(pool) || pool === 0) throw new RangeError(`drawFlowBatch: source must hold pool * ${dim} values, pool >= 1, got ${draw.source.length}.`);
    const picks = rng.uniform(new Float64Array(n), rows, 1, key(SOURCE_ROWS));
    for (let i = 0; i < n; i++) {
      const row = Math.min(Math.floor(picks[i] * pool), pool - 1);
      x0.set(draw.source.subarray(row * dim, (row + 1) * dim), i * dim);
    }
  }
  let target1: Float32Array = x1;
  const { coupling } = recipe;
  if (coupling.method !== 'independent' && draw.x0 === undefined) {
    const uniforms = coupling.method === 'sinkhorn' ? rng.uniform(new Float64Array(n), rows, 1, key(PLAN)) : undefined;
    ({ x0, x1: target1 } = minibatchCoupling(x0, x1, dim, coupling, uniforms));
  }
  const t = rng.uniform(new Float32Array(n), rows, 1, key(TIME));
  const eps = rng.normal(new Float32Array(n * dim), rows, dim, key(NOISE));
  const { xt, target } = conditionalFlow(recipe.path, x0, target1, eps, t, dim);
  return { n, dim, xt, t, target };
}
