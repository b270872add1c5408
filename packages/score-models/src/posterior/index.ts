export { covarianceMixtureScore } from './posterior-score.js';
export { covarianceMixtureTarget } from './posterior-target.js';
export { posteriorFromOptions, posteriorOptions } from './posterior-options.js';
export { posteriorScorePlugin, posteriorTargetPlugin } from './posterior-plugins.js';
