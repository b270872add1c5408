export { CONDITIONS, PARTICLES, PER_PARTICLE, conditioningRace } from './conditioning-race.js';
