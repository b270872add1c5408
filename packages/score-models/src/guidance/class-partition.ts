import type { GaussianMixture } from '@scoreflow/core';

/**
 * Which class each component of a Gaussian mixture belongs to: the mixture is
 * p(x) = sum_y p(y) p(x | y), with p(y) = sum_{k in y} w_k and p(x | y) the mixture of class y's
 * components (weights w_k / p(y)). By default every component is its own class (the `label` the
 * gaussian-mixture data source writes is the component index).
 */
export interface ClassPartition {
  /** Number of classes C (labels 0 .. C - 1). */
  readonly classes: number;
  /** classOf[k]: the class of component k. */
  readonly classOf: Int32Array;
}

/**
 * The class partition of `mixture`: `classOf[k]` is the class of component k (default: k). Every
 * label 0 .. C - 1 must own a component. Throws a `RangeError` naming `fn` and `classes`.
 *
 * @example
 * classPartition(MIXTURE_PRESETS['eight-gaussians'](), [0, 0, 0, 0, 1, 1, 1, 1]); // two classes
 */
export function classPartition(mixture: GaussianMixture, classOf?: ArrayLike<number>, fn = 'classPartition'): ClassPartition {
  const { components } = mixture;
  if (classOf === undefined) return { classes: components, classOf: Int32Array.from({ length: components }, (_, k) => k) };
  if (classOf.length !== components) {
    throw new RangeError(`${fn}: classes must give one class per component (${components}), got ${classOf.length}.`);
  }
  const labels = Int32Array.from(classOf);
  if (!Array.from(classOf).every((label) => Number.isInteger(label) && label >= 0)) {
    throw new RangeError(`${fn}: classes must be integers >= 0, got [${Array.from(classOf).join(', ')}].`);
  }
  const classes = Math.max(...labels) + 1;
  for (let y = 0; y < classes; y++) {
    if (!labels.includes(y)) throw new RangeError(`${fn}: classes must use every label 0 .. ${classes - 1}; no component has class ${y}.`);
  }
  return { classes, classOf: labels };
}

/** Throws a `RangeError` naming `fn` unless `label` is a class of `partition`. */
export function checkLabel(partition: ClassPartition, label: number, fn: string): void {
  if (!(Number.isInteger(label) && label >= 0 && label < partition.classes)) {
    throw new RangeError(`${fn}: label must be an integer in 0 .. ${partition.classes - 1}, got ${label}.`);
  }
}

/**
 * p(x | y): the mixture of class `label`'s components, weights w_k / p(y). Its diffused score is
 * the exact conditional score s_y of classifier guidance at w = 1.
 */
export function classMixture(mixture: GaussianMixture, partition: ClassPartition, label: number): GaussianMixture {
  checkLabel(partition, label, 'classMixture');
  const { dim } = mixture;
  const members = [...partition.classOf.keys()].filter((k) => partition.classOf[k] === label);
  const pick = (values: Float64Array) => Float64Array.from(members.flatMap((k) => Array.from(values.subarray(k * dim, (k + 1) * dim))));
  const weights = Float64Array.from(members, (k) => mixture.weights[k]);
  const total = weights.reduce((sum, w) => sum + w, 0);
  return { dim, components: members.length, weights: weights.map((w) => w / total), means: pick(mixture.means), stds: pick(mixture.stds) };
}
