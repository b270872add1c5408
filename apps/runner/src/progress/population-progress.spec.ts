import { makeParticleBatch } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { populationProgress } from './population-progress.js';

/** A snapshot of `rows` particles from id `first` at step `step`. */
const snapshot = (first: number, rows: number, step: number) => makeParticleBatch({ x: new Float32Array(2 * rows), dim: 2, id: first, step, t: step });

describe('populationProgress(stages, particles)', () => {
  it('counts the population, not the batch: a new batch at step 0 does not go backward', () => {
    const progress = populationProgress([{ type: 'euler-maruyama', steps: 100, warmup: 0, chains: false }], 300);
    expect(progress.total).toBe(30_000);
    const seen = [
      progress.record(0, snapshot(0, 200, 100)), // the first batch is done
      progress.record(0, snapshot(200, 100, 0)), // the second starts
      progress.record(0, snapshot(200, 100, 50)),
      progress.record(0, snapshot(200, 100, 100)),
    ];
    expect(seen.map((position) => position.done)).toEqual([20_000, 20_000, 25_000, 30_000]);
    expect(seen.map((position) => position.label)).toEqual([
      'stage 0 (euler-maruyama) step 66/100',
      'stage 0 (euler-maruyama) step 66/100',
      'stage 0 (euler-maruyama) step 83/100',
      'stage 0 (euler-maruyama) step 100/100',
    ]);
    expect(progress.snapshots).toBe(3); // steps 0, 50, 100
  });

  it('adds the stages up while a later stage runs on the first batches, and counts MCMC warm-up', () => {
    const progress = populationProgress(
      [
        { type: 'euler-maruyama', steps: 10, warmup: 0, chains: false },
        { type: 'hmc', steps: 20, warmup: 30, chains: true },
      ],
      2,
    );
    expect(progress.total).toBe(2 * 10 + 2 * 50);
    expect(progress.record(0, snapshot(0, 1, 10))).toEqual({ done: 10, label: 'stage 0 (euler-maruyama) step 5/10' });
    // Warm-up not emitted: the first snapshot after it, iteration 10, stands for 30 + 10 iterations.
    expect(progress.record(1, snapshot(0, 1, 10))).toEqual({ done: 50, label: 'stage 1 (hmc) warm-up 20/30' });
    expect(progress.record(0, snapshot(1, 1, 10))).toEqual({ done: 60, label: 'stage 0 (euler-maruyama) step 10/10' });
    expect(progress.record(1, snapshot(1, 1, -10))).toEqual({ done: 80, label: 'stage 1 (hmc) iteration 0/20' });
    expect(progress.record(1, snapshot(0, 1, 20))).toEqual({ done: 90, label: 'stage 1 (hmc) iteration 5/20' });
    expect(progress.record(1, snapshot(1, 1, 20))).toEqual({ done: 120, label: 'stage 1 (hmc) iteration 20/20' });
    expect(progress.done).toBe(progress.total);
  });
});
