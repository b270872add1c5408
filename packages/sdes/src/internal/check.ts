/** Throws a RangeError naming the function and the argument unless `value` is finite and > 0. */
export function requirePositive(fn: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${fn}: ${name} must be a finite number > 0, got ${value}.`);
  }
  return value;
}

/** Throws a RangeError naming the function and the argument unless `value` is finite and >= 0. */
export function requireNonNegative(fn: string, name: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${fn}: ${name} must be a finite number >= 0, got ${value}.`);
  }
  return value;
}
