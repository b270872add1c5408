import { PHILOX_WGSL } from '../random/philox-wgsl.js';
import { normalsWgsl } from './normals-wgsl.js';
import { mixtureScoreWgsl } from './mixture-score-wgsl.js';
import { STEP, STEP_STRIDE } from './step-program.js';

/** Invocations per workgroup of the stage kernels: one particle each. */
export const WORKGROUP_SIZE = 64;

/** What a step kernel is compiled for. */
export interface StepKernelShape {
  readonly dim: number;
  /** Mixture components of the score; 0 when no step evaluates a score (the forward diffusion). */
  readonly components: number;
  /** Whether a step reads D_prev (DPM-Solver++(2M)): then the kernel binds the `denoised` buffer. */
  readonly keepsDenoised: boolean;
}

/**
 * WGSL of the kernel that runs a `StepProgram`: invocation i takes particle i from step
 * `params.first` through `params.count` steps, its position (and D_prev) in registers, and
 * writes it back once. One step per dispatch (`count` = 1) or every step between two snapshots
 * (`fused`): the same arithmetic either way. Normals are the counter RNG's (`PHILOX_WGSL`), keyed
 * by (seed; particle id, step, stream, call), so that a particle draws the same noise whatever its
 * batch and whatever the fusion.
 */
export function stepKernelWgsl(shape: StepKernelShape): string {
  const { dim, components, keepsDenoised } = shape;
  const scored = components > 0;
  const col = (name: keyof typeof STEP) => `program[row + ${STEP[name]}u]`;
  return /* wgsl */ `${PHILOX_WGSL}
struct Params { n: u32, first: u32, count: u32, stream: u32, key: vec2<u32>, rowWidth: u32 }
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read> ids: array<u32>;
@group(0) @binding(2) var<storage, read> program: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;
${scored ? '@group(0) @binding(4) var<storage, read> mixture: array<f32>;' : ''}
${keepsDenoised ? '@group(0) @binding(5) var<storage, read_write> denoised: array<f32>;' : ''}
${scored ? mixtureScoreWgsl(dim, components) : `const DIM: u32 = ${dim}u;\nalias Vec = array<f32, DIM>;`}

${normalsWgsl('params.stream')}
@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let i = g.x + g.y * params.rowWidth;
  if (i >= params.n) { return; }
  var p: Vec;
  var previous: Vec;
  for (var j = 0u; j < DIM; j++) {
    p[j] = x[i * DIM + j];
    ${keepsDenoised ? 'previous[j] = denoised[i * DIM + j];' : ''}
  }
  for (var k = params.first; k < params.first + params.count; k++) {
    let row = k * ${STEP_STRIDE}u;
    var s1: Vec;
    ${scored ? `if (${col('scored')} != 0.0) { s1 = mixtureScore(p, k); }` : ''}
    var y: Vec;
    var s2: Vec;
    ${scored ? `if (${col('twoStage')} != 0.0) {
      for (var j = 0u; j < DIM; j++) { y[j] = ${col('px')} * p[j] + ${col('ps')} * s1[j]; }
      s2 = mixtureScore(y, k + 1u);
    }` : ''}
    var z: Vec;
    let cz = ${col('cz')};
    if (cz != 0.0) { z = normals(ids[i], k); }
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
  for (var j = 0u; j < DIM; j++) {
    x[i * DIM + j] = p[j];
    ${keepsDenoised ? 'denoised[i * DIM + j] = previous[j];' : ''}
  }
}
`;
}
