import { describe, expect, it } from 'vitest';
import { finiteArgument, integerArgument, positiveArgument } from './arguments.js';

describe('argument checks', () => {
  it('positiveArgument(fn, name, value, orZero) returns a finite value > 0 (>= 0 with orZero) and names the function and argument otherwise', () => {
    expect(positiveArgument('banana', 'a', 2)).toBe(2);
    expect(positiveArgument('banana', 'a', 0, true)).toBe(0);
    expect(() => positiveArgument('banana', 'a', 0)).toThrow("banana: 'a' must be a finite number > 0, got 0.");
    expect(() => positiveArgument('banana', 'a', -1, true)).toThrow("banana: 'a' must be a finite number >= 0, got -1.");
    expect(() => positiveArgument('banana', 'a', Infinity)).toThrow("banana: 'a' must be a finite number > 0, got Infinity.");
  });

  it('finiteArgument(fn, name, value) rejects NaN and infinities', () => {
    expect(finiteArgument('squiggle', 'b', -3)).toBe(-3);
    expect(() => finiteArgument('squiggle', 'b', NaN)).toThrow("squiggle: 'b' must be a finite number, got NaN.");
  });

  it('integerArgument(fn, name, value, min) wants a safe integer >= min', () => {
    expect(integerArgument('pinwheel', 'arms', 5, 1)).toBe(5);
    expect(() => integerArgument('pinwheel', 'arms', 0.5, 1)).toThrow("pinwheel: 'arms' must be an integer >= 1, got 0.5.");
    expect(() => integerArgument('pinwheel', 'arms', 2 ** 60, 1)).toThrow(/must be an integer >= 1, got 1152921504606847000\./);
  });
});
