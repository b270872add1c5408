export { type ClassPartition, checkLabel, classMixture, classPartition } from './class-partition.js';
export { type MixtureClassifier, type MixtureClassifierOptions, mixtureClassifier } from './mixture-classifier.js';
export { mixtureClassifierScore } from './classifier-score.js';
export { classifierFreeGuided, classifierGuided } from './guidance-formulas.js';
export { classifierFreeGuidance, classifierGuidance } from './guided-scores.js';
export { mixtureClassifierPlugin } from './mixture-classifier-plugin.js';
export { classifierGuidancePlugin } from './classifier-guidance-plugin.js';
export { classifierFreeGuidancePlugin } from './classifier-free-guidance-plugin.js';
