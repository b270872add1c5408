export { FLOW_OBJECTIVES, type FlowObjective, OBJECTIVES, type Objective, type ObjectiveRecipe, objectiveRecipe } from './flow-objective.js';
export { type FlowBatch, type FlowDraw, drawFlowBatch } from './draw-flow-batch.js';
export { flowLoss } from './flow-loss.js';
export { type FlowTrainerOptions, createFlowTrainer } from './flow-trainer.js';
export { networkVelocity } from './network-velocity.js';
export { reflowPairs } from './reflow-pairs.js';
