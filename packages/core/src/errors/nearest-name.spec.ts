import { describe, expect, it } from 'vitest';
import { didYouMean, nearestName } from './nearest-name.js';

describe('nearestName(given, names)', () => {
  it('finds the name a typo was meant to be: a letter missing, swapped or in the wrong case', () => {
    expect(nearestName('geometrc', ['uniform', 'geometric', 'karras'])).toBe('geometric');
    expect(nearestName('snapshotEvry', ['steps', 'snapshotEvery', 'tEnd'])).toBe('snapshotEvery');
    expect(nearestName('valeu', ['value', 'mode'])).toBe('value');
    expect(nearestName('Uniform', ['uniform'])).toBe('uniform');
  });

  it('suggests nothing for names far from all, or for an exact match', () => {
    expect(nearestName('log', ['uniform', 'geometric', 'karras'])).toBeUndefined();
    expect(nearestName('x'.repeat(100_000), ['uniform'])).toBeUndefined();
    expect(nearestName('uniform', ['uniform'])).toBeUndefined();
    expect(didYouMean('karas', ['karras'])).toBe(" (did you mean 'karras'?)");
    expect(didYouMean('zzz', ['karras'])).toBe('');
  });
});
