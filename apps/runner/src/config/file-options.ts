import { isAbsolute, resolve } from 'node:path';

/** Options that name files or folders: relative values are resolved against the config file's folder. */
export const FILE_OPTIONS: ReadonlySet<string> = new Set(['path', 'checkpoint']);

/**
 * Resolves every relative `path` and `checkpoint` option (`FILE_OPTIONS`) of a parsed config (file data sources, checkpoints)
 * against `folder`, the config file's folder: a config names its files relative to itself, as
 * tsconfig and docker-compose do, and works from any working directory.
 */
export function resolvePaths(config: unknown, folder: string): unknown {
  // Iterative: a config nested deeper than the stack is refused later (see `tooDeep`), not here.
  const seen = new Set<object>();
  const stack: unknown[] = [config];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of FILE_OPTIONS) {
      const value = Object.hasOwn(record, key) ? record[key] : undefined;
      if (typeof value === 'string' && !isAbsolute(value)) record[key] = resolve(folder, value);
    }
    stack.push(...Object.values(record));
  }
  return config;
}
