export { mixtureScore } from './mixture/mixture-score.js';
export { mixtureGradLogDensity, mixtureLogDensity } from './mixture/mixture-density.js';
export { gaussianMixturePlugin, scoreModelPlugins } from './plugins.js';
