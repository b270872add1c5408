import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_DIM, figureEntry, inkOf } from '@scoreflow/testing';
import { readGifInfo } from '@scoreflow/viz';
import { readImage } from '@scoreflow/viz/node';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands.js';
import { scoreflowRegistry } from '../registry.js';
import { configWorkspace, quietIo } from '../testing/cli-harness.js';

// Every figure plugin the CLI knows, one entry each (from its options schema), drawn by one small run.
const plugins = scoreflowRegistry().list('figure');
const figures = plugins.map((plugin) => figureEntry(plugin, `figure-${plugin.name}`));

describe('every figure plugin through scoreflow run (contract)', () => {
  it('writes each figure of the registry as a file with ink, recorded in metrics.json, the runner naming none of them', async () => {
    expect(plugins.map((plugin) => plugin.name)).toEqual(expect.arrayContaining(['snapshot', 'animation', 'paths', 'metrics', 'trace', 'density', 'images']));
    const { dir, file } = configWorkspace({
      name: 'every-figure',
      seed: 3,
      dim: FIGURE_DIM,
      particles: 300,
      sde: { type: 'brownian', g: 1, T: 1 },
      source: { type: 'gaussian', dim: FIGURE_DIM },
      pipeline: [{ type: 'forward', steps: 20, snapshotEvery: 5 }],
      reference: { type: 'gaussian', dim: FIGURE_DIM },
      metrics: [{ type: 'moments' }],
      measure: { particles: 200, referenceParticles: 200 },
      figures,
    });
    const out = join(dir, 'out');
    expect(await runCommand(file, { out }, quietIo().io)).toBe(0);
    const records = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')).figures as { type: string; file: string; written: boolean; note?: string }[];
    expect(records.map((record) => [record.type, record.written, record.note])).toEqual(plugins.map((plugin) => [plugin.name, true, undefined]));
    for (const name of figures.map((entry) => String(entry.file))) {
      const image = await readImage(join(out, name));
      expect(inkOf(image), name).toBeGreaterThan(0.01);
      if (name.endsWith('.gif')) expect(readGifInfo(readFileSync(join(out, name))).frames, name).toBeGreaterThan(1);
    }
  });
});
