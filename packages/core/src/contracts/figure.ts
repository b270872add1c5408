/**
 * The particles with ids 0 .. n - 1 of one snapshot of a stage, as a figure receives them: row i
 * is particle i (NaN where it never came, e.g. a run stopped mid-step).
 */
export interface FigureSnapshot {
  readonly step: number;
  readonly t: number;
  readonly dim: number;
  /** Row-major (n * dim). */
  readonly positions: Float32Array;
  /** Present when the batches carry labels. */
  readonly labels?: Int32Array;
  /** Rows filled. */
  readonly count: number;
}

/** The metric values of one measured snapshot of one stage (as `metrics.json` lists them). */
export interface MeasuredSnapshot {
  readonly stage: number;
  readonly step: number;
  readonly t: number;
  /** Particles measured. */
  readonly n: number;
  readonly values: Readonly<Record<string, number>>;
}

/** The spread of one metric value between two exact samples: mean and standard deviation over pairs. */
export interface FloorValue {
  readonly mean: number;
  readonly sd: number;
}

/**
 * The noise floor of a run's metrics: at each point (a time t and the measured size n there), what
 * every metric value reports between two independent exact samples, over `pairs` pairs.
 */
export interface NoiseFloor {
  (points: readonly { readonly t: number; readonly n: number }[], pairs: number): Promise<Record<string, FloorValue>[]>;
  /** Whether the reference changes with t (an SDE pushes it); if not, one point says it all. */
  readonly dependsOnT: boolean;
}

/**
 * What a figure asks of a run. The run collects it from the stream and hands it over in
 * `FigureInput`; what it cannot give (no reference, no metrics, too few coordinates) is a
 * config error at the figure's path before anything runs.
 */
export interface FigureNeeds {
  /** The particles 0 .. particles - 1 of a stage's snapshots: every one, the last step, or one step. */
  readonly snapshots?: { readonly stage: number; readonly particles: number; readonly steps: 'all' | 'last' | number };
  /** The reference sample at a time t (`FigureInput.referenceAt`). */
  readonly reference?: boolean;
  /** The measured snapshots (`FigureInput.metrics`). */
  readonly metrics?: boolean;
  /** The metrics' noise floor (`FigureInput.noiseFloor`). */
  readonly noiseFloor?: boolean;
  /** At least two coordinates: the figure draws x1 against x2. */
  readonly planar?: boolean;
}

/** A stage as a figure names it: its type, and whether its particles are MCMC chains (t and step are the iteration). */
export interface FigureStage {
  readonly type: string;
  readonly chains: boolean;
}

/** What a figure draws from: the run's description and what its `needs` asked for. */
export interface FigureInput {
  /** The run's name, the start of default titles. */
  readonly run: string;
  readonly dim: number;
  /** The stages, in pipeline order (empty: the source alone). */
  readonly stages: readonly FigureStage[];
  /** The snapshots asked for, by ascending step (empty when none was finished). */
  readonly snapshots: readonly FigureSnapshot[];
  /** Every measured snapshot. */
  readonly metrics: readonly MeasuredSnapshot[];
  /** The reference sample at time t, when the run has a reference. */
  readonly referenceAt?: (t: number) => Float32Array;
  /** The metrics' noise floor, when asked for and the run can compute it. */
  readonly noiseFloor?: NoiseFloor;
}

/**
 * A canvas as browsers and @napi-rs/canvas both have it. The figure reads its 2-D context through
 * the drawing library's own type (`@scoreflow/viz`'s `Context2D`).
 */
export interface FigureCanvas {
  readonly width: number;
  readonly height: number;
  getContext(contextId: '2d'): unknown;
}

/** What a figure drew: one canvas for a still picture, the frames of an animation, and what to know about it. */
export interface DrawnFigure {
  /** One canvas (PNG) or the frames (GIF), all of one size. */
  readonly canvases: readonly FigureCanvas[];
  /** Milliseconds per frame and for the last frame, for an animation. */
  readonly delay?: number;
  readonly lastDelay?: number;
  /** Something the picture does not show as one would expect (e.g. a trace of one snapshot). */
  readonly note?: string;
}

/**
 * A figure (plugin kind `figure`): one config entry of `figures`, drawn from what a run hands over.
 * The runner writes it to `file`; a gallery story draws it in the page. `draw` throws
 * `NothingToDraw` when the run produced nothing for it (e.g. stopped before its stage).
 */
export interface Figure {
  /** Its type, as the config names it (`snapshot`, `trace`, ...). */
  readonly name: string;
  /** File written in the output folder: `.png` for one canvas, `.gif` for frames. */
  readonly file: string;
  readonly needs: FigureNeeds;
  /** What the figure shows when its stage emits only one snapshot (a warning names it), if that misleads. */
  readonly oneSnapshot?: string;
  /** Draws on canvases made by `canvas(width, height)` (white, the font registered). */
  draw(input: FigureInput, canvas: (width: number, height: number) => FigureCanvas): Promise<DrawnFigure>;
}
