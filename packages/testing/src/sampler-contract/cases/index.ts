import type { SamplerCase } from '../sampler-case.js';
import { eulerMaruyamaCases } from './euler-maruyama.js';

/** Every sampler of the contract suite. */
export const SAMPLER_CASES: readonly SamplerCase[] = [...eulerMaruyamaCases];
