import { ConfigError } from '@scoreflow/core';
import { type ConfigOverrides } from '../../config/overrides.js';
import { portableOverrides } from '../shard-work.js';

/** One run of a sweep: a config, a seed and one value of each grid path. */
export interface SweepPoint {
  readonly kind: 'sweep';
  /** Position in the sweep, from 0 (the row group of the results table). */
  readonly index: number;
  /** The config file, absolute. */
  readonly config: string;
  readonly seed: number;
  /** The grid's `path=value` assignments of this point, applied as `--set`. */
  readonly set: readonly string[];
  /** The command line's own overrides (`--particles`, `--batch-size`, `--set`), applied before the grid. */
  readonly overrides: ConfigOverrides;
}

/** Splits `a,b,[1, 2],{x: 1}` at the commas outside brackets and braces. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

/** A `--grid path=v1,v2,...` as its list of `path=value` assignments; a clear error for a bad one. */
export function parseGrid(grid: string): string[] {
  const equals = grid.indexOf('=');
  const values = equals <= 0 ? [] : splitTopLevel(grid.slice(equals + 1));
  if (equals <= 0 || values.some((value) => value === '')) {
    throw new ConfigError('Invalid --grid', [{ path: `--grid ${grid}`, message: 'expected path=v1,v2,... (e.g. pipeline.0.steps=50,100,200; values are YAML)' }]);
  }
  const path = grid.slice(0, equals);
  return values.map((value) => `${path}=${value}`);
}

/**
 * Every point of a sweep: configs × grid points (every combination of one value per `--grid`)
 * × seeds, in that order (the config varies slowest, the seed fastest). Each point is a run as
 * `scoreflow run CONFIG --seed S --set ...` would do it.
 *
 * @example
 * planSweep(['a.yaml'], [0, 1], ['pipeline.0.steps=10,20']).length; // 4
 */
export function planSweep(configs: readonly string[], seeds: readonly number[], grids: readonly string[], overrides: ConfigOverrides = {}): SweepPoint[] {
  if (configs.length === 0) throw new ConfigError('Invalid sweep', [{ path: 'CONFIG', message: 'give at least one config file' }]);
  const axes = grids.map(parseGrid);
  const combinations = axes.reduce<string[][]>((sets, axis) => sets.flatMap((set) => axis.map((assignment) => [...set, assignment])), [[]]);
  const points: SweepPoint[] = [];
  for (const file of configs) {
    const base = portableOverrides(file, overrides);
    for (const grid of combinations) {
      const set = portableOverrides(file, { set: grid }).overrides.set ?? [];
      for (const seed of seeds) points.push({ kind: 'sweep', index: points.length, config: base.config, seed, set, overrides: base.overrides });
    }
  }
  return points;
}

/** `--seeds 0,1,2` or a range `0..9`: the list of seeds; a clear error otherwise. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  const seeds = range !== null ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, i) => Number(range[1]) + i) : text.split(',').map((part) => Number(part.trim()));
  if (seeds.length === 0 || seeds.some((seed) => !Number.isSafeInteger(seed) || seed < 0)) {
    throw new ConfigError('Invalid --seeds', [{ path: '--seeds', message: `expected seeds such as 0,1,2 or a range 0..9, got "${text}"` }]);
  }
  return seeds;
}
