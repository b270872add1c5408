import { ScoreflowError } from './scoreflow-error.js';

/** What produced the non-finite position: a pipeline stage, or the data source the run starts from. */
export type NonFiniteProducer = 'stage' | 'source';

/**
 * A particle became NaN or infinite. Names the stage (or the source), the step and the time
 * where it happened.
 */
export class NonFiniteError extends ScoreflowError {
  constructor(
    readonly stage: string,
    readonly step: number,
    readonly t: number,
    readonly particleId: number,
    readonly producer: NonFiniteProducer = 'stage',
  ) {
    super(
      `${producer === 'source' ? 'Source' : 'Stage'} '${stage}' produced a non-finite position (NaN or infinity) at step ${step}, t = ${t}, ` +
        `particle id ${particleId}. ` +
        (producer === 'source'
          ? "Check the source's options (a prior's scale comes from the SDE: g and T)."
          : 'Try more steps, a smaller step size or check the score model.'),
    );
  }
}
