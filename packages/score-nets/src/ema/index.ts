export { type WeightEma, weightEma } from './weight-ema.js';
