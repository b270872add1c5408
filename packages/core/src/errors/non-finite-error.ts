import { ScoreflowError } from './scoreflow-error.js';

/** A particle became NaN or infinite. Names the stage, the step and the time where it happened. */
export class NonFiniteError extends ScoreflowError {
  constructor(
    readonly stage: string,
    readonly step: number,
    readonly t: number,
    readonly particleId: number,
  ) {
    super(
      `Stage '${stage}' produced a non-finite position (NaN or infinity) at step ${step}, t = ${t}, ` +
        `particle id ${particleId}. Try more steps, a smaller step size or check the score model.`,
    );
  }
}
