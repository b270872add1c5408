import type { Domain } from '@scoreflow/viz';
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

/** What a renderer drew: the picture's size and, for an animation, its frame count. */
export interface RenderedFigure {
  readonly width: number;
  readonly height: number;
  readonly frames?: number;
}

/** A figure that cannot be drawn because the run produced nothing for it (e.g. stopped early). */
export class NothingToDraw extends Error {
  override readonly name = 'NothingToDraw';
}

/** `stage 1 (euler-maruyama)`, or `source` for stage 0 of an empty pipeline. */
export const stageName = (context: FigureContext, stage: number): string =>
  context.stageTypes.length === 0 ? 'source' : `stage ${stage + 1} (${context.stageTypes[stage]})`;

/** t to 3 significant digits, as titles show it. */
export const formatT = (t: number): string => String(Number(t.toPrecision(3)));

/**
 * Axis domains for 2-D samples: the union of each sample's range between its 0.1% and 99.9%
 * quantiles, padded by 8%, unless the figure sets them. (The frame then widens one of them for
 * an equal aspect.)
 */
export function domainsOf(samples: readonly Float32Array[], dim: number, given: { xDomain?: Domain; yDomain?: Domain }): { x: Domain; y: Domain } {
  const axis = (k: number) => unionOf(...samples.map((sample) => extentOf(sample, dim, k, 0.001, 0.08))) ?? [-1, 1];
  return { x: given.xDomain ?? axis(0), y: given.yDomain ?? axis(1) };
}
