import type { OperatorFunction } from 'rxjs';
import type { ParticleBatch } from '../batch/particle-batch.js';

/** A pipeline stage: a sampler, a forward diffusion, any map from particle batches to particle batches. */
export type Stage = OperatorFunction<ParticleBatch, ParticleBatch>;
