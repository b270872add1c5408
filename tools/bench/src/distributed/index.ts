export { distributedBench } from './distributed-bench.js';
