/**
 * The guard of refactors that must not change a result: every shipped run config that needs no
 * trained network and no GPU (none asks for `device: webgpu`, see `webgpuAsked`: CI machines have
 * no adapter) is run in-process (smaller, by the same overrides every time) and the SHA-256 of its
 * particle file is compared with the digest stored in `shipped-digests.json`.
 *
 * A digest that changes means the particles changed. Where that is intended, regenerate them:
 *   UPDATE_DIGESTS=1 npx vitest run --config apps/runner/vitest.config.ts apps/runner/src/shipped-digests.spec.ts
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from './cli/commands.js';
import type { ConfigOverrides } from './config/overrides.js';
import { quietIo } from './testing/cli-harness.js';
import { webgpuAsked } from './pipeline/run-accelerator.js';

const configsDir = fileURLToPath(new URL('../configs', import.meta.url));
const digestsFile = fileURLToPath(new URL('./shipped-digests.json', import.meta.url));
const updating = process.env.UPDATE_DIGESTS === '1';

/** Every `.yaml` file below `dir`, sorted. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    })
    .sort();
}

/** Whether any plugin in the config is a trained network (its weights are not shipped). */
function needsNetwork(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(needsNetwork);
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return record.type === 'network' || record.type === 'network-classifier' || Object.values(record).some(needsNetwork);
}

interface StageConfig {
  readonly steps?: number;
  readonly warmup?: number;
  readonly thin?: number;
  readonly snapshotEvery?: number;
}

/**
 * The fixed shrinking of a config: at most 1200 particles in batches of 512 (three batches, two
 * RNG blocks), at most 40 steps and 20 warm-up iterations a stage, a snapshot at least every 10
 * steps, no metrics and no figures (they do not touch the particles).
 */
function shrinkOverrides(config: { particles?: number; pipeline?: readonly StageConfig[] }): ConfigOverrides {
  const set = ['metrics=[]', 'figures=[]'];
  (config.pipeline ?? []).forEach((stage, i) => {
    const steps = stage.steps === undefined ? undefined : Math.min(stage.steps, 40);
    if (steps !== undefined) set.push(`pipeline.${i}.steps=${steps}`);
    if (stage.warmup !== undefined) set.push(`pipeline.${i}.warmup=${Math.min(stage.warmup, 20)}`);
    if (stage.thin !== undefined && steps !== undefined) set.push(`pipeline.${i}.thin=${stage.thin >= (stage.steps ?? 0) ? steps : Math.min(stage.thin, 10)}`);
    if (stage.snapshotEvery !== undefined) set.push(`pipeline.${i}.snapshotEvery=${Math.min(stage.snapshotEvery, 10)}`);
  });
  return { particles: Math.min(config.particles ?? 1200, 1200), batchSize: 512, set };
}

const configs = yamlFiles(configsDir)
  .map((path) => ({ path, name: relative(configsDir, path), config: parse(readFileSync(path, 'utf8')) as Record<string, unknown> }))
  .filter(({ config }) => !('training' in config) && !needsNetwork(config) && webgpuAsked({ device: config.device as never, pipeline: (config.pipeline ?? []) as never }) === undefined);

const stored: Record<string, string> = updating ? {} : (JSON.parse(readFileSync(digestsFile, 'utf8')) as Record<string, string>);
const computed: Record<string, string> = {};
const workDir = mkdtempSync(join(tmpdir(), 'scoreflow-digests-'));

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  if (updating) writeFileSync(digestsFile, `${JSON.stringify(computed, null, 2)}\n`);
});

describe('shipped configs: particle files byte-identical across refactors', () => {
  it('covers every shipped run config without a network, and holds a digest for each', () => {
    expect(configs.length).toBeGreaterThanOrEqual(10);
    if (!updating) expect(Object.keys(stored).sort()).toEqual(configs.map(({ name }) => name).sort());
  });

  it.each(configs)('$name writes the same trajectories.arrow', async ({ path, name, config }) => {
    const out = join(workDir, name.replace(/[/\\]/g, '_'));
    expect(await runCommand(path, { ...shrinkOverrides(config), out }, quietIo().io)).toBe(0);
    const digest = createHash('sha256').update(readFileSync(join(out, 'trajectories.arrow'))).digest('hex');
    computed[name] = digest;
    if (!updating) expect(digest, `particles of ${name} changed`).toBe(stored[name]);
  });
});
