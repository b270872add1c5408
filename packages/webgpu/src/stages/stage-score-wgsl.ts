import type { AcceleratedStageSpec, MlpScoreDescription, SdeCoefficients } from '@scoreflow/core';
import { mlpScoreWgsl } from '../mlp/score-wgsl.js';
import { mlpTimeFeatures } from '../mlp/time-features.js';
import { mixtureScoreWgsl, mixtureTable } from './mixture-score-wgsl.js';
import { WORKGROUP_SIZE } from './step-kernel-wgsl.js';

/** Bindings of a stage score's constants: its table (mixture constants, or the marginals) at 4, an MLP's weights at 6 and time features at 7. */
export const SCORE_BINDINGS = { table: 4, mlpParams: 6, mlpTime: 7 } as const;

/** A stage's score in WGSL, for the step kernel, and the constant buffers it reads. */
export interface StageScoreWgsl {
  /**
   * WGSL declaring `const DIM`, `alias Vec = array<f32, DIM>`, the score's bindings and, when
   * `scored`, `fn stage_score(x: Vec, ti: u32, lid: u32) -> Vec`: the score at x and time
   * `times[ti]` of the grid; `lid` is the local invocation index.
   */
  readonly code: string;
  /** Whether the stage evaluates a score (not the forward diffusion). */
  readonly scored: boolean;
  /**
   * Whether `stage_score` holds workgroup barriers (the MLP stages its weights through workgroup
   * memory): then every invocation of a workgroup calls it, in uniform control flow.
   */
  readonly barriers: boolean;
  /** Constant storage buffers by binding (`SCORE_BINDINGS`), uploaded once per stage. */
  readonly constants: ReadonlyMap<number, Float32Array>;
}

/**
 * The WGSL of `spec.score` at each time of the stage's grid (`spec.times`, `spec.sde`):
 * - `mixture`: the exact score of the Gaussian mixture diffused by the SDE (`mixtureScoreWgsl`,
 *   constants from `mixtureTable`);
 * - `mlp`: the network's forward pass (`mlpScoreWgsl`: tiny-cuda-nn's fully fused MLP, Müller et
 *   al. 2021, weights staged through workgroup memory), with the time features of every grid
 *   time computed on the host (`mlpTimeFeatures`) and the marginal m(t), s(t) that turns the raw
 *   output into a score (score-nets' `scoreOf`), read from a table of (m, s) per time;
 * - none (the forward diffusion): only `DIM` and `Vec`.
 * The weights and tables are uploaded once per stage; checked beforehand by `checkGpuSpec`, a
 * deferred score loaded by `loadedScore`.
 */
export function stageScoreWgsl(spec: AcceleratedStageSpec): StageScoreWgsl {
  const { dim, score, sde } = spec;
  if (score === undefined) return { code: `const DIM: u32 = ${dim}u;\nalias Vec = array<f32, DIM>;`, scored: false, barriers: false, constants: new Map() };
  if (score.kind === 'mixture') {
    const code = `@group(0) @binding(${SCORE_BINDINGS.table}) var<storage, read> mixture: array<f32>;
${mixtureScoreWgsl(dim, score.mixture.components)}
fn stage_score(x: Vec, ti: u32, lid: u32) -> Vec { return mixtureScore(x, ti); }`;
    return { code, scored: true, barriers: false, constants: new Map([[SCORE_BINDINGS.table, mixtureTable(score.mixture, sde)]]) };
  }
  if (score.kind === 'deferred') throw new RangeError(`stageScoreWgsl: the score of ${spec.name} is deferred: load it first (loadedScore).`);
  return mlpStageScore(score, spec.times, sde);
}

function mlpStageScore(description: MlpScoreDescription, times: Float64Array, sde: SdeCoefficients | undefined): StageScoreWgsl {
  if (sde === undefined) throw new RangeError('stageScoreWgsl: an MLP score needs the SDE at each time of the grid (its marginal m(t), s(t)).');
  const mlp = mlpScoreWgsl(description, { group: 0, binding: SCORE_BINDINGS.mlpParams });
  if (mlp.workgroupSize !== WORKGROUP_SIZE) throw new RangeError(`stageScoreWgsl: the MLP runs in workgroups of ${mlp.workgroupSize}, the stage kernels in ${WORKGROUP_SIZE}.`);
  const code = `const DIM: u32 = ${description.dim}u;
alias Vec = array<f32, DIM>;
@group(0) @binding(${SCORE_BINDINGS.table}) var<storage, read> marginals: array<f32>;
${mlp.code}
fn stage_score(y: Vec, ti: u32, lid: u32) -> Vec { return mlp_score(y, ti, marginals[2u * ti], marginals[2u * ti + 1u], lid); }`;
  const marginals = new Float32Array(2 * times.length);
  for (let i = 0; i < times.length; i++) {
    marginals[2 * i] = sde.mean[i];
    marginals[2 * i + 1] = sde.std[i];
  }
  const constants = new Map([
    [SCORE_BINDINGS.table, marginals],
    [SCORE_BINDINGS.mlpParams, description.weights],
    [SCORE_BINDINGS.mlpTime, mlpTimeFeatures(description, times)],
  ]);
  return { code, scored: true, barriers: true, constants };
}
