import type { z } from 'zod';
import type { ConfigIssue } from '../errors/config-error.js';
import { formatZodIssues } from './format-issues.js';

/** What `parseAll` found. */
export interface ParseAllResult<T> {
  /** Every problem of the input, as `formatZodIssues` words them. */
  readonly issues: readonly ConfigIssue[];
  /**
   * The parsed value: the input's when it had no issues, else the input's with every offending
   * field left out (so that defaults fill them), when that parses; undefined when it does not.
   */
  readonly data?: T;
  /** Dotted paths (with the prefix) of the fields left out to get `data`. */
  readonly removed: readonly string[];
}

type Path = readonly PropertyKey[];

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Deletes the field at `path`, or the nearest enclosing object field that exists; the path deleted, if any. */
function removeField(root: unknown, path: Path): Path | undefined {
  for (let length = path.length; length > 0; length--) {
    let parent: unknown = root;
    for (const part of path.slice(0, length - 1)) parent = Array.isArray(parent) || isRecord(parent) ? (parent as Record<PropertyKey, unknown>)[part as string] : undefined;
    const key = String(path[length - 1]);
    if (isRecord(parent) && Object.hasOwn(parent, key)) {
      delete parent[key];
      return path.slice(0, length);
    }
  }
  return undefined;
}

/** The paths a zod issue blames: its own, or one per unknown key. */
const blamed = (issue: z.core.$ZodIssue): Path[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]);

/**
 * Parses `input` with `schema` and reports every issue at once; when there are some, it also
 * parses the input again without the offending fields, so that the rest can still be checked
 * (e.g. the plugins of a config with a misspelt top-level field). Issue paths start at `prefix`.
 */
export function parseAll<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): ParseAllResult<z.output<S>> {
  const first = schema.safeParse(input, { reportInput: true });
  if (first.success) return { issues: [], data: first.data, removed: [] };
  const issues = formatZodIssues(first.error.issues, prefix, schema);
  const removed: string[] = [];
  let value: unknown;
  try {
    value = structuredClone(input);
  } catch {
    return { issues, removed };
  }
  let current = first;
  for (let round = 0; round < 64; round++) {
    const deleted = current.error.issues
      .flatMap(blamed)
      .map((path) => removeField(value, path))
      .filter((path): path is Path => path !== undefined);
    if (deleted.length === 0) return { issues, removed };
    removed.push(...deleted.map((path) => [prefix, ...path.map(String)].filter((part) => part !== '').join('.')));
    const next = schema.safeParse(value);
    if (next.success) return { issues, data: next.data, removed };
    current = next;
  }
  return { issues, removed };
}

/** Whether an issue lies under (or at) one of the dotted `paths`. */
export const isUnder = (issue: ConfigIssue, paths: readonly string[]): boolean =>
  paths.some((path) => issue.path === path || issue.path.startsWith(`${path}.`));
