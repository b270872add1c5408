import { describe, expect, it } from 'vitest';
import type { FlowMethod } from './flow-method.js';
import { flowsSeeds } from './flows-seeds.js';

const methods: readonly FlowMethod[] = [
  { label: 'icfm', objective: 'icfm', sigma: 0.1 },
  { label: 'reflow (of icfm)', objective: 'reflow', sigma: 0 },
];
const protocol = { steps: 5, batch: 64, pool: 1000, reflowPairs: 200, test: 40, euler: 10 };
const numbers = (seeds: Awaited<ReturnType<typeof flowsSeeds>>) =>
  seeds.map(({ seed, floor, kde, outcomes }) => [seed, floor, kde, ...Object.values(outcomes).flatMap((o) => [o.w2, o.straightness, o.nll.nll, o.nll.evaluations])]);

describe('flowsSeeds(count, methods, protocol, jobs)', () => {
  it('gives the numbers of one process from two child processes, in seed order (times aside)', async () => {
    const inProcess = await flowsSeeds(3, methods, protocol, 1);
    const children = await flowsSeeds(3, methods, protocol, 2);
    expect(inProcess.map((s) => s.seed)).toEqual([0, 1, 2]);
    expect(numbers(children)).toEqual(numbers(inProcess));
    // Seeds differ: the floors of two seeds are not the same number.
    expect(inProcess[0]?.floor).not.toBe(inProcess[1]?.floor);
  }, 120_000);

  it('rejects a job count that is not a positive integer, naming FLOWS_JOBS', async () => {
    await expect(flowsSeeds(1, methods, protocol, 0)).rejects.toThrow(/FLOWS_JOBS must be an integer >= 1, got 0/);
  });
});
