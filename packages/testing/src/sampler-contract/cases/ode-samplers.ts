import type { SamplerCase } from '../sampler-case.js';

/**
 * The probability-flow ODE solvers and the few-step samplers. With the exact score an ODE
 * sampler's only errors are its discretisation and the prior's mismatch with p_T, which the ODE
 * carries to the end (a reverse SDE contracts it): for `brownian` (T = 100) the prior's std 10
 * against p_T's sqrt(104.25) leaves each mode's mean about 0.01 off at any step count. Biases are
 * the measured distance of each mode's mean and std from the target at these step counts (seeds
 * 11-13, 20 000 particles) less the sampling error the suite allows, rounded up.
 */
export const odeSamplerCases: readonly SamplerCase[] = [
  // Euler on the ODE in t: first order. Under VE (sigma exponential in t) 100 steps leave the
  // modes' std and mean about 0.1 off; under VP and Brownian motion about 0.03.
  { type: 'ode-euler', sdes: ['vp', 'sub-vp', 'brownian'], steps: 100, bias: 0.03, nfe: 100 },
  { type: 'ode-euler', sdes: ['ve'], steps: 100, bias: 0.1, nfe: 100 },
  // Heun (Karras Algorithm 1) in sigma: at 100 NFE at the sampling error, bar Brownian's prior mismatch.
  { type: 'heun', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 50, bias: 0.01, nfe: 100 },
  { type: 'heun', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 50, options: { space: 'time' }, bias: 0.015, nfe: 100 },
  // RK45 at rtol = atol = 1e-3 with ten snapshot times: 62 (VP) and 80 (VE, Brownian) NFE.
  { type: 'rk45', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 10, bias: 0.01 },
  // DDIM = Euler in sigma, first order: about 0.02 off at 50 steps; with eta = 1 (ancestral noise)
  // the plug-in x_0 estimate narrows each mode by about 0.04 under VP.
  { type: 'ddim', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 50, bias: 0.025, nfe: 50 },
  { type: 'ddim', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 50, options: { eta: 1 }, bias: 0.045, nfe: 50 },
  { type: 'euler-ancestral', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 50, bias: 0.05, nfe: 50 },
  // DPM-Solver++(2M) on the Karras grid: at 20 NFE within the sample-noise floor for Brownian
  // motion (the target); VE and VP, whose Karras levels run down to sigma(1e-3) = 0.0013
  // and 0.01, are 0.01-0.025 off at 20 NFE and at the sampling error at 50.
  { type: 'dpm-solver-2m', sdes: ['brownian'], steps: 20, grid: { type: 'karras' }, bias: 0, nfe: 20 },
  { type: 'dpm-solver-2m', sdes: ['vp', 'sub-vp', 've'], steps: 50, grid: { type: 'karras' }, bias: 0.01, nfe: 50 },
];
