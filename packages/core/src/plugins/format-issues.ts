import type { z } from 'zod';
import type { ConfigIssue } from '../errors/config-error.js';
import { didYouMean } from '../errors/nearest-name.js';
import { showValue } from '../errors/show-value.js';
import { objectKeysAt } from './schema-keys.js';

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

const own = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;

/** zod's message less what `got` says better: its "Invalid input: " prefix and ", received TYPE". */
const plain = (message: string): string => message.replace(/^Invalid (input|option): /, '').replace(/, received \w+$/, '');

/** One issue per unknown field, each with the nearest known name or the list of known names. */
function unknownKeys(issue: Issue & { readonly keys: readonly string[] }, path: string, known: readonly string[]): ConfigIssue[] {
  return issue.keys.map((key) => {
    const hint = didYouMean(key, known) || (known.length > 0 ? ` (known: ${known.join(', ')})` : '');
    return { path, message: `Unrecognized key: ${showValue(key)}${hint}, got ${showValue(own(issue.input, key))}` };
  });
}

/**
 * Turns zod issues into `ConfigIssue`s whose path starts at `prefix` and whose message ends with
 * the value that was given, `got VALUE` (zod 4 puts it in `input` when parsing with `reportInput`;
 * see `showValue`). Unknown fields become one issue each, at the object's path, with the nearest
 * field name of `schema` ("did you mean 'snapshotEvery'?") or the list of known names; a value
 * outside an enum gets the nearest allowed value.
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix: string, schema?: z.core.$ZodType): ConfigIssue[] {
  return (issues as readonly Issue[]).flatMap((issue): ConfigIssue[] => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    if (issue.code === 'unrecognized_keys') return unknownKeys(issue, path, schema === undefined ? [] : objectKeysAt(schema, issue.path));
    const input = issue.input;
    const hint = issue.code === 'invalid_value' && typeof input === 'string' ? didYouMean(input, issue.values.filter((value) => typeof value === 'string')) : '';
    const required = issue.code === 'invalid_type' && input === undefined;
    return [{ path, message: `${required ? 'required: ' : ''}${plain(issue.message)}${hint}, got ${showValue(input)}` }];
  });
}
