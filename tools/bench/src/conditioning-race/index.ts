export { CONDITIONS, PARTICLES, PER_PARTICLE, RACE_PROBLEMS, conditioningRace, raceProblem } from './conditioning-race.js';
export { BANANA_PROBLEM, bananaConditional, bananaConditions, bananaMixture } from './banana-problem.js';
export { RACE_PRIOR, RACE_SIGMA, TWO_MODE_PROBLEM, raceConditions, upperShare } from './conditions.js';
export type { Condition, RaceMixture, RaceProblem } from './race-problem.js';
