/** Checks the arguments every time grid takes: an integer step count and tStart > tEnd >= 0. */
export function checkGridArguments(grid: string, steps: number, tEnd: number, tStart: number): void {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`${grid} grid: steps must be an integer >= 1, got ${steps}.`);
  if (!(tEnd >= 0 && tStart > tEnd)) {
    throw new RangeError(`${grid} grid: needs tStart > tEnd >= 0 (samplers run backwards in time), got tStart = ${tStart}, tEnd = ${tEnd}.`);
  }
}
