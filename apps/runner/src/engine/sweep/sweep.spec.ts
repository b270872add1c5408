import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectEngine, revisionStore, serveWork } from '@scoreflow/engine-nats';
import { type NatsServer, natsSkipReason, startNatsServer } from '@scoreflow/engine-nats/testing';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCommand } from '../../cli/sweep-command.js';
import { scoreflowWork } from '../work-handler.js';
import { parseGrid, parseSeeds, planSweep } from './plan-sweep.js';
import { decodeSweepResult, encodeSweepResult } from './run-sweep-point.js';

const skip = natsSkipReason();

describe('planSweep(configs, seeds, grids)', () => {
  it('gives configs x grid combinations x seeds, the seed varying fastest', () => {
    const points = planSweep(['/a.yaml', '/b.yaml'], [0, 1], ['pipeline.0.steps=10,20', 'sde.T=[1, 2],3']);
    expect(points).toHaveLength(2 * 4 * 2);
    expect(points.slice(0, 3).map((point) => [point.config, point.seed, point.set])).toEqual([
      ['/a.yaml', 0, ['pipeline.0.steps=10', 'sde.T=[1, 2]']],
      ['/a.yaml', 1, ['pipeline.0.steps=10', 'sde.T=[1, 2]']],
      ['/a.yaml', 0, ['pipeline.0.steps=10', 'sde.T=3']],
    ]);
    expect(points.map((point) => point.index)).toEqual([...Array(16).keys()]);
  });

  it('reads seeds as a list or a range, and refuses anything else or a grid without values, naming the option', () => {
    expect(parseSeeds('3..6')).toEqual([3, 4, 5, 6]);
    expect(parseSeeds('5, 1')).toEqual([5, 1]);
    expect(() => parseSeeds('a')).toThrow(/Invalid --seeds/);
    expect(() => parseGrid('pipeline.0.steps=')).toThrow(/Invalid --grid/);
  });
});

describe.skipIf(skip !== undefined)('scoreflow sweep in process and on 2 workers', () => {
  let server: NatsServer;
  let dir: string;
  let file: string;
  const stops: (() => Promise<unknown>)[] = [];
  const quiet = { out: () => undefined, err: () => undefined };

  beforeAll(async () => {
    server = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'scoreflow-sweep-'));
    file = join(dir, 'config.json');
    const means = [[2, 0], [-2, 0]];
    writeFileSync(
      file,
      JSON.stringify({
        name: 'sweep',
        particles: 500,
        sde: { type: 'brownian', T: 4 },
        source: { type: 'prior' },
        pipeline: [{ type: 'euler-maruyama', score: { type: 'gaussian-mixture', means, std: 0.5 }, steps: 10, snapshotEvery: 10 }],
        measure: { particles: 500, referenceParticles: 500 },
        reference: { type: 'gaussian-mixture', means, std: 0.5 },
        metrics: [{ type: 'moments' }],
      }),
    );
    for (let i = 0; i < 2; i++) {
      const abort = new AbortController();
      const nc = await connectEngine(server.url);
      const done = serveWork(nc, scoreflowWork(await revisionStore(nc), abort.signal), { signal: abort.signal }).finally(() => nc.close());
      stops.push(() => (abort.abort(), done));
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
    await server?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('gathers every point into one table, the same rows with or without the engine', async () => {
    const options = { seeds: '0..1', grid: ['pipeline.0.steps=5,10'] };
    expect(await sweepCommand([file], { ...options, out: join(dir, 'local') }, quiet)).toBe(0);
    expect(await sweepCommand([file], { ...options, out: join(dir, 'engine'), engine: server.url }, quiet)).toBe(0);
    // The same rows and values (the files' bytes differ in Arrow's dictionary ids, which count up per process).
    const rowsOf = (folder: string) => tableFromIPC(readFileSync(join(dir, folder, 'sweep.arrow'))).toArray().map((row) => JSON.stringify(row.toJSON()));
    expect(rowsOf('engine')).toEqual(rowsOf('local'));
    const local = readFileSync(join(dir, 'local', 'sweep.arrow'));
    const table = tableFromIPC(local);
    const rows = table.toArray().map((row) => row.toJSON() as { point: number; seed: number; set: string; status: string; step: number; metric: string; value: number });
    expect(new Set(rows.map((row) => row.point))).toEqual(new Set([0, 1, 2, 3]));
    expect(rows.every((row) => row.status === 'completed' && Number.isFinite(row.value))).toBe(true);
    expect(new Set(rows.map((row) => `${row.set}|${row.seed}`))).toEqual(new Set(['pipeline.0.steps=5|0', 'pipeline.0.steps=5|1', 'pipeline.0.steps=10|0', 'pipeline.0.steps=10|1']));
    // Another seed is another sample: its mean error differs.
    const meanError = (point: number) => rows.find((row) => row.point === point && row.metric === 'meanError')?.value;
    expect(meanError(0)).not.toBe(meanError(1));
  }, 120_000);
});

describe('encodeSweepResult / decodeSweepResult', () => {
  it('keeps NaN and the infinities, which plain JSON turns into null', () => {
    const result = { status: 'completed' as const, error: null, seconds: 1, metrics: [{ stage: 0, step: 1, t: 0.5, n: 2, values: { a: Number.NaN, b: Infinity, c: -Infinity, d: 0.25 }, settings: {} }] };
    expect(decodeSweepResult(encodeSweepResult(result))).toEqual(result);
  });
});
