export { type Assignment, exactAssignment } from './exact-assignment.js';
export { type SinkhornOptions, type SinkhornPlan, sinkhorn } from './sinkhorn.js';
export { type PlanPairs, samplePlan } from './sample-plan.js';
export { squaredCosts } from './squared-costs.js';
export { COUPLING_METHODS, type Coupling, minibatchCoupling } from './minibatch-coupling.js';
export { type Gaussian2, gaussianW2Squared } from './gaussian-w2.js';
