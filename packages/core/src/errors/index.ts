export { ScoreflowError, isScoreflowError } from './scoreflow-error.js';
export { ConfigError, type ConfigIssue, isConfigError } from './config-error.js';
export { DuplicatePluginError, UnknownPluginError } from './plugin-errors.js';
export { NonFiniteError, type NonFiniteProducer } from './non-finite-error.js';
export { DimensionError } from './dimension-error.js';
export { SHOWN_VALUE_LENGTH, showValue, shorten } from './show-value.js';
export { didYouMean, nearestName } from './nearest-name.js';
