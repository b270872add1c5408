import type { FigureInput } from '@scoreflow/core';

/** The part of a figure's input that titles read: the run's stages. */
type Stages = Pick<FigureInput, 'stages'>;

/** `stage 0 (euler-maruyama)`, numbered from 0 as in the config's `pipeline.0`; `source` for an empty pipeline. */
export const stageName = (input: Stages, stage: number): string => (input.stages.length === 0 ? 'source' : `stage ${stage} (${input.stages[stage]?.type})`);

/** Whether a stage runs MCMC chains: its snapshots' step and t are both the iteration. */
export const isChainStage = (input: Stages, stage: number): boolean => input.stages[stage]?.chains === true;

/** A figure's `step` option in words: `the last step`, `step 100`, or `iteration 40` for MCMC. */
export const stepName = (input: Stages, stage: number, step: number | 'last'): string =>
  step === 'last' ? 'the last step' : `${isChainStage(input, stage) ? 'iteration' : 'step'} ${step}`;

/** t to 3 significant digits, as titles show it. */
export const formatT = (t: number): string => String(Number(t.toPrecision(3)));

/** Where a snapshot is, as titles say it: `iteration 40` for MCMC, else `step 100, t = 0.5` (or `t = 0.5`). */
export function whenOf(input: Stages, stage: number, snapshot: { readonly step: number; readonly t: number }, withStep = true): string {
  if (isChainStage(input, stage)) return `iteration ${snapshot.step}`;
  return `${withStep ? `step ${snapshot.step}, ` : ''}t = ${formatT(snapshot.t)}`;
}
