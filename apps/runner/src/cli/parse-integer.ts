import { InvalidArgumentError } from 'commander';

/** A commander argument parser for integers >= `min`, whose error names the allowed values. */
export const parseInteger =
  (min: number) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`expected an integer >= ${min}, got '${value}'.`);
    }
    return parsed;
  };
