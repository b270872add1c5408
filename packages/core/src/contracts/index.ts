export type { Marginal, Sde } from './sde.js';
export type { ScoreModel } from './score-model.js';
export type { Stage, StageDescription, StageKind, StagePlan, StageStatName, StageStats } from './stage.js';
export { type StatsReport, describeStage } from './describe-stage.js';
export { type DataSource, type DataSourceDescription, describeSource } from './data-source.js';
export type { Metric, MetricValues } from './metric.js';
export type { TimeGrid } from './time-grid.js';
export { sigmaOf, timeOfSigma } from './noise-level.js';
export type { Target } from './target.js';
