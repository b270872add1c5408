import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PluginConfig } from '@scoreflow/core';
import { parse as parseYaml } from 'yaml';

/**
 * One contestant of the race: the parts of a runner config (apps/runner/configs/mcmc-vs-diffusion)
 * that the race needs. The config is the runner's format; the race keeps its source, its SDE, its
 * one stage and its reference, and rescales the stage to each budget.
 */
export interface Contestant {
  /** The config's `name` (also its file name). */
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly seed: number;
  /** Particles: chains for MCMC (1 for the single chain), prior samples for diffusion. */
  readonly particles: number;
  readonly dim: number;
  readonly sde?: PluginConfig;
  readonly source: PluginConfig;
  /** The one stage of the pipeline, as written (the race overrides its budget options). */
  readonly stage: PluginConfig;
  readonly reference: PluginConfig;
}

/** The order of the race's table and legend: parallel MCMC, the single chain, then diffusion. */
export const RACE_ORDER = ['parallel-rwm', 'parallel-mala', 'parallel-hmc', 'single-chain-rwm', 'reverse-sde', 'probability-flow'] as const;

const isPlugin = (value: unknown): value is PluginConfig =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string';

/** Reads one race config (YAML), checking the fields the race uses; the plugins' own options are checked by the registry. */
export function readContestant(file: string): Contestant {
  const raw = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
  const fail = (field: string, expected: string): never => {
    throw new Error(`mcmc-race: ${file}: '${field}' must be ${expected}, got ${JSON.stringify(raw?.[field])}.`);
  };
  if (raw === null || typeof raw !== 'object') throw new Error(`mcmc-race: ${file} must hold a run config (a YAML mapping).`);
  const pipeline = raw.pipeline;
  if (!Array.isArray(pipeline) || pipeline.length !== 1 || !isPlugin(pipeline[0])) fail('pipeline', 'one stage ({ type: ... })');
  const name = typeof raw.name === 'string' ? raw.name : fail('name', 'a string');
  const source = isPlugin(raw.source) ? raw.source : fail('source', 'a data-source config');
  const reference = isPlugin(raw.reference) ? raw.reference : fail('reference', 'a data-source config (the exact target)');
  if (raw.sde !== undefined && !isPlugin(raw.sde)) fail('sde', 'an SDE config');
  const int = (field: string, fallback: number): number => {
    const value = raw[field] ?? fallback;
    return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : fail(field, 'an integer >= 0');
  };
  return {
    name,
    description: typeof raw.description === 'string' ? raw.description : '',
    file,
    seed: int('seed', 0),
    particles: int('particles', 10_000),
    dim: int('dim', 2),
    sde: raw.sde as PluginConfig | undefined,
    source,
    stage: (pipeline as PluginConfig[])[0],
    reference,
  };
}

/** Every `*.yaml` config of `dir`, in `RACE_ORDER` (others after, by name). */
export function readContestants(dir: string): Contestant[] {
  const rank = (name: string) => {
    const index = (RACE_ORDER as readonly string[]).indexOf(name);
    return index < 0 ? RACE_ORDER.length : index;
  };
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => readContestant(join(dir, file)))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
