import { isAbsolute, resolve } from 'node:path';
import { FILE_OPTIONS } from '../config/file-options.js';
import type { ConfigOverrides } from '../config/overrides.js';

/** What a worker needs to run one shard of a run: the config as the coordinator read it, and the ids. */
export interface ShardWork {
  /** The config file, absolute (the same file must be at this path on every worker). */
  readonly config: string;
  readonly overrides: ConfigOverrides;
  /** The shard: particles `first .. first + count - 1`. */
  readonly first: number;
  readonly count: number;
}

/**
 * The coordinator's config path and overrides made independent of its working directory: the
 * config file absolute, and every `--set` of a file option (`path`, `checkpoint`) with a relative
 * value made absolute as the coordinator resolves it (against `INIT_CWD` or the working directory).
 */
export function portableOverrides(config: string, overrides: ConfigOverrides): { config: string; overrides: ConfigOverrides } {
  const base = process.env.INIT_CWD ?? process.cwd();
  const set = overrides.set?.map((assignment) => {
    const equals = assignment.indexOf('=');
    if (equals <= 0) return assignment;
    const path = assignment.slice(0, equals);
    const value = assignment.slice(equals + 1);
    const last = path.split('.').at(-1) ?? '';
    return FILE_OPTIONS.has(last) && value !== '' && !isAbsolute(value) && !/^[[{'"]/.test(value) ? `${path}=${resolve(base, value)}` : assignment;
  });
  const { seed, particles, batchSize } = overrides;
  return { config: resolve(config), overrides: { seed, particles, batchSize, ...(set === undefined ? {} : { set }) } };
}
