import type { DataSource } from '@scoreflow/core';
import { testLabelledSource } from './test-gaussian-source.js';

/** Two `size` x `size` grey images in [-1, 1]: a vertical bar (label 0) and a horizontal bar (label 1). */
export function barImages(size: number): [number[], number[]] {
  const vertical: number[] = [];
  const horizontal: number[] = [];
  const middle = Math.floor(size / 2);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      vertical.push(Math.abs(x - middle) <= 1 ? 1 : -1);
      horizontal.push(Math.abs(y - middle) <= 1 ? 1 : -1);
    }
  }
  return [vertical, horizontal];
}

/** Tiny labelled image data for tests: the two bar images plus N(0, sigma^2) pixel noise, labels 0 and 1 in turn. */
export const testBarImages = (size: number, sigma = 0.05): DataSource => testLabelledSource(barImages(size), sigma);
