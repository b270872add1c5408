import type { Domain } from '@scoreflow/viz';
import { mcmcPlugins } from '@scoreflow/samplers';
import { extentOf, unionOf } from '@scoreflow/viz';
import type { StageMetrics } from '../pipeline/measure-stages.js';
import type { ReferenceAt } from '../pipeline/reference-sampler.js';

/** What the renderers know of the finished (or stopped) run. */
export interface FigureContext {
  readonly outDir: string;
  readonly run: string;
  readonly dim: number;
  /** The stage types, in pipeline order (empty: the source alone). */
  readonly stageTypes: readonly string[];
  /** The reference sample at time t, when the run has a reference. */
  readonly referenceAt?: ReferenceAt;
  /** Every measured snapshot. */
  readonly metrics: readonly StageMetrics[];
}

/** What a renderer drew: the picture's size, for an animation its frame count, and what to know about it. */
export interface RenderedFigure {
  readonly width: number;
  readonly height: number;
  readonly frames?: number;
  /** Something the picture does not show as one would expect (e.g. a trace of one snapshot). */
  readonly note?: string;
}

/** A figure that cannot be drawn because the run produced nothing for it (e.g. stopped early). */
export class NothingToDraw extends Error {
  override readonly name = 'NothingToDraw';
}

/** `stage 0 (euler-maruyama)`, numbered from 0 as in the config's `pipeline.0`; `source` for an empty pipeline. */
export const stageName = (context: FigureContext, stage: number): string =>
  context.stageTypes.length === 0 ? 'source' : `stage ${stage} (${context.stageTypes[stage]})`;

const CHAIN_STAGES = new Set<string>(mcmcPlugins.map((plugin) => plugin.name));

/** Whether a stage runs MCMC chains: its snapshots' step and t are both the iteration. */
export const isChainStage = (context: FigureContext, stage: number): boolean => CHAIN_STAGES.has(context.stageTypes[stage] ?? '');

/** A figure's `step` option in words: `the last step`, `step 100`, or `iteration 40` for MCMC. */
export const stepName = (context: FigureContext, stage: number, step: number | 'last'): string =>
  step === 'last' ? 'the last step' : `${isChainStage(context, stage) ? 'iteration' : 'step'} ${step}`;

/** t to 3 significant digits, as titles show it. */
export const formatT = (t: number): string => String(Number(t.toPrecision(3)));

/** Where a snapshot is, as titles say it: `iteration 40` for MCMC, else `step 100, t = 0.5` (or `t = 0.5`). */
export function whenOf(context: FigureContext, stage: number, snapshot: { readonly step: number; readonly t: number }, withStep = true): string {
  if (isChainStage(context, stage)) return `iteration ${snapshot.step}`;
  return `${withStep ? `step ${snapshot.step}, ` : ''}t = ${formatT(snapshot.t)}`;
}

/**
 * Axis domains for 2-D samples: the union of each sample's range between its 0.1% and 99.9%
 * quantiles, padded by 8%, unless the figure sets them. (The frame then widens one of them for
 * an equal aspect.)
 */
export function domainsOf(samples: readonly Float32Array[], dim: number, given: { xDomain?: Domain; yDomain?: Domain }): { x: Domain; y: Domain } {
  const axis = (k: number) => unionOf(...samples.map((sample) => extentOf(sample, dim, k, 0.001, 0.08))) ?? [-1, 1];
  return { x: given.xDomain ?? axis(0), y: given.yDomain ?? axis(1) };
}
