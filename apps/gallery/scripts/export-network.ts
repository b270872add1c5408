/**
 * Writes a trained score network for the gallery: the EMA weights of a `scoreflow train`
 * checkpoint (or its raw weights where it has no EMA), without the optimiser state and the second
 * copy of the weights, with the checkpoint's metadata (training config, SDE signature), so that
 * the result is still a checkpoint the runner's `network` score model reads.
 *   npx tsx --conditions=development apps/gallery/scripts/export-network.ts <checkpoint> <out-folder>
 * The gallery's Fashion-MNIST U-Net (assets/fashion-mnist-14/) came from the 4,000-step
 * checkpoint of apps/runner/configs/images/fashion-mnist-14-train.yaml.
 */
import { loadNetwork, saveNetwork, selectBackend } from '@scoreflow/score-nets';
import { fileCheckpoint } from '@scoreflow/score-nets/node';

const [from, to] = process.argv.slice(2);
if (from === undefined || to === undefined) throw new Error('usage: export-network.ts <checkpoint-folder> <out-folder>');
await selectBackend('cpu');
const loaded = await loadNetwork(fileCheckpoint(from), { weights: 'ema' });
const { network, weights, metadata } = loaded;
await saveNetwork(network, fileCheckpoint(to), { metadata });
console.log(`${to}: the ${weights} weights of ${from} (${network.variables.reduce((n, v) => n + v.size, 0).toLocaleString('en')} numbers)`);
network.dispose();
loaded.ema?.dispose();
