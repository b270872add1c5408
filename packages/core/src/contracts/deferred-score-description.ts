import type { ScoreDescription } from './accelerator.js';

/**
 * A score description whose weights load later: what a score network is, known without reading a
 * weight (its kind and dimension, e.g. from a checkpoint's model.json), and `load()` for the full
 * description. A score model returns it from `describe()` when describing itself fully would load
 * its weights (score-nets' `network` plugin); a device checks `expected` when the stage is built
 * and awaits `load()` on the first batch, as it awaits the device.
 */
export interface DeferredScoreDescription {
  readonly kind: 'deferred';
  /** What `load()` will describe, known now: its kind (`mlp`) and the dimension of x. */
  readonly expected: { readonly kind: 'mlp'; readonly dim: number };
  /**
   * The config path that problems found on loading are reported at (`pipeline.0.score.checkpoint`):
   * `load()`'s own `ConfigError`s, and what a device finds wrong in the loaded description.
   */
  readonly path: string;
  /** The full description; loads once (every call shares the promise), rejecting with a `ConfigError` at `path`. */
  load(): Promise<ScoreDescription>;
}
