export { DORMAND_PRINCE, type OdeVector, combineStages } from './dormand-prince.js';
export { type OdeDerivative } from './ode-derivative.js';
export { errorNorm } from './error-norm.js';
export { initialStep } from './initial-step.js';
export { type Rk45Settings, type Rk45Solver, rk45Solver } from './rk45-solver.js';
export { StepSizeError } from './step-size-error.js';
