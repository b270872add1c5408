/**
 * `npm run bench`: runs every benchmark and writes tools/bench/results/bench.json and bench.md.
 * `npm run bench -- NAME ...` runs only those (em-step, stream-memory, arrow-io, sampler-quality, mcmc-race, conditioning-race, score-net-train,
 * score-net-sample, gpu, flows, images).
 * `gpu` runs only when named (it needs a WebGPU adapter; without one it reports none).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { arrowIo } from './cases/arrow-io.js';
import { cpuBench } from './cpu/cpu-bench.js';
import { emStep } from './cases/em-step.js';
import { distributedBench } from './distributed/index.js';
import { flows } from './cases/flows.js';
import { mcmcRace } from './cases/mcmc-race.js';
import { conditioningRace } from './conditioning-race/index.js';
import { samplerQuality } from './cases/sampler-quality.js';
import { scoreNetSample } from './cases/score-net-sample.js';
import { scoreNetTrain } from './cases/score-net-train.js';
import { viz } from './cases/viz.js';
import { gpuBench } from './gpu/gpu-bench.js';
import { imagesBench } from './images/images-bench.js';
import { streamMemory } from './cases/stream-memory.js';
import type { BenchResult } from './measure.js';
import { markdownReport } from './report.js';
import { enableRelaxedSimd } from '@scoreflow/score-nets/node';

const cases: Record<string, () => BenchResult | Promise<BenchResult>> = {
  'em-step': emStep,
  'stream-memory': streamMemory,
  'arrow-io': arrowIo,
  'sampler-quality': samplerQuality,
  viz,
  'mcmc-race': mcmcRace,
  'conditioning-race': conditioningRace,
  'score-net-train': scoreNetTrain,
  'score-net-sample': scoreNetSample,
  gpu: () => gpuBench(),
  flows,
  cpu: cpuBench,
  distributed: distributedBench,
  images: imagesBench,
};
/** Cases a plain `npm run bench` skips: they run only when named. */
const onlyWhenNamed = new Set(['gpu', 'flows', 'cpu', 'distributed', 'images']);

// As the runner does: score-nets' MLP kernels run their fused multiply-add build where V8 has relaxed SIMD.
enableRelaxedSimd();
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
for (const name of wanted) {
  if (!(name in cases)) throw new Error(`Unknown benchmark '${name}'. Benchmarks: ${Object.keys(cases).join(', ')}.`);
}
const outDir = resolve(import.meta.dirname, '../results');
// A partial run replaces its benchmarks' entries and keeps the others.
const previous: Record<string, BenchResult> = existsSync(join(outDir, 'bench.json'))
  ? (JSON.parse(readFileSync(join(outDir, 'bench.json'), 'utf8')) as { cases?: Record<string, BenchResult> }).cases ?? {}
  : {};
const byCase: Record<string, BenchResult> = {};
for (const [name, run] of Object.entries(cases)) {
  if ((wanted.length > 0 && !wanted.includes(name)) || (wanted.length === 0 && onlyWhenNamed.has(name))) {
    if (previous[name] !== undefined) byCase[name] = previous[name];
    continue;
  }
  process.stderr.write(`bench ${name} ...\n`);
  byCase[name] = await run();
}
const results = Object.values(byCase);
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}`;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'bench.json'), `${JSON.stringify({ machine, date: new Date().toISOString(), cases: byCase }, null, 2)}\n`);
const markdown = markdownReport(results, `Measured on ${machine}.`);
writeFileSync(join(outDir, 'bench.md'), markdown);
process.stdout.write(`${markdown}\n`);
