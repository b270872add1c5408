import type { z } from 'zod';
import type { ConfigIssue } from '../errors/config-error.js';

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Turns zod issues into `ConfigIssue`s whose path starts at `prefix` and whose message names
 * the value that was given (zod 4 puts it in `input` when parsing with `reportInput`).
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix: string): ConfigIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    const input = (issue as { input?: unknown }).input;
    const got = issue.code === 'unrecognized_keys' ? '' : `, got ${show(input)}`;
    return { path, message: `${issue.message}${got}` };
  });
}
