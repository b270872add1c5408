import { ScoreflowError } from '../errors/scoreflow-error.js';

/** A stage received something that is not a particle batch (see `checkParticleBatch`). */
export class ParticleBatchError extends ScoreflowError {}
