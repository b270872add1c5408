import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeParticleBatch } from '../batch/particle-batch.js';
import { stepsOf } from '../batch/accessors.js';
import { writeFileAtomic } from './atomic-file.js';
import { journalToParticleFile } from './finish-journal.js';
import { openParticleFile, readParticleTable } from './particle-file.js';
import { openParticleJournal } from './particle-journal.js';

const folder = () => mkdtempSync(join(tmpdir(), 'scoreflow-journal-'));
const batchAt = (step: number, n = 50) =>
  makeParticleBatch({ x: Float32Array.from({ length: 2 * n }, (_, i) => i * 0.5 + step), dim: 2, id: 0, step, t: step / 10, metadata: { run: 'journal', seed: 1 } });

describe('openParticleJournal(path)', () => {
  it('leaves every batch written so far readable when the process dies before close()', () => {
    const path = join(folder(), 'trajectories.arrows');
    const journal = openParticleJournal(path, { syncEveryMs: 0 });
    for (let step = 0; step < 4; step++) journal.write(batchAt(step));
    // No close(): what a killed process leaves. The bytes are already with the operating system.
    const table = readParticleTable(path);
    expect(table.numRows).toBe(200);
    expect([...new Set(table.batches.flatMap((batch) => [...stepsOf(batch)]))]).toEqual([0, 1, 2, 3]);
    journal.close();
  });

  it('refuses a symbolic link at its path instead of writing through it', () => {
    const dir = folder();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, join(dir, 'trajectories.arrows'));
    expect(() => openParticleJournal(join(dir, 'trajectories.arrows'))).toThrow(/trajectories\.arrows is a symbolic link/);
    expect(() => openParticleFile(join(dir, 'trajectories.arrows'))).toThrow(/symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });
});

describe('journalToParticleFile(journal, file)', () => {
  it('writes the bytes a file writer writes for the same batches, and removes the journal', async () => {
    const dir = folder();
    const batches = [0, 1, 2].map((step) => batchAt(step, 100 + step));
    const direct = openParticleFile(join(dir, 'direct.arrow'));
    const journal = openParticleJournal(join(dir, 'run.arrows'));
    for (const batch of batches) {
      direct.write(batch);
      journal.write(batch);
    }
    direct.close();
    journal.close();
    expect(await journalToParticleFile(join(dir, 'run.arrows'), join(dir, 'run.arrow'))).toBe(3);
    expect(readFileSync(join(dir, 'run.arrow')).equals(readFileSync(join(dir, 'direct.arrow')))).toBe(true);
    expect(existsSync(join(dir, 'run.arrows'))).toBe(false);
    expect(existsSync(join(dir, 'run.arrow.tmp'))).toBe(false);
  });
});

describe('writeFileAtomic(path, content)', () => {
  it('replaces a symbolic link at path by the file, leaving what it pointed to untouched', () => {
    const dir = folder();
    const outside = join(dir, 'outside.json');
    writeFileSync(outside, '{"mine":true}');
    symlinkSync(outside, join(dir, 'metrics.json'));
    symlinkSync(outside, join(dir, 'metrics.json.tmp'));
    writeFileAtomic(join(dir, 'metrics.json'), '{"status":"running"}');
    expect(readFileSync(outside, 'utf8')).toBe('{"mine":true}');
    expect(readFileSync(join(dir, 'metrics.json'), 'utf8')).toBe('{"status":"running"}');
  });
});
