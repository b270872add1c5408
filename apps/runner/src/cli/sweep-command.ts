import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connectEngine, distribute } from '@scoreflow/engine-nats';
import { tableToIPC } from 'apache-arrow';
import { randomUUID } from 'node:crypto';
import type { ConfigOverrides } from '../config/overrides.js';
import { type SweepPointResult, decodeSweepResult, parseSeeds, planSweep, runSweepPoint, sweepTable } from '../engine/index.js';
import { claimOutputFolder } from '../output/index.js';
import type { Io } from './commands.js';
import { engineOption, replicasOption } from './engine-option.js';

/** What `scoreflow sweep` takes. */
export interface SweepCommandOptions extends Omit<ConfigOverrides, 'seed'> {
  /** `0,1,2` or `0..9` (default: each config's own seed, as `0`). */
  readonly seeds?: string;
  /** `path=v1,v2,...`, repeatable: every combination is a point. */
  readonly grid?: readonly string[];
  /** `nats://HOST:PORT`: the points go to `scoreflow worker`s; in this process, one after another, without it. */
  readonly engine?: string;
  /** With `--engine`: the copies a JetStream cluster keeps of the engine's streams (1 to 5). */
  readonly replicas?: number;
  readonly out?: string;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
}

/** The file a sweep writes into its output folder. */
export const SWEEP_FILE = 'sweep.arrow';

/**
 * `scoreflow sweep CONFIG... [--seeds 0..9] [--grid path=v1,v2 ...] [--engine URL]`: every
 * config × grid point × seed is a run (`planSweep`), in this process one after another, or as work
 * items for `scoreflow worker`s with `--engine`; their metrics are gathered into one Arrow table,
 * `OUT/sweep.arrow` (`sweepTable`; default OUT: out/sweep). Exit codes: 0 every point completed,
 * 1 some point failed (the table says which), 2 bad input, 130 interrupted.
 */
export async function sweepCommand(configs: readonly string[], options: SweepCommandOptions, io: Io): Promise<number> {
  const seeds = options.seeds === undefined ? [0] : parseSeeds(options.seeds);
  const { particles, batchSize, set } = options;
  const points = planSweep(configs, seeds, options.grid ?? [], { particles, batchSize, set });
  const engine = options.engine === undefined ? undefined : engineOption(options.engine);
  const replicas = replicasOption(options.replicas, engine);
  const outDir = resolve(options.out ?? 'out/sweep');
  const folder = claimOutputFolder(outDir, { mode: options.force === true ? 'replace' : 'fresh', command: `scoreflow sweep ${configs.join(' ')}`, files: [SWEEP_FILE] });
  try {
    const results: SweepPointResult[] = [];
    if (engine === undefined) {
      for (const point of points) {
        if (options.signal?.aborted === true) break;
        results.push(await runSweepPoint(point, options.signal));
        io.err(`point ${point.index + 1}/${points.length}: ${results[point.index].status}`);
      }
    } else {
      const nc = await connectEngine(engine, 'scoreflow sweep');
      try {
        for await (const { key, payload } of distribute(nc, points, { runId: `sweep-${randomUUID().replaceAll('-', '').slice(0, 16)}`, signal: options.signal, replicas })) {
          results.push(decodeSweepResult(payload));
          io.err(`point ${key + 1}/${points.length}: ${results[key].status}`);
        }
      } finally {
        await nc.close();
      }
    }
    if (results.length < points.length) {
      io.err(`Interrupted after ${results.length} of ${points.length} points; nothing written.`);
      return 130;
    }
    writeFileSync(join(outDir, SWEEP_FILE), tableToIPC(sweepTable(points, results), 'file'));
    io.out(`sweep: ${points.length} points (${configs.length} config${configs.length === 1 ? '' : 's'} x ${points.length / configs.length / seeds.length} grid points x ${seeds.length} seeds)`);
    io.out(`output: ${join(outDir, SWEEP_FILE)}`);
    const failed = results.filter((result) => result.status !== 'completed').length;
    if (failed > 0) io.err(`error: ${failed} point${failed === 1 ? '' : 's'} did not complete (see the status column)`);
    return failed > 0 ? 1 : 0;
  } finally {
    folder.release();
  }
}
