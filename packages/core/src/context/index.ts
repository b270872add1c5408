export { type Logger, silentLogger } from './logger.js';
export { DEFAULT_BATCH_SIZE, type RunContext, type RunContextInit, createRunContext } from './run-context.js';
export { type Dimensioned, checkRunDim, requireSde } from './plugin-requirements.js';
