export { mixtureScore } from './mixture/mixture-score.js';
export { gaussianMixturePlugin, scoreModelPlugins } from './plugins.js';
export {
  type ClassPartition,
  type MixtureClassifier,
  type MixtureClassifierOptions,
  checkLabel,
  classMixture,
  classPartition,
  classifierFreeGuidance,
  classifierFreeGuidancePlugin,
  classifierFreeGuided,
  classifierGuidance,
  classifierGuidancePlugin,
  classifierGuided,
  mixtureClassifier,
  mixtureClassifierPlugin,
  mixtureClassifierScore,
} from './guidance/index.js';
export {
  covarianceMixtureScore,
  covarianceMixtureTarget,
  posteriorFromOptions,
  posteriorOptions,
  posteriorScorePlugin,
  posteriorTargetPlugin,
} from './posterior/index.js';
export { type EmpiricalScoreOptions, defaultChunk, empiricalScore } from './empirical/empirical-score.js';
export { empiricalOptions, empiricalPlugin } from './empirical/empirical-plugin.js';
export {
  bananaTargetPlugin,
  densityTarget,
  donutTargetPlugin,
  funnelTargetPlugin,
  gaussianMixtureTargetPlugin,
  mixtureTarget,
  ringTargetPlugin,
  separatedModesTargetPlugin,
  squiggleTargetPlugin,
  targetPlugins,
} from './targets/index.js';
export { mixtureFlow, mixtureFlowPlugin, standardNormal, velocityModelPlugins } from './flow/index.js';
