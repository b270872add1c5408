import type { SamplerCase } from '../sampler-case.js';

/** Euler-Maruyama: first order in dt, one score evaluation per step. */
export const eulerMaruyamaCases: readonly SamplerCase[] = [
  { type: 'euler-maruyama', sdes: ['vp', 'sub-vp', 've', 'brownian'], steps: 500, bias: 0.03, nfe: 500 },
];
