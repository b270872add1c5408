import type { Domain } from '../context.js';
import { extentOf, unionOf } from '../frame/domains.js';

/**
 * Axis domains for 2-D samples: the union of each sample's range between its 0.1% and 99.9%
 * quantiles, padded by 8%, unless the figure sets them. (The frame then widens one of them for
 * an equal aspect.)
 */
export function domainsOf(samples: readonly Float32Array[], dim: number, given: { xDomain?: Domain; yDomain?: Domain }): { x: Domain; y: Domain } {
  const axis = (k: number) => unionOf(...samples.map((sample) => extentOf(sample, dim, k, 0.001, 0.08))) ?? [-1, 1];
  return { x: given.xDomain ?? axis(0), y: given.yDomain ?? axis(1) };
}
