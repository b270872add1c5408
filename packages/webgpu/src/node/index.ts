export { nodeGpu } from './node-gpu.js';
export { acquireNodeGpu } from './acquire-node-gpu.js';
