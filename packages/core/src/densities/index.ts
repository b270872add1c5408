export type { Density } from './density.js';
export { type PlanePoint, planeDensity } from './plane-density.js';
export { erf, erfc } from './erf.js';
export { BANANA_DEFAULTS, type BananaOptions, type BananaParameters, banana } from './banana.js';
export { DONUT_DEFAULTS, type DonutOptions, type DonutParameters, donut, donutNormaliser } from './donut.js';
export { FUNNEL_DEFAULTS, type FunnelOptions, type FunnelParameters, funnel } from './funnel.js';
export { SQUIGGLE_DEFAULTS, type SquiggleOptions, type SquiggleParameters, squiggle } from './squiggle.js';
export { RING_DEFAULTS, type RingMixtureOptions, type RingMixtureParameters, ringMixture } from './ring-mixture.js';
export {
  SEPARATED_MODES_DEFAULTS,
  type SeparatedModesOptions,
  type SeparatedModesParameters,
  separatedModesMixture,
} from './separated-modes.js';
export { bananaOptionsSchema, donutOptionsSchema, funnelOptionsSchema } from './density-options.js';
