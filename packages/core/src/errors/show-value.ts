/** Longest quoted value in a message, in characters, before it is shortened with `…`. */
export const SHOWN_VALUE_LENGTH = 60;

const NON_FINITE = '\u0000non-finite:';

/**
 * A value as messages quote it after `got`: JSON (strings in double quotes), except that
 * non-finite numbers read `Infinity`, `-Infinity` and `NaN` (JSON would say `null`), `undefined`
 * reads `nothing`, and anything longer than `max` characters is cut to its first `max` and `…`.
 *
 * @example
 * showValue(Infinity);           // 'Infinity'
 * showValue({ g: -Infinity });   // '{"g":-Infinity}'
 * showValue('x'.repeat(1e6));    // '"xxxx…' (61 characters)
 */
export function showValue(value: unknown, max = SHOWN_VALUE_LENGTH): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text =
      JSON.stringify(value, (_key, item: unknown) => {
        if (typeof item === 'number' && !Number.isFinite(item)) return `${NON_FINITE}${item}`;
        if (typeof item === 'bigint') return `${NON_FINITE}${item}`;
        return item;
      })?.replace(/"\\u0000non-finite:([^"]*)"/g, '$1') ?? String(value);
  } catch {
    text = plainText(value); // a cycle, or nesting too deep for JSON.stringify
  }
  return shorten(text, max);
}

/** `String(value)`, or `…` where even that fails (nesting too deep). */
function plainText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '…';
  }
}

/** `text` cut to its first `max` characters and `…` when it is longer. */
export function shorten(text: string, max = SHOWN_VALUE_LENGTH): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
