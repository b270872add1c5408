import { useChromiumGpu } from '@scoreflow/webgpu/testing';
import type { TwinCase, TwinRun } from './gpu-stages.page.js';

/**
 * Test-only: one headless Chromium (SwiftShader WebGPU) for a spec file, launched in `beforeAll`
 * and closed in `afterAll`; `run(twin, device)` calls the page export `name` of `page` (a
 * `runTwin` of gpu-stages.page.ts or its like) in it, `call(fn, ...args)` any other export of `page`.
 */
export function chromiumTwins(page: string, name: string): { run: (twin: TwinCase, device: 'cpu' | 'webgpu') => Promise<TwinRun>; call: <T>(fn: string, ...args: unknown[]) => Promise<T> } {
  const gpu = useChromiumGpu();
  return {
    run: (twin, device) => gpu.call<TwinRun>(page, name, twin, device),
    call: (fn, ...args) => gpu.call(page, fn, ...args),
  };
}

/** The last snapshot of a run. */
export const lastSnapshot = (result: TwinRun): TwinRun['snapshots'][number] => {
  const snapshot = result.snapshots.at(-1);
  if (snapshot === undefined) throw new Error('lastSnapshot: the run emitted no snapshot');
  return snapshot;
};

/** max_j |a_j - b_j| / (1 + |b_j|): the float32 tolerance of a GPU run against its CPU twin. */
export const worstRelative = (a: readonly number[], b: readonly number[]): number => Math.max(...a.map((v, j) => Math.abs(v - b[j]) / (1 + Math.abs(b[j]))));

/** Kolmogorov-Smirnov distance between two samples: sup_x |F_a(x) - F_b(x)| of their empirical CDFs. */
export function ksDistance(a: readonly number[], b: readonly number[]): number {
  const [x, y] = [[...a].sort((p, q) => p - q), [...b].sort((p, q) => p - q)];
  let [i, j, worst] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    if (x[i] <= y[j]) i++;
    else j++;
    worst = Math.max(worst, Math.abs(i / x.length - j / y.length));
  }
  return worst;
}

/** Coordinate j of 2-D positions stored row by row. */
export const coordinate = (x: readonly number[], j: number): number[] => x.filter((_, i) => i % 2 === j);

/** The sample mean. */
export const meanOf = (v: readonly number[]): number => v.reduce((s, u) => s + u, 0) / v.length;

/** The (biased) sample variance. */
export const varianceOf = (v: readonly number[]): number => {
  const mean = meanOf(v);
  return meanOf(v.map((u) => (u - mean) ** 2));
};
