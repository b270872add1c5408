/**
 * Argument checks of the toy sources: each returns the value, or throws a RangeError that names
 * the function, the argument, what is allowed and what was given.
 */

/** `value` if it is a finite number > 0 (>= 0 when `orZero`). */
export function positiveArgument(fn: string, name: string, value: number, orZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !orZero)) {
    throw new RangeError(`${fn}: '${name}' must be a finite number ${orZero ? '>= 0' : '> 0'}, got ${value}.`);
  }
  return value;
}

/** `value` if it is a finite number. */
export function finiteArgument(fn: string, name: string, value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: '${name}' must be a finite number, got ${value}.`);
  return value;
}

/** `value` if it is an integer >= `min`. */
export function integerArgument(fn: string, name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${fn}: '${name}' must be an integer >= ${min}, got ${value}.`);
  return value;
}
