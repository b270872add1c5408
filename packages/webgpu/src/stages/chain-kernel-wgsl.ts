import { PHILOX_WGSL } from '../random/philox-wgsl.js';
import { normalsWgsl } from './normals-wgsl.js';
import { mixtureScoreWgsl } from './mixture-score-wgsl.js';
import { WORKGROUP_SIZE } from './step-kernel-wgsl.js';

/** The MCMC methods of `chainKernelWgsl`. */
export type ChainMethod = 'random-walk-metropolis' | 'mala' | 'hmc';

/** Floats of one chain's state: step size, dual averaging's H-bar, log eps-bar and mu, post-warm-up acceptances. */
export const CHAIN_STRIDE = 8;

/** Column of each value in a chain's state. */
export const CHAIN = { stepSize: 0, hBar: 1, logEpsBar: 2, mu: 3, accepted: 4 } as const;

/** What a chain kernel is compiled for. */
export interface ChainKernelShape {
  readonly method: ChainMethod;
  readonly dim: number;
  readonly components: number;
  /** HMC's leapfrog steps (L). */
  readonly leapfrogSteps: number;
}

/**
 * WGSL of the kernel that runs MCMC chains on a Gaussian-mixture target, one chain per invocation,
 * from iteration `params.first` through `params.count` iterations, as the samplers package's
 * kernels do (`randomWalkKernel`, `malaKernel`, `hmcKernel`, `metropolisUpdate`):
 *
 * - RWM: x' = x + eps z; MALA: x' = x + (h/2) g(x) + sqrt(h) z with the proposal's density ratio;
 *   HMC: L leapfrog steps of size eps from momentum p ~ N(0, I), log ratio H(x, p) - H(x', p');
 * - accepted when log u < log ratio (a NaN ratio rejects), alpha = min(1, exp(log ratio));
 * - during the `warmup` first iterations, when `adapt`, each chain's step size follows dual
 *   averaging (Hoffman and Gelman 2014, Algorithm 5: gamma 0.05, t0 10, kappa 0.75) towards
 *   `delta`, and takes eps-bar after the last; after warm-up, acceptances are counted.
 *
 * log p and its gradient at the current state are recomputed from x at the start of a dispatch
 * (the same float32 arithmetic as keeping them), so that fused and stepwise runs agree bit for bit.
 * Draws: the counter RNG with the CPU stage's streams (`<stage>:proposal`, `:momentum`, `:accept`).
 */
