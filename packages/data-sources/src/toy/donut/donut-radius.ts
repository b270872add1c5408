import { streamId } from '@scoreflow/core';
import type { BatchRange } from '../../batching/batch-range.js';
import type { KeyedDraws } from '../keyed-draws.js';

/** Rounds after which `donutRadii` gives up: each round accepts at least half, so 2^-1000 odds. */
const MAX_ROUNDS = 1000;
const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
/** Stream of round k's candidates: `donut/radius/k` (uniforms and normals are apart in core's Rng). */
const streams: number[] = [];
const roundStream = (k: number): number => (streams[k] ??= streamId(`donut/radius/${k}`));

/**
 * Exact draws of the donut's radius r = |x|, whose density on r > 0 is proportional to
 * f(r) = r exp(-(r - R)^2 / (2 w^2)), by rejection in rounds.
 *
 * Envelope: with u = r - R, f = (R + u) phi(u) <= (R + |u|) phi(u) = g(u), phi(u) = exp(-u^2 / (2 w^2)),
 * and g is a mixture of three laws sampled exactly: R phi (mass R w sqrt(2 pi): u = w z, z standard
 * normal) and |u| phi on u > 0 and on u < 0 (mass w^2 each: u = +-w sqrt(-2 log v), v uniform, the
 * Rayleigh law). A candidate u is accepted with probability f / g = (R + u) / (R + |u|) when
 * r = R + u > 0 (always when u >= 0) and rejected when r <= 0. The acceptance rate is
 * Z_f / Z_g = [w e^{-R^2/(2 w^2)} + R sqrt(2 pi) Phi(R / w)] / [R sqrt(2 pi) + 2 w]: 1/2 at R = 0,
 * 0.88 for the default R = 3, w = 0.5, towards 1 as R / w grows.
 *
 * Keyed rounds: round k gives each particle still waiting one candidate from its own stream
 * `donut/radius/k` (three uniforms: mixture part, Rayleigh, acceptance; one normal), keyed by the
 * particle's id. A particle's k-th candidate is a function of (seed, id, k) alone, and it takes
 * part in rounds 0, 1, ... until its first acceptance, so its radius does not depend on the other
 * particles of the batch, nor on the batch size. The rounds are unbounded (no truncation: the law
 * is exact); a batch of n particles needs about log(n) / log(1 / (1 - acceptance)) rounds.
 *
 * Writes the radii of the `range.count` particles of `range` into `out` and returns it.
 */
export function donutRadii(draws: KeyedDraws, range: BatchRange, radius: number, width: number, out: Float64Array): Float64Array {
  const pNormal = (radius * SQRT_TWO_PI) / (radius * SQRT_TWO_PI + 2 * width);
  const pPositive = (1 + pNormal) / 2;
  let ids: Uint32Array | BatchRange = range;
  let rows = Int32Array.from({ length: range.count }, (_, i) => i);
  let pending = range.count;
  for (let round = 0; pending > 0; round++) {
    if (round === MAX_ROUNDS) throw new Error(`donutRadii: ${pending} radii still rejected after ${MAX_ROUNDS} rounds (radius ${radius}, width ${width}).`);
    const u = draws.uniform(ids, 3, roundStream(round));
    const z = draws.normal(ids, 1, roundStream(round));
    const nextIds = new Uint32Array(pending);
    const nextRows = new Int32Array(pending);
    let waiting = 0;
    for (let j = 0; j < pending; j++) {
      const choice = u[3 * j];
      const d = choice < pNormal ? width * z[j] : (choice < pPositive ? 1 : -1) * width * Math.sqrt(-2 * Math.log(u[3 * j + 1]));
      const r = radius + d;
      if (r > 0 && u[3 * j + 2] * (radius + Math.abs(d)) < r) {
        out[rows[j]] = r;
      } else {
        nextIds[waiting] = range.ids[rows[j]];
        nextRows[waiting] = rows[j];
        waiting++;
      }
    }
    ids = nextIds.subarray(0, waiting);
    rows = nextRows.subarray(0, waiting);
    pending = waiting;
  }
  return out;
}
