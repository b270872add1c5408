import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { type ParticleBatch, definePlugin, describeStage, idsOf, makeParticleBatch, markFinal, positionsOf } from '@scoreflow/core';
import { concatMap, finalize, from } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runConfigSchema } from '../config/run-config.js';
import type { ProgressReporter } from '../progress/progress-reporter.js';
import { buildRun } from './build-run.js';
import { executeRun } from './execute-run.js';

/**
 * A stage the runner has never heard of: chains (kind `mcmc`) that stand still, with options named
 * neither `steps` nor `warmup`. What the runner knows of it comes from the stage alone.
 */
const stillChainsPlugin = definePlugin({
  kind: 'stage',
  name: 'still-chains',
  description: 'test double: chains that never move',
  options: z.strictObject({ iterations: z.number().int().min(1), burnIn: z.number().int().min(0) }),
  create: ({ iterations, burnIn }) =>
    describeStage({ kind: 'mcmc', plan: { steps: iterations, warmup: burnIn, snapshotEvery: 1, includeInitial: false } }, (report) =>
      concatMap((batch: ParticleBatch) => {
        const snapshots = Array.from({ length: iterations }, (_, k) =>
          makeParticleBatch({ x: positionsOf(batch).slice(), dim: 2, id: idsOf(batch).slice(), step: k + 1, t: k + 1 }),
        );
        snapshots[iterations - 1] = markFinal(snapshots[iterations - 1]);
        // As the samplers' frames do: the batch's stats when its last snapshot has gone out.
        return from(snapshots).pipe(finalize(() => report({ particles: batch.numRows, values: { acceptance: 0.25, evaluations: burnIn + iterations } })));
      }),
    ),
});

describe('the runner learns about a stage from the stage', () => {
  it('counts its warm-up from its plan, judges its chains because it says it is mcmc, and writes the stats it reported', async () => {
    const registry = createBrowserRegistry([stillChainsPlugin]);
    const config = runConfigSchema.parse({
      name: 'still',
      particles: 12,
      batchSize: 5,
      source: { type: 'gaussian' },
      pipeline: [{ type: 'still-chains', iterations: 8, burnIn: 3 }],
      measure: { chains: 4 },
    });
    const totals: number[] = [];
    const progress: ProgressReporter = { start: (total) => totals.push(total), update: () => undefined, stop: () => undefined };
    const outDir = mkdtempSync(join(tmpdir(), 'scoreflow-'));
    const result = await executeRun(buildRun(config, registry), outDir, progress);
    expect(result.status).toBe('completed');
    // (warm-up + steps) x particles, from the plan: the options say neither `steps` nor `warmup`.
    expect(totals).toEqual([(3 + 8) * 12]);
    expect(result.stats).toEqual([{ acceptance: { mean: 0.25, min: 0.25, max: 0.25, particles: 12 }, evaluations: { mean: 11, min: 11, max: 11, particles: 12 } }]);
    const [stage] = JSON.parse(readFileSync(join(outDir, 'metrics.json'), 'utf8')).stages;
    expect(stage.stats.acceptance.mean).toBe(0.25);
    // Judged as chains: 4 chains of 8 snapshots that never move (no diagnostics of a constant trace, but a report).
    expect(stage.chains).toBeDefined();
  });
});
