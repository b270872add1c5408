/**
 * Trains, once, the small Fashion-MNIST classifier whose hidden features the `frechet` metric
 * measures in (the role of Inception-v3 in FID): an MLP 196 -> 96 -> 32 -> 10 with ReLU on the
 * 14 x 14 images (2 x 2 average pooling of the 28 x 28 ones), cross-entropy, Adam 1e-3, batch
 * 128, 8 epochs over the 60,000 training images, in TensorFlow.js (wasm), initial weights and
 * shuffles from fixed seeds. Its accuracy on the 10,000 test images is measured with the metric's
 * own plain-TypeScript forward pass, and it writes the weights (about 90 KB of float32) to
 * packages/metrics/src/frechet/fashion-mnist-14-classifier.ts.
 *   npx tsx --conditions=development tools/bench/src/images/train-feature-classifier.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type StoredFeatureNetwork, classify, encodeFloats, featureNetwork } from '@scoreflow/metrics';
import { selectBackend, tf } from '@scoreflow/score-nets';
import { fashionMnistArrays } from './fashion-mnist-arrays.js';

const SIZES = [196, 96, 32, 10];
const EPOCHS = 8;
const BATCH = 128;
const target = fileURLToPath(new URL('../../../../packages/metrics/src/frechet/fashion-mnist-14-classifier.ts', import.meta.url));

await selectBackend('wasm');
const train = await fashionMnistArrays('train', 2);
const test = await fashionMnistArrays('t10k', 2);
const layers = SIZES.slice(1).map((outputs, i) => {
  const inputs = SIZES[i] ?? 0;
  const limit = Math.sqrt(6 / (inputs + outputs));
  return { w: tf.variable(tf.randomUniform([inputs, outputs], -limit, limit, 'float32', 17 + i)), b: tf.variable(tf.zeros([outputs])) };
});
const forward = (x: tf.Tensor2D): tf.Tensor2D =>
  layers.reduce((h, layer, i) => {
    const z = tf.add(tf.matMul(h, layer.w), layer.b) as tf.Tensor2D;
    return i < layers.length - 1 ? tf.relu(z) : z;
  }, x);
const optimizer = tf.train.adam(1e-3);
let seed = 12_345;
const random = () => ((seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
const order = Int32Array.from({ length: train.n }, (_, i) => i);
const started = performance.now();
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  let total = 0;
  for (let first = 0; first + BATCH <= train.n; first += BATCH) {
    const xs = new Float32Array(BATCH * train.dim);
    const ys = new Int32Array(BATCH);
    for (let r = 0; r < BATCH; r++) {
      const row = order[first + r] ?? 0;
      xs.set(train.x.subarray(row * train.dim, (row + 1) * train.dim), r * train.dim);
      ys[r] = train.labels[row] ?? 0;
    }
    const loss = optimizer.minimize(() =>
      tf.tidy(() => tf.losses.softmaxCrossEntropy(tf.cast(tf.oneHot(tf.tensor1d(ys, 'int32'), 10), 'float32'), forward(tf.tensor2d(xs, [BATCH, train.dim]))) as tf.Scalar),
    true) as tf.Scalar;
    total += loss.dataSync()[0] ?? Number.NaN;
    loss.dispose();
  }
  console.log(`epoch ${epoch + 1}: mean loss ${(total / Math.floor(train.n / BATCH)).toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
const stored = (testAccuracy: number): StoredFeatureNetwork => ({
  name: 'fashion-mnist-14',
  height: 14,
  width: 14,
  testAccuracy,
  layers: layers.map((layer, i) => ({ inputs: SIZES[i] ?? 0, outputs: SIZES[i + 1] ?? 0, weights: encodeFloats(layer.w.dataSync() as Float32Array), bias: encodeFloats(layer.b.dataSync() as Float32Array) })),
});
const predicted = classify(featureNetwork(stored(0)), test.x, test.dim);
const accuracy = predicted.reduce((hits, label, i) => hits + (label === test.labels[i] ? 1 : 0), 0) / test.n;
console.log(`test accuracy ${(100 * accuracy).toFixed(2)}% on ${test.n} images`);
const network = stored(Math.round(accuracy * 10_000) / 10_000);
writeFileSync(
  target,
  `// Written by tools/bench/src/images/train-feature-classifier.ts: do not edit. An MLP ${SIZES.join(' -> ')} (ReLU) trained on
// Fashion-MNIST at 14 x 14 (${EPOCHS} epochs, Adam 1e-3, batch ${BATCH}); accuracy on the 10,000 test images ${(100 * accuracy).toFixed(2)}%.
import type { StoredFeatureNetwork } from './feature-network.js';

/** The feature classifier of the \`frechet\` metric on Fashion-MNIST (see its header). */
export const FASHION_MNIST_14_CLASSIFIER: StoredFeatureNetwork = ${JSON.stringify(network, null, 2)};
`,
);
console.log(`wrote ${target}`);
