import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/select-backend.js';
import { mlpScoreNetwork } from '../../network/mlp.js';
import { flattenTensors } from '../../network/flat-weights.js';
import { rowShards } from './row-shards.js';
import { ScoreNetWorkerError } from './score-net-worker-error.js';
import { startWorkerPool } from './worker-pool.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

describe('startWorkerPool(size, init)', () => {
  it("rejects a request with the worker's error message, keeps answering, and dispose() ends the workers", async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8 });
    const pool = await startWorkerPool(2, { kind: 'init', backend: 'wasm', options: network.options, weights: flattenTensors(network.variables) });
    const failure = pool.request(1, { kind: 'fail', message: 'this worker was asked to fail' });
    await expect(failure).rejects.toThrow('score-net worker 2: this worker was asked to fail');
    await expect(failure).rejects.toBeInstanceOf(ScoreNetWorkerError);
    const x = Float32Array.from([0.5, -0.5]);
    const { out } = await pool.request(1, { kind: 'score', x, t: 0.5, marginal: { mean: 0.8, std: 0.6 } });
    expect(out).toHaveLength(2);
    await expect(pool.request(2, { kind: 'fail', message: '' })).rejects.toThrow(/worker index must be in \[0, 2\)/);
    await pool.dispose();
    await expect(pool.request(0, { kind: 'score', x, t: 0.5, marginal: { mean: 0.8, std: 0.6 } })).rejects.toThrow(/disposed/);
    network.dispose();
  });

  it('rejects weights that do not fit the network, naming the worker', async () => {
    const network = mlpScoreNetwork({ dim: 2, width: 8 });
    await expect(startWorkerPool(1, { kind: 'init', backend: 'wasm', options: network.options, weights: new Float32Array(3) })).rejects.toThrow(
      /score-net worker 1: unflattenTensors: expected \d+ values for \d+ tensors, got 3/,
    );
    network.dispose();
  });
});

describe('workers left undisposed', () => {
  it('do not keep the process alive: a program that never disposes its trainer and score model exits by itself', () => {
    const fixture = fileURLToPath(new URL('./exit-without-dispose.fixture.ts', import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=development', fixture], { encoding: 'utf8', timeout: 60_000 });
    expect(child.signal, child.stderr).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/^loss \d\.\d+ score -?\d/);
  });
});

describe('rowShards(n, parts)', () => {
  it('splits rows into contiguous shards differing by at most one row, the larger first', () => {
    expect(rowShards(5, 2)).toEqual([{ from: 0, to: 3 }, { from: 3, to: 5 }]);
    expect(rowShards(1, 3)).toEqual([{ from: 0, to: 1 }, { from: 1, to: 1 }, { from: 1, to: 1 }]);
    expect(rowShards(4096, 2)).toEqual([{ from: 0, to: 2048 }, { from: 2048, to: 4096 }]);
    // The main thread's smaller share: 0.9 / 1.9 of 4096 rows, rounded up.
    expect(rowShards(4096, 2, 0.9)).toEqual([{ from: 0, to: 1941 }, { from: 1941, to: 4096 }]);
    expect(rowShards(10, 3, 0.5)).toEqual([{ from: 0, to: 2 }, { from: 2, to: 6 }, { from: 6, to: 10 }]);
    expect(() => rowShards(4, 2, 0)).toThrow(/firstShare must be > 0/);
    expect(() => rowShards(4, 0)).toThrow(/parts must be an integer >= 1/);
  });
});
