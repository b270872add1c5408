export { type SnapshotSchedule, type StepLoop, type StepRun, runSteps } from './run-steps.js';
export { firstNonFinite } from './first-non-finite.js';
export { yieldToEventLoop } from './yield-to-event-loop.js';
export { finalSnapshots, isFinal, markFinal } from './final-snapshot.js';
export { type CooperativeEmitter, cooperative } from './cooperative.js';
export { checkFinite } from './check-finite.js';
export { wholeSnapshots, wholeSnapshotsOf } from './whole-snapshots.js';
export { collectAll } from './collect-all.js';
export { type StageStatsSummary, type StatSummary, type StatsAccumulator, type StatsWatch, createStatsAccumulator, summariseStats, watchStats } from './summarise-stats.js';
