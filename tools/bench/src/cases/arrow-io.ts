import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParticleBatch, createRng, makeParticleBatch } from '@scoreflow/core';
import { openParticleFile, readParticleBatches, readParticleTable } from '@scoreflow/core/node';
import { type BenchResult, bestOf } from '../measure.js';

/** Arrow IPC file write and read speed for 1,000,000 2-D particles x 4 snapshots. */
export async function arrowIo(): Promise<BenchResult> {
  const rng = createRng(0);
  const batchSize = 65_536;
  const batches: ParticleBatch[] = [];
  for (let step = 0; step < 4; step++) {
    for (let first = 0; first < 1_000_000; first += batchSize) {
      const count = Math.min(batchSize, 1_000_000 - first);
      const x = rng.normal(new Float32Array(2 * count), { first, count }, 2, { step });
      batches.push(makeParticleBatch({ x, dim: 2, id: first, step, t: step / 4, metadata: { run: 'bench', seed: 0 } }));
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-bench-'));
  const path = join(dir, 'trajectories.arrow');
  try {
    const writeMs = await bestOf(3, () => {
      const writer = openParticleFile(path);
      for (const batch of batches) writer.write(batch);
      writer.close();
    });
    const bytes = statSync(path).size;
    const readStreamMs = await bestOf(3, async () => {
      let rows = 0;
      for await (const batch of readParticleBatches(path)) rows += batch.numRows;
      return rows;
    });
    const readWholeMs = await bestOf(3, () => readParticleTable(path).numRows);
    const mbPerSecond = (ms: number) => bytes / 1e6 / (ms / 1000);
    return {
      bench: 'Arrow IPC file',
      description: `4 snapshots of 1,000,000 2-D particles (${(bytes / 1e6).toFixed(1)} MB), batches of 65,536`,
      values: [
        { name: 'write (openParticleFile)', value: mbPerSecond(writeMs), unit: 'MB/s' },
        { name: 'read, streamed batch by batch', value: mbPerSecond(readStreamMs), unit: 'MB/s' },
        { name: 'read, whole table', value: mbPerSecond(readWholeMs), unit: 'MB/s' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
