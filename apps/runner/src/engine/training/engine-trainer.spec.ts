import { type NatsConnection } from '@nats-io/transport-node';
import { connectEngine, revisionStore, serveWork } from '@scoreflow/engine-nats';
import { type NatsServer, natsSkipReason, startNatsServer } from '@scoreflow/engine-nats/testing';
import { type MlpOptions, createTrainer, mlpScoreNetwork, selectBackend } from '@scoreflow/score-nets';
import { vp } from '@scoreflow/sdes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineTrainer } from './engine-trainer.js';
import { type GradientWork, gradientWorker } from './gradient-work.js';

const skip = natsSkipReason();

const sde = vp({});
const architecture: MlpOptions = { dim: 2, width: 16, depth: 2, seed: 3 };
const trainerOptions = { learningRate: 1e-2, warmup: 2, seed: 5 };
const rows = 67; // odd: the shards differ in size
/** Step k's data, fixed per step (a linear congruential sequence), so that runs can be compared. */
const dataOf = (step: number): Float32Array => {
  let state = 1000 + step;
  return Float32Array.from({ length: 2 * rows }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (4 * state) / 2 ** 32 - 2;
  });
};
const flatWeights = (network: ReturnType<typeof mlpScoreNetwork>) => network.variables.flatMap((v) => Array.from(v.dataSync()));

describe.skipIf(skip !== undefined)('createEngineTrainer(network, sde, { engine, shards })', () => {
  let server: NatsServer;
  const workers: { stop: () => Promise<unknown> }[] = [];

  const startWorker = async () => {
    const abort = new AbortController();
    const nc: NatsConnection = await connectEngine(server.url, 'gradient-worker');
    const compute = gradientWorker(await revisionStore(nc));
    const done = serveWork(nc, (item) => compute(item.body as GradientWork), { signal: abort.signal }).finally(() => nc.close());
    workers.push({ stop: () => (abort.abort(), done) });
  };

  /** 4 steps with 4 gradient shards per step; the weights and losses. */
  async function train(): Promise<{ weights: number[]; losses: number[] }> {
    const network = mlpScoreNetwork(architecture);
    const trainer = await createEngineTrainer(network, sde, { ...trainerOptions, engine: server.url, shards: 4, ackWaitMs: 10_000 });
    const losses: number[] = [];
    for (let step = 0; step < 4; step++) losses.push(await trainer.step(dataOf(step)));
    await trainer.close();
    const weights = flatWeights(network);
    network.dispose();
    return { weights, losses };
  }

  beforeAll(async () => {
    await selectBackend('wasm');
    server = await startNatsServer();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await server?.stop();
  }, 60_000);

  it('gives bitwise-equal weights with 1 and with 2 workers, and createTrainer’s to float tolerance', async () => {
    await startWorker();
    const one = await train();
    await startWorker();
    const two = await train();
    expect(two.weights).toEqual(one.weights);
    expect(two.losses).toEqual(one.losses);

    const serial = mlpScoreNetwork(architecture);
    const trainer = createTrainer(serial, sde, trainerOptions);
    const losses: number[] = [];
    for (let step = 0; step < 4; step++) losses.push(await trainer.step(dataOf(step)));
    const expected = flatWeights(serial);
    trainer.dispose();
    serial.dispose();
    // The shard sums add in another order than one batch's reduction: float32 rounding only.
    one.weights.forEach((w, i) => expect(Math.abs(w - expected[i])).toBeLessThan(1e-5));
    one.losses.forEach((loss, i) => expect(loss).toBeCloseTo(losses[i], 5));
    // And training moved the weights.
    const initial = mlpScoreNetwork(architecture);
    expect(one.weights).not.toEqual(flatWeights(initial));
    initial.dispose();
  }, 120_000);
});
