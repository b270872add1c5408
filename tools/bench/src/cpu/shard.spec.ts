import { createRng, makeParticleBatch, positionsOf, rangeIds } from '@scoreflow/core';
import { eulerMaruyama } from '@scoreflow/samplers';
import { mixtureScore } from '@scoreflow/score-models';
import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { cpuProblem, runShard, shardKernels } from './shard.js';
import { shardPool } from './shard-pool.js';

const n = 3000;
const steps = 6;
const seed = 5;
const kernels = shardKernels();
const prior = () => cpuProblem(steps).sde.prior(new Float32Array(n * 2), rangeIds(0, n), 2, createRng(seed));
const bytes = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('base64');

describe('runShard(kernels, { x, first, seed, steps })', () => {
  it.each([
    ['wasm', 'typescript'],
    ['wasm-f32', 'wasm-f32'],
  ] as const)("on engine %s writes the euler-maruyama stage's bytes (engine %s): the bench times the stage's work", async (engine, stageEngine) => {
    const { sde, mixture, times } = cpuProblem(steps);
    const x = prior();
    const rng = createRng(seed);
    const stage = eulerMaruyama({ sde, score: mixtureScore(mixture, sde), rng, times, snapshotEvery: steps, includeInitial: false, engine: stageEngine });
    const out = await lastValueFrom(from([makeParticleBatch({ x: x.slice(), dim: 2, id: 0, step: 0, t: times[0] })]).pipe(stage));
    expect(runShard(kernels, { x, first: 0, seed, steps }, engine)).toBe(true);
    expect(bytes(x)).toBe(bytes(positionsOf(out)));
  });

  it.each(['wasm', 'wasm-f32'] as const)('on engine %s gives the same bytes however the particles are split (a cut inside a block of ids)', (engine) => {
    const whole = prior();
    runShard(kernels, { x: whole, first: 0, seed, steps }, engine);
    const split = prior();
    const cut = 1501; // inside the id block 1024..2047, and inside a quad
    runShard(kernels, { x: split.subarray(0, cut * 2), first: 0, seed, steps }, engine);
    runShard(kernels, { x: split.subarray(cut * 2), first: cut, seed, steps }, engine);
    expect(bytes(split)).toBe(bytes(whole));
  });
});

describe('shardPool(2)', () => {
  it('runs the shards on two worker threads over shared memory with the bytes of one core, on both engines', async () => {
    const pool = shardPool(2);
    try {
      for (const engine of ['wasm', 'wasm-f32'] as const) {
        const whole = prior();
        runShard(kernels, { x: whole, first: 0, seed, steps }, engine);
        const shared = new Float32Array(new SharedArrayBuffer(n * 8));
        shared.set(prior());
        expect(await pool.run(shared, seed, steps, engine)).toEqual({ finite: true });
        expect(bytes(shared)).toBe(bytes(whole));
      }
    } finally {
      await pool.close();
    }
  }, 120_000);
});
