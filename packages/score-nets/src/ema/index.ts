export { type WeightEma, type WeightEmaOptions, weightEma } from './weight-ema.js';