export function chainKernelWgsl(shape: ChainKernelShape): string {
  const { method, dim, components, leapfrogSteps } = shape;
  return /* wgsl */ `${PHILOX_WGSL}
struct Params {
  n: u32, first: u32, count: u32, rowWidth: u32,
  key: vec2<u32>, proposalStream: u32, acceptStream: u32,
  warmup: u32, adapt: u32, delta: f32, pad: u32,
}
@group(0) @binding(0) var<storage, read_write> x: array<f32>;
@group(0) @binding(1) var<storage, read> ids: array<u32>;
@group(0) @binding(2) var<storage, read_write> state: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;
@group(0) @binding(4) var<storage, read> mixture: array<f32>;
${mixtureScoreWgsl(dim, components)}

${normalsWgsl('params.proposalStream')}
fn squaredNorm(v: Vec) -> f32 {
  var sum = 0.0;
  for (var j = 0u; j < DIM; j++) { sum += v[j] * v[j]; }
  return sum;
}

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let i = g.x + g.y * params.rowWidth;
  if (i >= params.n) { return; }
  let id = ids[i];
  let s = i * ${CHAIN_STRIDE}u;
  var p: Vec;
  for (var j = 0u; j < DIM; j++) { p[j] = x[i * DIM + j]; }
  var here = mixtureAt(p, 0u);
  var eps = state[s + ${CHAIN.stepSize}u];
  var hBar = state[s + ${CHAIN.hBar}u];
  var logEpsBar = state[s + ${CHAIN.logEpsBar}u];
  let mu = state[s + ${CHAIN.mu}u];
  var accepted = state[s + ${CHAIN.accepted}u];
  for (var k = params.first; k < params.first + params.count; k++) {
    var proposal: Vec;
    var there: MixtureValue;
    var logRatio: f32;
${proposalWgsl(method, leapfrogSteps)}
    var alpha = 0.0;
    if (logRatio >= 0.0) { alpha = 1.0; } else if (logRatio < 0.0) { alpha = exp(logRatio); }
    let u = counter_uniforms(counter_words(params.key, id, k, params.acceptStream, 0u)).x;
    let accept = log(u) < logRatio;
    if (accept) {
      p = proposal;
      here = there;
    }
    if (k < params.warmup) {
      if (params.adapt != 0u) {
        let m = f32(k + 1u);
        let weight = 1.0 / (m + 10.0);
        hBar = (1.0 - weight) * hBar + weight * (params.delta - alpha);
        let logEps = mu - sqrt(m) / 0.05 * hBar;
        let average = pow(m, -0.75);
        logEpsBar = average * logEps + (1.0 - average) * logEpsBar;
        eps = exp(logEps);
        if (k + 1u == params.warmup) { eps = exp(logEpsBar); }
      }
    } else if (accept) {
      accepted += 1.0;
    }
  }
  for (var j = 0u; j < DIM; j++) { x[i * DIM + j] = p[j]; }
  state[s + ${CHAIN.stepSize}u] = eps;
  state[s + ${CHAIN.hBar}u] = hBar;
  state[s + ${CHAIN.logEpsBar}u] = logEpsBar;
  state[s + ${CHAIN.accepted}u] = accepted;
}
`;
}

/** The proposal and log ratio of each method, as WGSL statements inside the iteration loop. */
function proposalWgsl(method: ChainMethod, leapfrogSteps: number): string {
  switch (method) {
    case 'random-walk-metropolis':
      return `
    let z = normals(id, k);
    for (var j = 0u; j < DIM; j++) { proposal[j] = p[j] + eps * z[j]; }
    there = mixtureAt(proposal, 0u);
    logRatio = there.logDensity - here.logDensity;`;
    case 'mala':
      return `
    let z = normals(id, k);
    let noise = sqrt(eps);
    for (var j = 0u; j < DIM; j++) { proposal[j] = p[j] + 0.5 * eps * here.score[j] + noise * z[j]; }
    there = mixtureAt(proposal, 0u);
    var forward = 0.0;
    var backward = 0.0;
    for (var j = 0u; j < DIM; j++) {
      let step = proposal[j] - p[j];
      forward += (step - 0.5 * eps * here.score[j]) * (step - 0.5 * eps * here.score[j]);
      backward += (step + 0.5 * eps * there.score[j]) * (step + 0.5 * eps * there.score[j]);
    }
    logRatio = there.logDensity - here.logDensity + (forward - backward) / (2.0 * eps);`;
    case 'hmc':
      return `
    var momentum = normals(id, k);
    logRatio = -here.logDensity + 0.5 * squaredNorm(momentum);
    proposal = p;
    var gradient = here.score;
    for (var j = 0u; j < DIM; j++) { momentum[j] += 0.5 * eps * gradient[j]; }
    for (var l = 0u; l < ${leapfrogSteps}u; l++) {
      for (var j = 0u; j < DIM; j++) { proposal[j] += eps * momentum[j]; }
      there = mixtureAt(proposal, 0u);
      gradient = there.score;
      var kick = eps;
      if (l == ${leapfrogSteps - 1}u) { kick = 0.5 * eps; }
      for (var j = 0u; j < DIM; j++) { momentum[j] += kick * gradient[j]; }
    }
    logRatio -= -there.logDensity + 0.5 * squaredNorm(momentum);`;
  }
}
