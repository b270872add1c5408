// Run by packed.spec.ts with plain node in the fresh project: the files that are not TypeScript
// are found from the installed packages (viz's shipped font; score-nets' worker thread entry).
import { vp } from '@scoreflow/sdes';
import { mlpScoreNetwork, selectBackend } from '@scoreflow/score-nets';
import { createParallelTrainer } from '@scoreflow/score-nets/node';
import { registerShippedFont } from '@scoreflow/viz/node';

await selectBackend('wasm');
const network = mlpScoreNetwork({ dim: 2, width: 8 });
const trainer = await createParallelTrainer(network, vp({ betaMin: 0.1, betaMax: 20 }), { workers: 1 });
const loss = await trainer.step(Float32Array.from({ length: 16 }, (_, i) => Math.sin(i)));
trainer.dispose();
console.log(JSON.stringify({ font: registerShippedFont(), loss }));
