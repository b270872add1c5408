/** Test-only: `steps + 1` equally spaced times from tStart down to tEnd. */
export function uniformTimes(tStart: number, tEnd: number, steps: number): Float64Array {
  return Float64Array.from({ length: steps + 1 }, (_, k) => (k === steps ? tEnd : tStart + ((tEnd - tStart) * k) / steps));
}
