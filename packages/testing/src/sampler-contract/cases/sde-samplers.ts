import type { SamplerCase } from '../sampler-case.js';

/**
 * The stochastic samplers of score_sde, DDPM and NCSN. Biases are the measured distance of each
 * mode's mean and standard deviation from the target at these step counts (seeds 11-13), less
 * the sampling error the suite already allows, rounded up.
 */
export const sdeSamplerCases: readonly SamplerCase[] = [
  // Reverse diffusion: first order like Euler-Maruyama; at 200 steps the std is about 0.01 too wide (VE).
  { type: 'reverse-diffusion', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 200, bias: 0.015, nfe: 200 },
  // Ancestral sampling: the plug-in x0 estimate drops Var(x0 | x_t), so the std is about 0.015 too narrow at 200 steps.
  { type: 'ancestral', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 200, bias: 0.02, nfe: 200 },
  // Predictor-corrector: one Langevin step per grid time, two score evaluations per step.
  { type: 'predictor-corrector', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 100, bias: 0.015, nfe: 200 },
  {
    type: 'predictor-corrector',
    sdes: ['vp', 'sub-vp', 've', 'brownian'],
    steps: 100,
    options: { predictor: 'euler-maruyama', correctorSteps: 2 },
    bias: 0.01,
    nfe: 300,
  },
  // Annealed Langevin: the step shrinks with sigma^2, so the last levels barely contract the
  // spread: the std stays about 0.02 too wide (0.019 for VE by the Gaussian moment recursion).
  { type: 'annealed-langevin', sdes: ['ve', 'brownian'], steps: 100, options: { stepsEach: 3 }, bias: 0.02, nfe: 300 },
  // Under VP, levels uniform in t are sparse at small sigma (bias 0.05); geometric ones suit NCSN.
  { type: 'annealed-langevin', sdes: ['vp', 'sub-vp'], steps: 100, grid: { type: 'geometric' }, options: { stepsEach: 3 }, bias: 0.02, nfe: 300 },
];
