import { type AcceleratedMethod, type AcceleratedStageSpec, ConfigError, MIXTURE_PRESETS } from '@scoreflow/core';
import { describe, expect, it } from 'vitest';
import { testDescription } from '../mlp/testing/tf-mlp.js';
import { mlpTimeFeatures } from '../mlp/time-features.js';
import { checkGpuSpec } from './check-spec.js';
import { SCORE_BINDINGS, stageScoreWgsl } from './stage-score-wgsl.js';
import { stepKernelWgsl } from './step-kernel-wgsl.js';

const times = Float64Array.from([1, 0.5, 0.1]);
const sde = { drift: Float64Array.from([-5, -2.5, -0.5]), diffusion: Float64Array.from([3, 2, 1]), mean: Float64Array.from([0.1, 0.4, 0.9]), std: Float64Array.from([0.99, 0.9, 0.4]) };
const spec = (overrides: Partial<AcceleratedStageSpec> = {}): AcceleratedStageSpec => ({
  name: 'ode-euler',
  method: 'ode-euler',
  times,
  sde,
  dim: 2,
  score: testDescription(),
  snapshotEvery: 1,
  includeInitial: true,
  seed: 0,
  fused: false,
  options: {},
  ...overrides,
});
const issuesOf = (candidate: AcceleratedStageSpec) => {
  try {
    checkGpuSpec(candidate, 'pipeline.0');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  return [];
};

describe('checkGpuSpec(spec, path) with an MLP score', () => {
  it.each(['euler-maruyama', 'ancestral', 'ode-euler', 'heun', 'dpm-solver-2m'] as AcceleratedMethod[])('accepts %s with an MLP of the particles\' dimension', (method) => {
    expect(issuesOf(spec({ method, name: method }))).toEqual([]);
  });

  it('rejects an MLP of another dimension than the particles\', naming the score', () => {
    expect(issuesOf(spec({ score: testDescription({ dim: 3 }) }))).toEqual([{ path: 'pipeline.0.score', message: expect.stringMatching(/MLP score is of dimension 3, the particles of dimension 2/) }]);
  });

  it('rejects a description whose weights do not fit its sizes, naming score.weights', () => {
    const description = testDescription();
    expect(issuesOf(spec({ score: { ...description, weights: description.weights.subarray(1) } }))).toEqual([
      { path: 'pipeline.0.score.weights', message: expect.stringMatching(/^device webgpu reads the score's MLP description: expected 482 values for dim 2, width 16, depth 2, embedding 8, label embedding 0, got 481$/) },
    ]);
  });

  it('rejects particles of more than 16 dimensions, as for a mixture', () => {
    expect(issuesOf(spec({ dim: 17, score: testDescription({ dim: 17 }) }))).toEqual([{ path: 'dim', message: expect.stringMatching(/at most 16/) }]);
  });
});

describe('stageScoreWgsl(spec)', () => {
  it('an MLP: its weights, the time features of every grid time and (m, s) per time as constants, a stage_score with barriers', () => {
    const description = testDescription();
    const score = stageScoreWgsl(spec({ score: description }));
    expect(score.scored).toBe(true);
    expect(score.barriers).toBe(true);
    expect(score.constants.get(SCORE_BINDINGS.mlpParams)).toBe(description.weights);
    expect(score.constants.get(SCORE_BINDINGS.mlpTime)).toEqual(mlpTimeFeatures(description, times));
    expect(Array.from(score.constants.get(SCORE_BINDINGS.table) ?? [])).toEqual([0.1, 0.99, 0.4, 0.9, 0.9, 0.4].map(Math.fround));
    expect(score.code).toMatch(/fn stage_score\(y: Vec, ti: u32, lid: u32\) -> Vec \{ return mlp_score\(y, ti, marginals\[2u \* ti\], marginals\[2u \* ti \+ 1u\], lid\); \}/);
    expect(score.code).toMatch(/@binding\(6\) var<storage, read> mlp_params/);
  });

  it('a mixture: its diffused table at binding 4, no barriers; no score (forward): only DIM and Vec', () => {
    const mixture = stageScoreWgsl(spec({ score: { kind: 'mixture', mixture: MIXTURE_PRESETS['double-gaussian']() } }));
    expect([mixture.scored, mixture.barriers, [...mixture.constants.keys()]]).toEqual([true, false, [SCORE_BINDINGS.table]]);
    const none = stageScoreWgsl(spec({ method: 'forward', score: undefined }));
    expect([none.scored, none.constants.size, none.code]).toEqual([false, 0, 'const DIM: u32 = 2u;\nalias Vec = array<f32, DIM>;']);
  });

  it('the step kernel calls it from every invocation (no early return before the steps), writing live particles only', () => {
    const code = stepKernelWgsl({ dim: 2, score: stageScoreWgsl(spec({ method: 'heun' })), keepsDenoised: false });
    expect(code).toContain('s1 = stage_score(p, k, lid);');
    expect(code).toContain('s2 = stage_score(y, k + 1u, lid);');
    const main = code.slice(code.indexOf('fn main'));
    expect(main.indexOf('if (!live) { return; }')).toBeGreaterThan(main.lastIndexOf('stage_score'));
  });
});
