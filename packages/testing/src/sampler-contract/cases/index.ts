import type { SamplerCase } from '../sampler-case.js';
import { eulerMaruyamaCases } from './euler-maruyama.js';
import { sdeSamplerCases } from './sde-samplers.js';
import { odeSamplerCases } from './ode-samplers.js';

/** Every sampler of the contract suite. */
export const SAMPLER_CASES: readonly SamplerCase[] = [...eulerMaruyamaCases, ...sdeSamplerCases, ...odeSamplerCases];
