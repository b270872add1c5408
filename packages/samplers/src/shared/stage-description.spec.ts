import { type Stage, type StageKind, type StageStats, createRng } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { ancestral } from '../ancestral/ancestral.js';
import { ddim } from '../ancestral/ddim.js';
import { eulerAncestral } from '../ancestral/euler-ancestral.js';
import { annealedLangevin } from '../langevin/annealed-langevin.js';
import { dpmSolver2m } from '../ode/dpm-solver-2m.js';
import { heun } from '../ode/heun.js';
import { odeEuler } from '../ode/ode-euler.js';
import { rk45 } from '../ode/rk45.js';
import { forwardDiffusion } from '../forward/forward-diffusion.js';
import { eulerMaruyama } from '../reverse-sde/euler-maruyama.js';
import { predictorCorrector } from '../reverse-sde/predictor-corrector.js';
import { reverseDiffusion } from '../reverse-sde/reverse-diffusion.js';
import { gaussianProblem, runProblem } from '../testing/gaussian-problem.js';
import type { ReverseSamplerOptions } from './reverse-sampler.js';

/** Every reverse sampler, the kind its frame gives it, and its score evaluations per step when fixed. */
const samplers: [string, (options: ReverseSamplerOptions) => Stage, StageKind, number | undefined][] = [
  ['euler-maruyama', eulerMaruyama, 'reverse-sde', 1],
  ['reverse-diffusion', reverseDiffusion, 'reverse-sde', 1],
  ['predictor-corrector', (options) => predictorCorrector({ ...options, correctorSteps: 2 }), 'reverse-sde', 3],
  ['ode-euler', odeEuler, 'ode', 1],
  ['heun', heun, 'ode', undefined],
  ['rk45', rk45, 'ode', undefined],
  ['dpm-solver-2m', dpmSolver2m, 'ode', 1],
  ['ancestral', ancestral, 'ancestral', 1],
  ['ddim', ddim, 'ancestral', 1],
  ['euler-ancestral', eulerAncestral, 'ancestral', 1],
  ['annealed-langevin', (options) => annealedLangevin({ ...options, stepsEach: 2 }), 'langevin', 2],
];

describe('the reverse-sampler frame describes each sampler', () => {
  it.each(samplers)('%s: its kind, its plan, and the NFE it reports on its stats', async (_name, make, kind, perStep) => {
    const records: StageStats[] = [];
    let stage: Stage | undefined;
    const { nfe } = await runProblem(gaussianProblem({ beta: 1 }), (options) => {
      stage = make(options);
      stage.stats.subscribe((record) => records.push(record));
      return stage;
    }, { steps: 6, n: 300, batchSize: 128 });
    if (stage === undefined) throw new Error('no stage');
    expect(stage.kind).toBe(kind);
    expect(stage.plan).toEqual({ steps: 6, warmup: 0, snapshotEvery: 6, includeInitial: false, ...(perStep === undefined ? {} : { scoreEvaluationsPerStep: perStep }) });
    // One record per input batch, the same NFE as onBatchDone, and as the plan says where it says it.
    expect(records.map((record) => record.particles)).toEqual([128, 128, 44]);
    const reported = records.reduce((sum, record) => sum + (record.values.nfe ?? Number.NaN) * record.particles, 0) / 300;
    expect(reported).toBe(nfe);
    if (perStep !== undefined) expect(nfe).toBe(perStep * 6);
  });
});

describe('forwardDiffusion describes itself', () => {
  it('as a forward stage of its steps, with no score evaluations', () => {
    const stage = forwardDiffusion({ sde: gaussianProblem().sde, rng: createRng(1), steps: 40, snapshotEvery: 10 });
    expect(stage.kind).toBe('forward');
    expect(stage.plan).toEqual({ steps: 40, warmup: 0, snapshotEvery: 10, includeInitial: true, scoreEvaluationsPerStep: 0 });
  });
});
