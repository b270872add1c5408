import { SHOWN_VALUE_LENGTH, shorten } from '@scoreflow/core';

/**
 * `got 'text'`, for a message that quotes a cell: a cell longer than 60 characters is cut to its
 * first 60 and `…`, and its length is given (a 1 MB cell is never echoed whole).
 *
 * @example
 * gotCell('abc');             // "got 'abc'"
 * gotCell('x'.repeat(1e6));   // "got 'xxx…' (1000000 characters)"
 */
export function gotCell(text: string): string {
  return `got '${shorten(text)}'${text.length > SHOWN_VALUE_LENGTH ? ` (${text.length} characters)` : ''}`;
}

/**
 * Why a value cannot be a coordinate of a particle, or undefined when it can: a finite number
 * that is also finite as a Float32. `text` is the cell as written, for the message.
 */
export function coordinateProblem(value: number, text = String(value)): string | undefined {
  if (Number.isNaN(value)) return `NaN cell: coordinates must be finite numbers, ${gotCell(text)}`;
  if (!Number.isFinite(value)) return `infinite cell: coordinates must be finite numbers, ${gotCell(text)}`;
  if (!Number.isFinite(Math.fround(value))) return `cell outside the Float32 range (about ±3.4e38), ${gotCell(text)}`;
  return undefined;
}

/**
 * Parses a text cell as a coordinate the way JavaScript's `Number` does (surrounding spaces
 * allowed, `1e-3`, `-0.5`), and returns the number, or the problem as a string: an empty
 * cell, a non-numeric cell, a NaN or infinite cell, or one outside the Float32 range.
 *
 * @example
 * parseCoordinate(' 1.5 '); // 1.5
 * parseCoordinate('abc');   // "non-numeric cell: expected a number, got 'abc'"
 */
export function parseCoordinate(text: string): number | string {
  const value = Number(text);
  if (Number.isNaN(value)) {
    if (/^\s*[+-]?nan\s*$/i.test(text)) return coordinateProblem(value, text) as string;
    return text.trim() === '' ? 'empty cell: expected a number' : `non-numeric cell: expected a number, ${gotCell(text)}`;
  }
  if (text.trim() === '') return 'empty cell: expected a number';
  return coordinateProblem(value, text) ?? value;
}

/**
 * Parses a text cell as a class label: an integer in the Int32 range. Returns the label, or
 * the problem as a string.
 *
 * @example
 * parseLabel('3');   // 3
 * parseLabel('cat'); // "label cell: expected an integer, got 'cat'"
 */
export function parseLabel(text: string): number | string {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return labelProblem(value, text) ?? value;
}

/** Why `value` cannot be a label (an integer in the Int32 range), or undefined when it can. */
export function labelProblem(value: number, text = String(value)): string | undefined {
  if (!Number.isInteger(value)) return `label cell: expected an integer, ${gotCell(text)}`;
  if (value < -2147483648 || value > 2147483647) return `label cell outside the Int32 range, ${gotCell(text)}`;
  return undefined;
}
