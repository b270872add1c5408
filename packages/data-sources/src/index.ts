export type { BatchRange } from './batching/batch-range.js';
export { type EmitBatchesOptions, type LabelledFill, type PositionFill, emitBatches } from './batching/emit-batches.js';
export { cumulativeWeights, pickComponent } from './gaussian-mixture/component-picker.js';
export { gaussianMixtureSource } from './gaussian-mixture/gaussian-mixture-source.js';
export { gaussianMixturePlugin } from './gaussian-mixture/gaussian-mixture-plugin.js';
export { type GaussianSourceOptions, gaussianSource } from './gaussian/gaussian-source.js';
export { gaussianOptions, gaussianPlugin } from './gaussian/gaussian-plugin.js';
export { priorSource } from './prior/prior-source.js';
export { priorPlugin } from './prior/prior-plugin.js';
export { checkedAgainstRunDim } from './run-dim.js';
export { dataSourcePlugins } from './plugins.js';
export { type DensitySource, hasDensity } from './toy/density-source.js';
export { toyPlugins } from './toy/toy-plugins.js';
export { bananaSource } from './toy/banana/banana-source.js';
export { bananaOptions, bananaPlugin } from './toy/banana/banana-plugin.js';
export { type CheckerboardOptions, type CheckerboardParameters, checkerboardDensity } from './toy/checkerboard/checkerboard-density.js';
export { checkerboardSource } from './toy/checkerboard/checkerboard-source.js';
export { checkerboardOptions, checkerboardPlugin } from './toy/checkerboard/checkerboard-plugin.js';
export { CIRCLES_DEFAULTS, type CirclesOptions, circlesSource } from './toy/circles/circles-source.js';
export { circlesOptions, circlesPlugin } from './toy/circles/circles-plugin.js';
export { donutSource } from './toy/donut/donut-source.js';
export { donutOptions, donutPlugin } from './toy/donut/donut-plugin.js';
export { funnelSource } from './toy/funnel/funnel-source.js';
export { funnelOptions, funnelPlugin } from './toy/funnel/funnel-plugin.js';
export { mixtureDensity } from './toy/mixtures/mixture-density.js';
export {
  EIGHT_GAUSSIANS_DEFAULTS,
  type EightGaussiansOptions,
  type EightGaussiansParameters,
  eightGaussiansSource,
} from './toy/mixtures/eight-gaussians-source.js';
export { eightGaussiansOptions, eightGaussiansPlugin } from './toy/mixtures/eight-gaussians-plugin.js';
export {
  TWENTY_FIVE_GAUSSIANS_DEFAULTS,
  type TwentyFiveGaussiansOptions,
  type TwentyFiveGaussiansParameters,
  twentyFiveGaussiansSource,
} from './toy/mixtures/twenty-five-gaussians-source.js';
export { twentyFiveGaussiansOptions, twentyFiveGaussiansPlugin } from './toy/mixtures/twenty-five-gaussians-plugin.js';
export { PINWHEEL_DEFAULTS, type PinwheelOptions, pinwheelSource } from './toy/pinwheel/pinwheel-source.js';
export { pinwheelOptions, pinwheelPlugin } from './toy/pinwheel/pinwheel-plugin.js';
export { SWISS_ROLL_DEFAULTS, type SwissRollOptions, swissRollSource } from './toy/swiss-roll/swiss-roll-source.js';
export { swissRollOptions, swissRollPlugin } from './toy/swiss-roll/swiss-roll-plugin.js';
export { TWO_MOONS_PRESETS, type TwoMoonsPreset } from './toy/two-moons/two-moons-presets.js';
export { type TwoMoonsOptions, twoMoonsSource } from './toy/two-moons/two-moons-source.js';
export { twoMoonsOptions, twoMoonsPlugin } from './toy/two-moons/two-moons-plugin.js';
export { TWO_SPIRALS_DEFAULTS, type TwoSpiralsOptions, twoSpiralsSource } from './toy/two-spirals/two-spirals-source.js';
export { twoSpiralsOptions, twoSpiralsPlugin } from './toy/two-spirals/two-spirals-plugin.js';
