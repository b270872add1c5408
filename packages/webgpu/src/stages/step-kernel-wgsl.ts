import { PHILOX_WGSL } from '../random/philox-wgsl.js';
import { normalsWgsl } from './normals-wgsl.js';
import type { StageScoreWgsl } from './stage-score-wgsl.js';
import { STEP, STEP_STRIDE } from './step-program.js';

/** Invocations per workgroup of the stage kernels: one particle each. */
export const WORKGROUP_SIZE = 64;

/** What a step kernel is compiled for. */
export interface StepKernelShape {
  readonly dim: number;
  /** The stage's score in WGSL (`stageScoreWgsl`: the mixture's, the MLP's, or none for the forward diffusion). */
  readonly score: Pick<StageScoreWgsl, 'code' | 'scored'>;
  /** Whether a step reads D_prev (DPM-Solver++(2M)): then the kernel binds the `denoised` buffer. */
  readonly keepsDenoised: boolean;
}

/**
 * WGSL of the kernel that runs a `StepProgram`: invocation i takes particle i from step
 * `params.first` through `params.count` steps, its position (and D_prev) in registers, and
 * writes it back once. One step per dispatch (`count` = 1) or every step between two snapshots
 * (`fused`): the same arithmetic either way. Normals are the counter RNG's (`PHILOX_WGSL`), keyed
 * by (seed; particle id, step, stream, call), so that a particle draws the same noise whatever its
 * batch and whatever the fusion. Every invocation runs the steps, those past the last particle on a
 * copy of particle 0 that they never write: the MLP score has workgroup barriers, which WGSL allows
 * only in uniform control flow (the step rows come from a read-only buffer, hence uniform).
 */
export function stepKernelWgsl(shape: StepKernelShape): string {
  const { dim, score, keepsDenoised } = shape;
  const { scored } = score;
  const col = (name: keyof typeof STEP) => `program[row + ${STEP[name]}u]`;
  return /* wgsl */ `${PHILOX_WGSL}
struct Params { n: u32, first: u32, count: u32, stream: u32, key: vec2<u32>, rowWidth: u32 }
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read> ids: array<u32>;
@group(0) @binding(2) var<storage, read> program: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;
${keepsDenoised ? '@group(0) @binding(5) var<storage, read_write> denoised: array<f32>;' : ''}
${score.code}
const_assert DIM == ${dim}u;

${normalsWgsl('params.stream')}
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) g: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = g.x + g.y * params.rowWidth;
  let live = i < params.n;
  let r = select(0u, i, live);
  var p: Vec;
  var previous: Vec;
  for (var j = 0u; j < DIM; j++) {
    p[j] = x[r * DIM + j];
    ${keepsDenoised ? 'previous[j] = denoised[r * DIM + j];' : ''}
  }
  for (var k = params.first; k < params.first + params.count; k++) {
    let row = k * ${STEP_STRIDE}u;
    var s1: Vec;
    ${scored ? `if (${col('scored')} != 0.0) { s1 = stage_score(p, k, lid); }` : ''}
    var y: Vec;
    var s2: Vec;
    ${scored ? `if (${col('twoStage')} != 0.0) {
      for (var j = 0u; j < DIM; j++) { y[j] = ${col('px')} * p[j] + ${col('ps')} * s1[j]; }
      s2 = stage_score(y, k + 1u, lid);
    }` : ''}
    var z: Vec;
    let cz = ${col('cz')};
    if (cz != 0.0) { z = normals(ids[r], k); }
    let cx = ${col('cx')};
    let cs = ${col('cs')};
    let cy = ${col('cy')};
    let cs2 = ${col('cs2')};
    ${keepsDenoised ? `let cprev = ${col('cprev')};
    let dx = ${col('dx')};
    let ds = ${col('ds')};` : ''}
    for (var j = 0u; j < DIM; j++) {
      let next = cx * p[j] + cs * s1[j] + cz * z[j] + cy * y[j] + cs2 * s2[j]${keepsDenoised ? ' + cprev * previous[j]' : ''};
      ${keepsDenoised ? 'previous[j] = dx * p[j] + ds * s1[j];' : ''}
      p[j] = next;
    }
  }
  if (!live) { return; }
  for (var j = 0u; j < DIM; j++) {
    x[i * DIM + j] = p[j];
    ${keepsDenoised ? 'denoised[i * DIM + j] = previous[j];' : ''}
  }
}
`;
}
