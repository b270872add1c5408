export { type Shard, planShards } from './plan-shards.js';
