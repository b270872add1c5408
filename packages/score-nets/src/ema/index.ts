export { EMA_DECAY, type WeightEma, type WeightEmaOptions, weightEma } from './weight-ema.js';
