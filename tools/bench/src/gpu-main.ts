/**
 * The GPU bench alone, for a GPU machine without Node or a network:
 * `../shared/gpu/prepare-carry.sh tools/bench/src/gpu-main.ts` here, `bash .gpucarry/run.sh` there.
 * Prints one JSON line per figure (`npm run bench -- gpu` prints the same and writes the bench tables).
 */
import { gpuBench } from './gpu/gpu-bench.js';

const result = await gpuBench();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
