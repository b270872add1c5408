/**
 * A program that trains one step and scores one batch with workers and never disposes them: it
 * must still exit by itself (idle workers are unreferenced). Run by `worker-pool.spec.ts` in a
 * child process (`node --import tsx --conditions=development exit-without-dispose.fixture.ts`).
 */
import { selectBackend } from '../../backend/select-backend.js';
import { mlpScoreNetwork } from '../../network/mlp.js';
import { testVpSde } from '../../testing/test-sde.js';
import { parallelNetworkScore } from './parallel-network-score.js';
import { createParallelTrainer } from './parallel-trainer.js';

await selectBackend('wasm');
const sde = testVpSde();
const network = mlpScoreNetwork({ dim: 2, width: 8 });
const trainer = await createParallelTrainer(network, sde, { workers: 1 });
const loss = await trainer.step(Float32Array.from({ length: 16 }, (_, i) => Math.sin(i)));
const model = await parallelNetworkScore(network, sde, { workers: 1 });
const out = new Float32Array(8);
await model.score(Float32Array.from({ length: 8 }, (_, i) => Math.cos(i)), 0.5, out);
process.stdout.write(`loss ${loss} score ${out[7]}\n`);
