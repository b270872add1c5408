export { type DiffuseDraw, diffuse } from './diffuse.js';
export { type DiffusedSample, diffusedSample } from './diffused-sample.js';
export { type ScoreErrorAt, type ScoreErrorOptions, scoreErrorAt, scoreErrorOverTime } from './score-error.js';
