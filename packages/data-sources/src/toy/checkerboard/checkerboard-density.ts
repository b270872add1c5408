import { type Density, planeDensity, positiveArgument } from '@scoreflow/core';

/** Options of the checkerboard (`checkerboardDensity`, `checkerboardSource`). */
export interface CheckerboardOptions {
  /** s (> 0): multiplies FFJORD's board, which then covers [-4 s, 4 s]^2. Defaults to 1. */
  readonly scale?: number;
}

export type CheckerboardParameters = Required<CheckerboardOptions>;

/** Whether the closed cell square [2s a, 2s (a + 1)] x [2s b, 2s (b + 1)] containing (g1, g2) = x / (2s) can be dark. */
function onDarkSquare(g1: number, g2: number): boolean {
  // A point on an edge or corner belongs to every square it touches: try each.
  const a0 = Math.floor(g1);
  const b0 = Math.floor(g2);
  for (let a = a0 === g1 ? a0 - 1 : a0; a <= a0; a++) {
    for (let b = b0 === g2 ? b0 - 1 : b0; b <= b0; b++) {
      if (a >= -2 && a <= 1 && b >= -2 && b <= 1 && (a + b) % 2 === 0) return true;
    }
  }
  return false;
}

/**
 * The checkerboard density: uniform on the 8 dark squares of a 4 x 4 board on [-4s, 4s]^2 whose
 * squares have side 2s, the square [2s a, 2s (a + 1)) x [2s b, 2s (b + 1)) (a, b in -2..1) being
 * dark when a + b is even (FFJORD's `checkerboard`):
 *
 *     p(x) = 1 / (32 s^2) on the dark squares, 0 elsewhere;   log p = -log(32 s^2) or -Infinity
 *
 * (8 squares of area 4 s^2). The squares are taken closed (their edges have measure zero), so that
 * a sample rounded to float32 onto an edge stays in the support. grad log p = 0 wherever p > 0
 * (and, as a convention, elsewhere too: log p is -Infinity there).
 *
 * @example
 * checkerboardDensity().logDensity(new Float32Array([0.5, 0.5, 2.5, 0.5]), new Float64Array(2)); // [-log 32, -Infinity]
 */
export function checkerboardDensity(options: CheckerboardOptions = {}): Density<CheckerboardParameters> {
  const scale = positiveArgument('checkerboardDensity', 'scale', options.scale ?? 1);
  const logDensity = -Math.log(32 * scale * scale);
  const cell = 2 * scale;
  return planeDensity('checkerboard', { scale }, {
    logDensity: (x1, x2) => (onDarkSquare(x1 / cell, x2 / cell) ? logDensity : -Infinity),
    gradLogDensity(_x1, _x2, out, at) {
      out[at] = 0;
      out[at + 1] = 0;
    },
  });
}
