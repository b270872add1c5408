export * from './backend/index.js';
export * from './network/index.js';
export * from './training/index.js';
export * from './ema/index.js';
export * from './checkpoint/index.js';
export * from './session/index.js';
export * from './flow/index.js';
export * from './classifier/index.js';
