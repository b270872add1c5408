import { isAbsolute, resolve } from 'node:path';

/** Options that name files or folders: relative values are resolved against the config file's folder. */
export const FILE_OPTIONS: ReadonlySet<string> = new Set(['path', 'checkpoint']);

/**
 * Resolves every relative `path` and `checkpoint` option (`FILE_OPTIONS`) of a parsed config (file data sources, checkpoints)
 * against `folder`, the config file's folder: a config names its files relative to itself, as
 * tsconfig and docker-compose do, and works from any working directory.
 */
export function resolvePaths(config: unknown, folder: string): unknown {
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    for (const key of FILE_OPTIONS) {
      const value = Object.hasOwn(record, key) ? record[key] : undefined;
      if (typeof value === 'string' && !isAbsolute(value)) record[key] = resolve(folder, value);
    }
    Object.values(record).forEach(visit);
  };
  visit(config);
  return config;
}
