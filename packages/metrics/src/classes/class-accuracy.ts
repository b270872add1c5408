import { type FeatureNetwork, classify } from '../frechet/feature-network.js';

/**
 * The fraction of the images `x` (n x dim, row-major) that `network` assigns to the class they
 * were meant to show: `labels` holds one class per row, or one class for every row (the label a
 * class-conditional sample was generated with). This is the class-conditional accuracy of guided
 * samples (Ho & Salimans 2022 report it beside FID; diffusers users read it the same way): a
 * classifier trained on real images stands in for a human judge, so the real images' own accuracy
 * (`network.testAccuracy`, 0.8712 for the shipped classifier) is the ceiling to read it against,
 * and 1 / classes is what samples that ignore their label score.
 */
export function classAccuracy(network: FeatureNetwork, x: Float32Array, dim: number, labels: Int32Array | number): number {
  const predicted = classify(network, x, dim);
  const n = predicted.length;
  if (n === 0) throw new RangeError('classAccuracy: x holds no rows.');
  if (typeof labels !== 'number' && labels.length !== n) throw new RangeError(`classAccuracy: labels holds ${labels.length} classes for ${n} rows of x.`);
  let hits = 0;
  for (let i = 0; i < n; i++) if (predicted[i] === (typeof labels === 'number' ? labels : labels[i])) hits++;
  return hits / n;
}
