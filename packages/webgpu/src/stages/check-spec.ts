import { type AcceleratedMethod, type AcceleratedStageSpec, ConfigError, type ConfigIssue, type MlpScoreDescription, isConfigError } from '@scoreflow/core';
import { mlpShape } from '../mlp/mlp-shape.js';
import { MAX_GPU_DIM } from './mixture-score-wgsl.js';

/** The methods the WebGPU stages run, in the order the docs list them. */
export const GPU_METHODS: readonly AcceleratedMethod[] = ['euler-maruyama', 'ancestral', 'ode-euler', 'heun', 'dpm-solver-2m', 'forward', 'random-walk-metropolis', 'mala', 'hmc'];

/** The MCMC methods among them: they take a target, not a score. */
export const GPU_CHAIN_METHODS: readonly AcceleratedMethod[] = ['random-walk-metropolis', 'mala', 'hmc'];

/** Score kinds the WebGPU stages evaluate in WGSL: a Gaussian mixture's exact score, an MLP score network (`MlpScoreDescription`). */
export const GPU_SCORES: readonly string[] = ['mixture', 'mlp'];

/**
 * Checks that the WebGPU stages can run `spec`, else a `ConfigError` at `path` (the stage's config
 * path) naming the field and what is allowed: the method (`type`), the score (`score`: one that
 * describes itself as a Gaussian mixture or as an MLP of the particles' dimension whose weights fit
 * its shape, `mlpShape`; or a deferred one by what it says now, its kind and dimension, the rest
 * checked by `loadedScore` once its weights load) or MCMC target (`target`: one that describes itself as a Gaussian
 * mixture), the dimension (`dim`, at most 16).
 */
export function checkGpuSpec(spec: AcceleratedStageSpec, path: string): void {
  const at = (field: string) => (path === '' ? field : `${path}.${field}`);
  const issues: { path: string; message: string }[] = [];
  if (!GPU_METHODS.includes(spec.method)) {
    issues.push({ path: at('device'), message: `'${spec.method}' has no WebGPU stage yet: use device: cpu, or one of ${GPU_METHODS.join(', ')} on webgpu` });
  }
  const chains = GPU_CHAIN_METHODS.includes(spec.method);
  if (chains && spec.target?.kind !== 'mixture') {
    issues.push({ path: at('target'), message: `device webgpu takes a target that describes itself as a Gaussian mixture (gaussian-mixture), got ${spec.target?.kind ?? 'one that does not describe itself'}: use device: cpu` });
  } else if (chains) {
    // A target, no score.
  } else if (spec.method !== 'forward' && spec.score === undefined) {
    issues.push({ path: at('score'), message: `device webgpu needs a score it can evaluate in WGSL (${GPU_SCORES.join(', ')}); this score model does not describe itself: use device: cpu` });
  } else if (spec.score?.kind === 'deferred') {
    // Its weights load on the first batch (`loadedScore`): what is known now, its kind and dimension.
    const { expected } = spec.score;
    if (!GPU_SCORES.includes(expected.kind)) issues.push({ path: at('score'), message: `device webgpu takes a score of kind ${GPU_SCORES.join(', ')}, got ${expected.kind}: use device: cpu` });
    else if (expected.dim !== spec.dim) issues.push({ path: at('score'), message: `device webgpu: the ${expected.kind} score is of dimension ${expected.dim}, the particles of dimension ${spec.dim}` });
  } else if (spec.score !== undefined && !GPU_SCORES.includes(spec.score.kind)) {
    issues.push({ path: at('score'), message: `device webgpu takes a score of kind ${GPU_SCORES.join(', ')}, got ${spec.score.kind}: use device: cpu` });
  } else if (spec.score?.kind === 'mlp') {
    issues.push(...mlpIssues(spec.score, spec.dim, at('score')));
  }
  if ((spec.score !== undefined || spec.target?.kind === 'mixture') && spec.dim > MAX_GPU_DIM) {
    issues.push({ path: 'dim', message: `device webgpu takes particles of dimension at most ${MAX_GPU_DIM} (in registers), got ${spec.dim}: use device: cpu` });
  }
  if (issues.length > 0) throw new ConfigError(`The stage at ${path} cannot run on webgpu`, issues);
}

/**
 * The spec with its score loaded: a `DeferredScoreDescription`'s `load()` awaited (the stages call
 * this on their first batch) and what it gives checked as `checkGpuSpec` checks a score, with every
 * problem a `ConfigError` at the deferred score's `path` (`pipeline.0.score.checkpoint`): a score
 * of another kind than an MLP, of another dimension, or whose weights disagree with its sizes. A
 * spec whose score is known already is returned as it is.
 */
export async function loadedScore(spec: AcceleratedStageSpec): Promise<AcceleratedStageSpec> {
  const deferred = spec.score;
  if (deferred?.kind !== 'deferred') return spec;
  const score = await deferred.load();
  const { path } = deferred;
  const issues =
    score.kind === 'mlp'
      ? mlpIssues(score, spec.dim, path).map((issue) => ({ path, message: issue.path === path ? issue.message : `${issue.path.slice(path.length + 1)}: ${issue.message}` }))
      : [{ path, message: `device webgpu expected an ${deferred.expected.kind} score of dimension ${deferred.expected.dim}, and the loaded score is of kind ${score.kind}: use device: cpu` }];
  if (issues.length > 0) throw new ConfigError(`The stage at ${spec.path ?? spec.name} cannot run on webgpu`, issues);
  return { ...spec, score };
}

/** What keeps an MLP score off the GPU stages: another dimension than the particles', or a description whose sizes and weights disagree (`mlpShape`), at `path`. */
function mlpIssues(description: MlpScoreDescription, dim: number, path: string): ConfigIssue[] {
  if (description.dim !== dim) return [{ path, message: `device webgpu: the MLP score is of dimension ${description.dim}, the particles of dimension ${dim}` }];
  try {
    mlpShape(description, path);
    return [];
  } catch (error) {
    if (!isConfigError(error)) throw error;
    return error.issues.map((issue) => ({ path: `${path}.${issue.path}`, message: `device webgpu reads the score's MLP description: ${issue.message}` }));
  }
}
