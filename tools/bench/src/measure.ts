/** Wall time of `run` in milliseconds: the best of `repeats` runs after one warm-up. */
export async function bestOf(repeats: number, run: () => unknown): Promise<number> {
  await run();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** One measured quantity of a benchmark. */
export interface BenchValue {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target, where there is one, e.g. `<= 30`. */
  readonly target?: string;
}

export interface BenchResult {
  readonly bench: string;
  readonly description: string;
  readonly values: readonly BenchValue[];
}
