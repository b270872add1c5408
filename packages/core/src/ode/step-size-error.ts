import { ScoreflowError } from '../errors/scoreflow-error.js';

/** An adaptive ODE solver's step size could not be made small enough to meet its tolerance. */
export class StepSizeError extends ScoreflowError {}
