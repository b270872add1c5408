import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../backend/select-backend.js';
import { testGaussianSource } from '../../testing/test-gaussian-source.js';
import { testVpSde } from '../../testing/test-sde.js';
import { trainingSession } from '../../session/training-session.js';
import { disposeTrainerState } from '../../training/trainer.js';
import type { TrainingSessionOptions } from '../../session/session-options.js';
import { readLossHistory, writeLossHistory } from './loss-csv.js';
import { trainingFolder, trainingFolderFiles } from './training-folder.js';

const root = mkdtempSync(join(tmpdir(), 'score-nets-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('wasm');
});

const options: TrainingSessionOptions = {
  network: { dim: 2, width: 8, depth: 1, seed: 3 },
  sde: testVpSde(),
  data: testGaussianSource([1, -1], 0.5),
  steps: 6,
  checkpointEvery: 3,
  batchSize: 32,
  poolSize: 256,
  seed: 5,
};

describe('trainingFolder(outDir)', () => {
  it('saves every checkpoint into checkpoint/ and loss.csv, leaving no temporary behind, and resumes from them bit for bit', async () => {
    const out = join(root, 'resume');
    const folder = trainingFolder(out);
    const whole = await trainingSession({ ...options, steps: 9 });
    await whole.run();

    const first = await trainingSession(options);
    const seen: string[][] = [];
    await first.run({
      onCheckpoint: async (checkpoint) => {
        await folder.save(checkpoint);
        seen.push(readdirSync(out).sort());
      },
    });
    first.dispose();
    expect(seen).toEqual([['checkpoint', 'loss.csv'], ['checkpoint', 'loss.csv']]);
    expect(readdirSync(folder.checkpoint).sort()).toEqual(['model.json', 'weights.bin']);
    expect(readLossHistory(folder.lossFile, 100).step).toEqual([1, 2, 3, 4, 5, 6]);

    const resumed = await trainingSession({ ...options, steps: 9, resume: await folder.resume() });
    expect(resumed.resumedFrom).toBe(6);
    await resumed.run({ onCheckpoint: (checkpoint) => folder.save(checkpoint) });
    expect(resumed.history).toEqual(whole.history);
    resumed.network.variables.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(whole.network.variables[i]?.dataSync() ?? [])));
    expect(readLossHistory(folder.lossFile, 100)).toEqual(whole.history);
    resumed.dispose();
    whole.dispose();
  });

  it('resumes the loss history only up to the checkpoint: rows written after it are dropped', async () => {
    const out = join(root, 'later-rows');
    const folder = trainingFolder(out);
    const session = await trainingSession({ ...options, steps: 3 });
    await session.run({ onCheckpoint: (checkpoint) => folder.save(checkpoint) });
    session.dispose();
    writeLossHistory(folder.lossFile, { step: [1, 2, 3, 4], loss: [1, 1, 1, 1], average: [1, 1, 1, 1] });
    const resume = await folder.resume();
    expect(resume.history?.step).toEqual([1, 2, 3]);
    if (resume.checkpoint.trainer) disposeTrainerState(resume.checkpoint.trainer);
    resume.checkpoint.network.dispose();
    resume.checkpoint.ema?.dispose();
  });

  it('lists every file it may write for a manifest, temporaries included', () => {
    expect(trainingFolderFiles().sort()).toEqual([
      'checkpoint.old/model.json',
      'checkpoint.old/weights.bin',
      'checkpoint.tmp/model.json',
      'checkpoint.tmp/weights.bin',
      'checkpoint/model.json',
      'checkpoint/weights.bin',
      'loss.csv',
      'loss.csv.tmp',
    ]);
  });
});

describe('readLossHistory(file, until) and writeLossHistory(file, history)', () => {
  it('round-trips a history as step,loss,average', () => {
    const file = join(root, 'loss.csv');
    const history = { step: [1, 2], loss: [0.5, 0.25], average: [0.5, 0.37] };
    writeLossHistory(file, history);
    expect(readFileSync(file, 'utf8')).toBe('step,loss,average\n1,0.5,0.5\n2,0.25,0.37\n');
    expect(readLossHistory(file, 2)).toEqual(history);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('is empty without a file, and names the file and the row that cannot be read', () => {
    expect(readLossHistory(join(root, 'none.csv'), 5)).toEqual({ step: [], loss: [], average: [] });
    const file = join(root, 'bad.csv');
    writeFileSync(file, 'step,loss\n1,2\n');
    expect(() => readLossHistory(file, 5)).toThrow(`${file}: expected the header 'step,loss,average', got 'step,loss'.`);
    writeFileSync(file, 'step,loss,average\n1.5,2,2\n');
    expect(() => readLossHistory(file, 5)).toThrow(`${file}: bad row '1.5,2,2'.`);
  });
});
