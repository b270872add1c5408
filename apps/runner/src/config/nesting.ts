import { type ConfigIssue, shorten } from '@scoreflow/core';

/** Deepest nesting of maps and lists a config may have (the shipped ones need 5). */
const MAX_NESTING = 32;

/**
 * The issue of a config nested deeper than `MAX_NESTING` maps and lists, at the first place too
 * deep, or undefined. Checked without recursion, before anything recursive (the schemas, the
 * messages) sees the config.
 */
export function nestingIssue(config: unknown): ConfigIssue | undefined {
  const stack: { node: unknown; path: readonly string[] }[] = [{ node: config, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path } = item;
    if (node === null || typeof node !== 'object') continue;
    if (path.length >= MAX_NESTING) {
      return { path: path.map((key) => shorten(key, 20)).join('.'), message: `nested more than ${MAX_NESTING} maps and lists deep, got a ${Array.isArray(node) ? 'list' : 'map'} at this depth` };
    }
    for (const [key, value] of Object.entries(node)) stack.push({ node: value, path: [...path, key] });
  }
  return undefined;
}
