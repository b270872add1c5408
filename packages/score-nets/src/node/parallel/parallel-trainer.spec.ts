import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../backend/tf.js';
import { selectBackend } from '../../backend/select-backend.js';
import { type MlpOptions, type MlpScoreNetwork, mlpScoreNetwork } from '../../network/mlp.js';
import { testVpSde } from '../../testing/test-sde.js';
import { type Trainer, type TrainerOptions, createTrainer, disposeTrainerState } from '../../training/trainer.js';
import { uniformSource } from '../../testing/uniform.js';
import { createParallelTrainer } from './parallel-trainer.js';

beforeAll(async () => {
  await selectBackend('wasm');
});

const sde = testVpSde();
const architecture: MlpOptions = { dim: 2, width: 16, depth: 2, seed: 3 };
const trainerOptions: TrainerOptions = { learningRate: 1e-2, warmup: 2, seed: 5 };
const rows = 67; // odd: the shards differ in size
/** Step k's data: fixed per step, so that runs can be compared. */
const dataOf = (step: number, n = rows): Float32Array => {
  const next = uniformSource(1000 + step);
  return Float32Array.from({ length: 2 * n }, () => 4 * next() - 2);
};
const weightsOf = (network: MlpScoreNetwork): number[][] => network.variables.map((v) => Array.from(v.dataSync()));

/** Runs steps from .. to - 1 of `trainer`, with the live tensor count after each. */
async function run(trainer: Trainer, from: number, to: number, labelsOf?: (step: number) => Int32Array): Promise<{ losses: number[]; tensors: number[] }> {
  const losses: number[] = [];
  const tensors: number[] = [];
  for (let step = from; step < to; step++) {
    losses.push(await trainer.step(dataOf(step), labelsOf?.(step)));
    tensors.push(tf.memory().numTensors);
  }
  return { losses, tensors };
}

/** The reference: a fresh network trained by the serial `createTrainer` for 5 steps, and its run. */
async function serialReference() {
  const serial = mlpScoreNetwork(architecture);
  return { serial, expected: await run(createTrainer(serial, sde, trainerOptions), 0, 5) };
}

describe('createParallelTrainer(network, sde, { workers })', () => {
  it('workers: 0 equals createTrainer exactly (losses and weights over 5 steps)', async () => {
    const { serial, expected } = await serialReference();
    const network = mlpScoreNetwork(architecture);
    const trainer = await createParallelTrainer(network, sde, { ...trainerOptions, workers: 0 });
    const actual = await run(trainer, 0, 5);
    expect(actual.losses).toEqual(expected.losses);
    expect(weightsOf(network)).toEqual(weightsOf(serial));
    expect(trainer.steps).toBe(5);
    trainer.dispose();
    network.dispose();
    serial.dispose();
  });

  it('with 1 worker: createTrainer to float tolerance over 5 steps, live tensors constant; deterministic; a resumed run equals an uninterrupted one', async () => {
    const { serial, expected } = await serialReference();

    const whole = mlpScoreNetwork(architecture);
    const wholeTrainer = await createParallelTrainer(whole, sde, { ...trainerOptions, workers: 1 });
    const uninterrupted = await run(wholeTrainer, 0, 5);
    uninterrupted.losses.forEach((loss, i) => expect(loss).toBeCloseTo(expected.losses[i]!, 5));
    const serialWeights = weightsOf(serial);
    weightsOf(whole).forEach((values, i) => values.forEach((w, j) => expect(w).toBeCloseTo(serialWeights[i]![j]!, 4)));
    // Adam creates its moments on the first step; after that nothing may accumulate.
    expect(new Set(uninterrupted.tensors.slice(1))).toEqual(new Set([uninterrupted.tensors[1]]));
    wholeTrainer.dispose();

    const first = mlpScoreNetwork(architecture);
    const firstTrainer = await createParallelTrainer(first, sde, { ...trainerOptions, workers: 1 });
    const head = await run(firstTrainer, 0, 3);
    expect(head.losses).toEqual(uninterrupted.losses.slice(0, 3));
    const state = await firstTrainer.state();
    firstTrainer.dispose();
    const resumed = await createParallelTrainer(first, sde, { ...trainerOptions, workers: 1, resume: state });
    disposeTrainerState(state);
    expect(resumed.steps).toBe(3);
    const tail = await run(resumed, 3, 5);
    expect([...head.losses, ...tail.losses]).toEqual(uninterrupted.losses);
    expect(weightsOf(first)).toEqual(weightsOf(whole));
    resumed.dispose();
    for (const network of [serial, whole, first]) network.dispose();
  });

  it('trains a conditional network (classes) like createTrainer, labels travelling with the shards', async () => {
    const conditional: MlpOptions = { ...architecture, classes: 3 };
    const labelsOf = (step: number) => Int32Array.from({ length: rows }, (_, i) => (i + step) % 3);
    const serial = mlpScoreNetwork(conditional);
    const expected = await run(createTrainer(serial, sde, trainerOptions), 0, 3, labelsOf);
    const network = mlpScoreNetwork(conditional);
    const trainer = await createParallelTrainer(network, sde, { ...trainerOptions, workers: 1 });
    const actual = await run(trainer, 0, 3, labelsOf);
    actual.losses.forEach((loss, i) => expect(loss).toBeCloseTo(expected.losses[i]!, 5));
    await expect(trainer.step(dataOf(0))).rejects.toThrow(/3 classes and needs one label per row/);
    trainer.dispose();
    network.dispose();
    serial.dispose();
  });

  it('a batch smaller than the thread count leaves the empty shards out', async () => {
    const serial = mlpScoreNetwork(architecture);
    const expected = await createTrainer(serial, sde, trainerOptions).step(dataOf(0, 1));
    const network = mlpScoreNetwork(architecture);
    const trainer = await createParallelTrainer(network, sde, { ...trainerOptions, workers: 1 });
    expect(await trainer.step(dataOf(0, 1))).toBe(expected);
    trainer.dispose();
    await expect(trainer.step(dataOf(1))).rejects.toThrow(/disposed/);
    network.dispose();
    serial.dispose();
  });

  it('rejects bad options, and a backend a worker cannot load with the worker message', async () => {
    const network = mlpScoreNetwork(architecture);
    await expect(createParallelTrainer(network, sde, { workers: -1 })).rejects.toThrow(/workers must be an integer >= 0, got -1/);
    await expect(createParallelTrainer(network, sde, { eps: 2 })).rejects.toThrow(/eps must be in/);
    await expect(createParallelTrainer(network, sde, { workers: 1, backend: 'tensorflow' })).rejects.toThrow(/score-net worker 1: selectBackend: 'tensorflow' needs/);
    network.dispose();
  });
});
