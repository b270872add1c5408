// The conditioning stories' measurements and exact answers.
export { type LineConditional, lineConditional } from './line-conditional.js';
export { nearestShare } from './nearest-share.js';
