/**
 * The line `line` (1-based) of `text`, numbered, and a caret under `column` (1-based): how a
 * parse error shows where it is.
 *
 * @example
 * sourceExcerpt('a: 1\nb: [\n', 2, 4);
 * // '    2 | b: [\n      |    ^'
 */
export function sourceExcerpt(text: string, line: number, column: number, maxWidth = 120): string {
  const source = (text.split(/\r?\n/)[line - 1] ?? '').replace(/\t/g, ' ');
  // Long lines: a window around the column.
  const start = Math.max(0, Math.min(column - 1 - Math.floor(maxWidth / 2), source.length - maxWidth));
  const shown = `${start > 0 ? '…' : ''}${source.slice(start, start + maxWidth)}${start + maxWidth < source.length ? '…' : ''}`;
  const caret = column - 1 - start + (start > 0 ? 1 : 0);
  const number = String(line);
  return `    ${number} | ${shown}\n    ${' '.repeat(number.length)} | ${' '.repeat(Math.max(0, caret))}^`;
}

/** 1-based line and column of the character at `offset` of `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
