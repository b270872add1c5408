export { PHILOX_WGSL } from './philox-wgsl.js';
