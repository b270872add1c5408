import { CONTRACT_OBSERVATION, type ConditioningCase } from './conditioning-case.js';

const sdes = ['vp', 'sub-vp', 've', 'brownian'] as const;
const observation = CONTRACT_OBSERVATION;

/**
 * The conditioning stages (samplers/src/conditioning) in the contract. Biases are the measured
 * distance from the exact answer at these step counts (seed 11, every SDE), less the sampling
 * error the suite already allows, rounded up.
 */
export const CONDITIONING_CASES: readonly ConditioningCase[] = [
  // Replacement pins x2 at the diffused y; x1 moves as under Euler-Maruyama (bias of x1 <= 0.005 measured).
  { type: 'replacement', sdes, steps: 200, options: { observation }, bias: 0.01, observed: 'pinned', observedBias: 0.002, nfe: 200 },
  // RePaint, r = 2: the jumps re-noise x1 too; x1's mode means are off by up to 0.031 (sub-VP), 0.006 over 5 standard errors.
  { type: 'repaint', sdes, steps: 100, options: { observation, resampling: 2 }, bias: 0.015, observed: 'pinned', observedBias: 0.002, nfe: 200 },
  // DPS ignores Cov(x0 | x_t): x2's spread is 0.029 to 0.059 against the exact 0.050.
  { type: 'dps', sdes, steps: 200, options: { observation, scale: 0.05 }, bias: 0.01, observed: 'posterior', observedBias: 0.025, nfe: 600 },
  // Twisted SMC: exact as particles grow; its sampling error is that of its effective sample size.
  { type: 'twisted-smc', sdes, steps: 200, options: { observation }, bias: 0.01, observed: 'posterior', observedBias: 0.002, nfe: 200, weighted: true },
];
