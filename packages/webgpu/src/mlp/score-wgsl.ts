import type { MlpScoreDescription } from '@scoreflow/core';
import { MLP_WORKGROUP, denseWgsl, forwardWgsl } from './dense-wgsl.js';
import { mlpShape } from './mlp-shape.js';

/** Where `mlpScoreWgsl` declares its two storage arrays: `mlp_params` at `binding`, `mlp_time` at `binding + 1`. */
export interface MlpBindings {
  readonly group: number;
  readonly binding: number;
}

/** WGSL of the MLP score and the workgroup size its callers must use. */
export interface MlpScoreWgsl {
  readonly code: string;
  readonly workgroupSize: number;
}

/**
 * WGSL statements converting the raw output mlp_z[d] of a network whose output means `output`
 * into `score` for position `x`, as score-nets' `scoreOf` does with the marginal m(t), s(t):
 * eps: -(raw / s); score: raw; denoiser (Tweedie): (raw m - x) / (s s).
 */
export function scoreOfWgsl(output: MlpScoreDescription['output']): string {
  switch (output) {
    case 'eps':
      return '-(raw / s)';
    case 'score':
      return 'raw';
    case 'denoiser':
      return '(raw * m - x[d]) / (s * s)';
  }
}

/**
 * The WGSL of `description`'s score for a stage kernel to call:
 *
 *   fn mlp_score(x: array<f32, MLP_DIM>, time_row: u32, m: f32, s: f32, lid: u32) -> array<f32, MLP_DIM>
 *
 * the score at x and the time of row `time_row` of `mlp_time` (rows of `mlpTimeFeatures`), with
 * the marginal m(t), s(t) there; `lid` is the local invocation index. It declares
 * `@group(g) @binding(b) var<storage, read> mlp_params: array<f32>` (upload `description.weights`)
 * and `mlp_time` at `binding + 1`. Weight tiles pass through workgroup memory: every invocation of
 * a workgroup of `workgroupSize` must call `mlp_score` in uniform control flow (rows past the end
 * compute on a dummy x and skip their write).
 */
export function mlpScoreWgsl(description: MlpScoreDescription, bindings: MlpBindings = { group: 0, binding: 0 }): MlpScoreWgsl {
  const shape = mlpShape(description);
  const { dim, embedding, labelSize, table } = shape;
  const { group, binding } = bindings;
  const code = `@group(${group}) @binding(${binding}) var<storage, read> mlp_params: array<f32>;
@group(${group}) @binding(${binding + 1}) var<storage, read> mlp_time: array<f32>;
const MLP_DIM: u32 = ${dim}u;
${denseWgsl(shape, description.activation, 'mlp_params')}
fn mlp_score(x: array<f32, ${dim}>, time_row: u32, m: f32, s: f32, lid: u32) -> array<f32, ${dim}> {
  for (var d = 0u; d < ${dim}u; d++) { mlp_a[d] = x[d]; }
  for (var k = 0u; k < ${embedding}u; k++) { mlp_a[${dim}u + k] = mlp_time[time_row * ${embedding}u + k]; }
  for (var k = 0u; k < ${labelSize}u; k++) { mlp_a[${dim + embedding}u + k] = mlp_params[${table + description.label * labelSize}u + k]; }
  ${forwardWgsl(shape, description.residual)}
  var score: array<f32, ${dim}>;
  for (var d = 0u; d < ${dim}u; d++) {
    let raw = mlp_z[d];
    score[d] = ${scoreOfWgsl(description.output)};
  }
  return score;
}
`;
  return { code, workgroupSize: MLP_WORKGROUP };
}
