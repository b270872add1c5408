export { type SweepPoint, parseGrid, parseSeeds, planSweep } from './plan-sweep.js';
export { type SweepPointResult, decodeSweepResult, encodeSweepResult, runSweepPoint } from './run-sweep-point.js';
export { sweepTable } from './sweep-table.js';
