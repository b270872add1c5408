export { FLOW_PATH_NAMES, type FlowPath, type FlowPathName, type PathCoefficients, bridgePath, flowPath, lipmanPath, straightPath } from './flow-path.js';
export { type ConditionalFlowRows, conditionalFlow } from './conditional-flow.js';
