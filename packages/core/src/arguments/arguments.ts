import { showValue } from '../errors/show-value.js';

/*
 * Argument checks of plain functions (tfjs's "Argument 'a' passed to 'add' must be ..."): each
 * returns the value, or throws a RangeError that names the function, the argument, what is
 * allowed and what was given, e.g. "banana: 'b' must be a finite number, got NaN.".
 */

/** `value` if it is a finite number > 0 (>= 0 when `orZero`). */
export function positiveArgument(fn: string, name: string, value: number, orZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !orZero)) {
    throw new RangeError(`${fn}: '${name}' must be a finite number ${orZero ? '>= 0' : '> 0'}, got ${showValue(value)}.`);
  }
  return value;
}

/** `value` if it is a finite number. */
export function finiteArgument(fn: string, name: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: '${name}' must be a finite number, got ${showValue(value)}.`);
  return value;
}

/** `value` if it is a safe integer >= `min`. */
export function integerArgument(fn: string, name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${fn}: '${name}' must be an integer >= ${min}, got ${showValue(value)}.`);
  return value;
}
