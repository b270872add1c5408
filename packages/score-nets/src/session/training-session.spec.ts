import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../backend/tf.js';
import { selectBackend } from '../backend/select-backend.js';
import { loadNetwork } from '../checkpoint/checkpoint.js';
import { networkScore } from '../network/network-score.js';
import { testGaussianSource } from '../testing/test-gaussian-source.js';
import { exactGaussianScore, testVpSde } from '../testing/test-sde.js';
import type { SessionCheckpoint, TrainingSessionOptions } from './session-options.js';
import { type TrainingSession, trainingSession } from './training-session.js';

let tensorsBefore = 0;
beforeAll(async () => {
  await selectBackend('wasm');
  tensorsBefore = tf.memory().numTensors;
});
afterAll(() => {
  // Every session below is disposed: nothing is left behind.
  expect(tf.memory().numTensors).toBe(tensorsBefore);
});

const sde = testVpSde();
const data = testGaussianSource([1, -1], 0.5);
const options: TrainingSessionOptions = {
  network: { dim: 2, width: 8, depth: 1, seed: 3 },
  sde,
  data,
  steps: 10,
  batchSize: 32,
  poolSize: 256,
  learningRate: 1e-2,
  warmup: 2,
  seed: 5,
  emaDecay: 0.9,
};

const values = (tensors: readonly tf.Tensor[]) => tensors.map((w) => Array.from(w.dataSync()));

/** Saves a checkpoint into memory and returns its artifacts. */
async function inMemory(checkpoint: SessionCheckpoint): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await checkpoint.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (saved === undefined) throw new Error('nothing saved');
  return saved;
}

describe('trainingSession(options).run(hooks)', () => {
  let whole: TrainingSession;
  beforeAll(async () => {
    whole = await trainingSession(options);
    expect(await whole.run()).toMatchObject({ status: 'completed', steps: 10, resumedFrom: 0 });
  });
  afterAll(() => whole.dispose());

  it('trains in chunks of checkpointEvery, with a checkpoint after each and at the end, and the weights of one chunk', async () => {
    const session = await trainingSession({ ...options, checkpointEvery: 4 });
    const checkpoints: number[] = [];
    const steps: number[] = [];
    const outcome = await session.run({ onStep: (s) => steps.push(s.step), onCheckpoint: (c) => void checkpoints.push(c.steps) });
    expect(checkpoints).toEqual([4, 8, 10]);
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(outcome).toMatchObject({ status: 'completed', steps: 10, lastLoss: session.history.loss[9], loss: session.average.value });
    expect(session.history.step).toEqual(steps);
    expect(values(session.network.variables)).toEqual(values(whole.network.variables));
    expect(values(session.ema.weights)).toEqual(values(whole.ema.weights));
    await expect(session.run()).rejects.toThrow(/a session runs once/);
    session.dispose();
  });

  it('resumed from a checkpoint (raw weights, EMA, trainer state, loss average and history) ends where an uninterrupted session does, bit for bit', async () => {
    const first = await trainingSession({ ...options, steps: 6, metadata: { note: 'first' } });
    let saved: tf.io.ModelArtifacts | undefined;
    let history: SessionCheckpoint['history'] | undefined;
    await first.run({
      onCheckpoint: async (checkpoint) => {
        saved = await inMemory(checkpoint);
        history = structuredClone(checkpoint.history);
      },
    });
    first.dispose();
    if (saved === undefined) throw new Error('no checkpoint');
    const checkpoint = await loadNetwork(tf.io.fromMemory(saved), { weights: 'raw' });
    expect(checkpoint.metadata).toMatchObject({ note: 'first', loss: { count: 6 } });
    const resumed = await trainingSession({ ...options, resume: { checkpoint, history } });
    expect(resumed.resumedFrom).toBe(6);
    const outcome = await resumed.run();
    expect(outcome).toMatchObject({ status: 'completed', steps: 10, resumedFrom: 6 });
    expect(values(resumed.network.variables)).toEqual(values(whole.network.variables));
    expect(values(resumed.ema.weights)).toEqual(values(whole.ema.weights));
    expect(resumed.history).toEqual(whole.history);
    expect(resumed.average).toEqual(whole.average);
    resumed.dispose();
  });

  it('stops after the current step when the signal aborts, takes a checkpoint there and says interrupted', async () => {
    const controller = new AbortController();
    const session = await trainingSession({ ...options, signal: controller.signal, checkpointEvery: 100 });
    const checkpoints: number[] = [];
    const outcome = await session.run({ onStep: (s) => (s.step === 3 ? controller.abort() : undefined), onCheckpoint: (c) => void checkpoints.push(c.steps) });
    expect(outcome).toMatchObject({ status: 'interrupted', steps: 3 });
    expect(checkpoints).toEqual([3]);
    session.dispose();
  });

  it('reports a failed checkpoint as a failed outcome instead of throwing', async () => {
    const session = await trainingSession({ ...options, steps: 2 });
    const outcome = await session.run({
      onCheckpoint: () => {
        throw new Error('disk full');
      },
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.error?.message).toBe('disk full');
    session.dispose();
  });

  it('refuses steps and checkpointEvery that are not integers >= 1, naming them', async () => {
    await expect(trainingSession({ ...options, steps: 0 })).rejects.toThrow(/trainingSession: steps must be an integer >= 1, got 0/);
    await expect(trainingSession({ ...options, checkpointEvery: 1.5 })).rejects.toThrow(/trainingSession: checkpointEvery must be an integer >= 1, got 1.5/);
  });
});

describe('TrainingSession.scoreError(exact, options)', () => {
  it('gives the EMA and the raw weights\' error against the exact score at t = f T', async () => {
    const session = await trainingSession(options);
    await session.run();
    const exact = networkScore(exactGaussianScore([1, -1], 0.5), sde);
    const rows = await session.scoreError(exact, { particles: 512, fractions: [0.1, 1], run: { name: 'test', seed: 1 } });
    expect(rows.map((row) => row.t)).toEqual([0.1, 1]);
    for (const row of rows) {
      expect(row.relativeMse).toBeGreaterThan(0);
      expect(row.relativeMseRaw).toBeGreaterThan(0);
      expect(row.relativeMse).not.toBe(row.relativeMseRaw);
      expect(row.exactMeanSquare).toBeGreaterThan(0);
    }
    session.dispose();
  });
});
