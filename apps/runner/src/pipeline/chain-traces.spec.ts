import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBrowserRegistry } from '@scoreflow/catalogue';
import { createRunContext, makeParticleBatch } from '@scoreflow/core';
import { singleChainWarning } from '@scoreflow/metrics';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';
import { from, lastValueFrom } from 'rxjs';
import { judgeChains, traceChains } from './chain-traces.js';
import type { RunEvent } from './run-events.js';

const target = { type: 'gaussian-mixture', weights: [0.25, 0.75], means: [[-4, 0], [4, 0]], std: 0.5 };

describe('traceChains(isChainStage, chains, referenceAt, metrics)', () => {
  const registry = createBrowserRegistry();
  const moments = registry.create('metric', { type: 'moments' }, { run: createRunContext({ dim: 1 }), path: 'metrics.0' });
  // One chain (id 0) in 1-D: steps 1 .. 40, position = step (a trace that only climbs).
  const batches = Array.from({ length: 40 }, (_, i) => makeParticleBatch({ x: new Float32Array([i + 1]), dim: 1, id: 0, step: i + 1, t: i + 1 }));
  const events = (stage: number, some = batches): RunEvent[] => some.map((batch) => ({ type: 'snapshot', stage, batch }));

  it('cuts one chain into 4 segments, warns, and measures its kept states pooled', async () => {
    const reference = new Float32Array([-1, 1, -1, 1]);
    const [report] = await lastValueFrom(from(events(0)).pipe(traceChains([true], 1, () => reference, [moments])));
    expect(report?.chains).toMatchObject({ chains: 1, iterations: 40, splits: 4, warnings: [singleChainWarning(4)] });
    expect(report?.chains.error).toBeUndefined();
    // The pooled sample is 1 .. 40: mean 20.5 against the reference's 0.
    expect(report?.pooled).toMatchObject({ chains: 1, iterations: 40, n: 40, step: 40, t: 40, settings: {} });
    expect(report?.pooled?.error).toBeUndefined();
    expect((report?.pooled as { values: Record<string, number> }).values.meanError).toBeCloseTo(20.5, 5);
  });

  it('needs 2 snapshots per segment, says why there are no diagnostics, and leaves out pooled without a reference', async () => {
    const reports = await lastValueFrom(from([...events(0, batches.slice(0, 7)), ...events(1)]).pipe(traceChains([true, false], 1)));
    expect(reports).toEqual([{ chains: { error: 'fewer than 8 post-warm-up snapshots: no diagnostics' } }, undefined]);
  });

  it('judges the chains below `chains` only, and turns a broken trace into a report', async () => {
    const two = makeParticleBatch({ x: new Float32Array([1, 2]), dim: 1, id: Uint32Array.from([0, 1]), step: 1, t: 1 });
    // One chain kept of two: a trace of one chain needs 8 snapshots (two chains: 4).
    const kept = await lastValueFrom(from([two]).pipe(judgeChains(1)));
    expect(kept.chains).toEqual({ error: 'fewer than 8 post-warm-up snapshots: no diagnostics' });
    const missing = makeParticleBatch({ x: new Float32Array([3]), dim: 1, id: 1, step: 2, t: 2 });
    const broken = await lastValueFrom(from([two, missing]).pipe(judgeChains(2)));
    expect(broken.chains.error).toMatch(/scoreflow run: step 2 holds 1 of 2 chains/);
  });
});

describe('scoreflow run with one chain', () => {
  it('writes R-hat of 4 segments, the warning (also on stderr) and pooled metrics that show the missing mode', async () => {
    // single-chain-rwm.yaml, shorter: one random-walk Metropolis chain on modes 16 sd apart, 400 kept states.
    const { dir, file } = configWorkspace({
      name: 'single-chain-short',
      seed: 0,
      particles: 1,
      source: { type: 'gaussian', std: 4 },
      pipeline: [{ type: 'random-walk-metropolis', target, warmup: 2000, steps: 40_000, thin: 100 }],
      reference: target,
      measure: { particles: 2000, referenceParticles: 2000, chains: 1 },
      metrics: [{ type: 'sliced-wasserstein' }, { type: 'mmd' }, { type: 'moments' }],
    });
    const out = join(dir, 'out');
    const { lines, io } = quietIo();
    expect(await runCommand(file, { out }, io)).toBe(0);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    const [stage] = metrics.stages;
    expect(stage.chains).toMatchObject({ chains: 1, iterations: 400, splits: 4, warnings: [singleChainWarning(4)] });
    expect(lines).toContain(`warning: stage 0 (random-walk-metropolis): ${singleChainWarning(4)}`);
    // Each snapshot holds one state: no values. The pooled 400 states are measured.
    expect(metrics.snapshots.every((snapshot: { values: object }) => Object.keys(snapshot.values).length === 0)).toBe(true);
    expect(stage.pooled).toMatchObject({ chains: 1, iterations: 400, n: 400, step: 40_000 });
    expect(stage.pooled.settings).toMatchObject({ mmdRows: 400, mmdReferenceRows: 2000, sw2Rows: 400, sw2ReferenceRows: 2000 });
    expect(stage.pooled.settings.mmdBandwidth).toBeGreaterThan(0);
    // The chain stays in one mode, so its mean is about +-4 against the target's 2: a mean error of
    // about 2 (or 6). Had it visited both modes in proportion, the error would be about
    // sd sqrt(1/400 + 1/2000) = 3.5 * 0.055 = 0.19 (more with autocorrelation, but not 8 times more).
    expect(stage.pooled.values.meanError).toBeGreaterThan(1.5);
    expect(stage.pooled.values.sw2).toBeGreaterThan(1);
  });
});
