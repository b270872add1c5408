import { rowCount } from '../samples/rows.js';

/** One dense layer y = x W + b of a feature network: W row-major inputs x outputs. */
export interface FeatureLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/**
 * A small classifier whose hidden activations are the feature space of a Frechet distance (the
 * role Inception-v3's pool features play in FID, Heusel et al. 2017): dense layers with ReLU
 * between them, the last giving class logits. Evaluated in plain TypeScript on typed arrays, so
 * metrics need no TensorFlow.js. Its input is a `height` x `width` grey image in [-1, 1]; images
 * of `pool` times that size are 2 x 2 average-pooled first.
 */
export interface FeatureNetwork {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly layers: readonly FeatureLayer[];
  /** Accuracy on the test split it was measured on (stated with the weights). */
  readonly testAccuracy: number;
}

/** The network as stored: layer weights and biases as base64 of little-endian float32. */
export interface StoredFeatureNetwork {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly testAccuracy: number;
  readonly layers: readonly { readonly inputs: number; readonly outputs: number; readonly weights: string; readonly bias: string }[];
}

const decodeFloats = (base64: string, count: number, what: string): Float32Array => {
  const binary = atob(base64);
  if (binary.length !== 4 * count) throw new RangeError(`featureNetwork: ${what} holds ${binary.length / 4} floats, expected ${count}.`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
};

/** Encodes float32 values as base64 (little-endian), the inverse of the stored layout. */
export function encodeFloats(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Decodes a stored network, checking that consecutive layers fit and that the first takes height * width values. */
export function featureNetwork(stored: StoredFeatureNetwork): FeatureNetwork {
  const layers = stored.layers.map((layer, i) => ({
    inputs: layer.inputs,
    outputs: layer.outputs,
    weights: decodeFloats(layer.weights, layer.inputs * layer.outputs, `layer ${i}'s weights`),
    bias: decodeFloats(layer.bias, layer.outputs, `layer ${i}'s bias`),
  }));
  layers.forEach((layer, i) => {
    const expected = i === 0 ? stored.height * stored.width : layers[i - 1]?.outputs;
    if (layer.inputs !== expected) throw new RangeError(`featureNetwork: layer ${i} takes ${layer.inputs} inputs, expected ${expected}.`);
  });
  if (layers.length < 2) throw new RangeError('featureNetwork: needs at least one hidden layer and the logits layer.');
  return { name: stored.name, height: stored.height, width: stored.width, testAccuracy: stored.testAccuracy, layers };
}

/** 2 x 2 average pooling of n images h x w (row-major) into n images h/2 x w/2. */
export function averagePool2(x: Float32Array, n: number, h: number, w: number): Float32Array {
  const out = new Float32Array(n * (h / 2) * (w / 2));
  let o = 0;
  for (let i = 0; i < n; i++) {
    const base = i * h * w;
    for (let y = 0; y < h; y += 2) for (let c = 0; c < w; c += 2) {
      out[o++] = (x[base + y * w + c] + x[base + y * w + c + 1] + x[base + (y + 1) * w + c] + x[base + (y + 1) * w + c + 1]) / 4;
    }
  }
  return out;
}

/**
 * Why particles of dimension `dim` cannot be images for `network` (which reads h x w images, dim
 * h w, or 2h x 2w ones, dim 4 h w, 2 x 2-pooled), or undefined when they can.
 */
export function imageDimProblem(network: FeatureNetwork, dim: number): string | undefined {
  const size = network.height * network.width;
  if (dim === size || dim === 4 * size) return undefined;
  return `${network.name} reads ${network.height} x ${network.width} or ${2 * network.height} x ${2 * network.width} images (dim ${size} or ${4 * size}), but the particles have dimension ${dim}`;
}

/** The network's input for `x` (n x dim): as it is for dim = h w, 2 x 2-pooled for dim = 4 h w. */
function inputOf(network: FeatureNetwork, x: Float32Array, dim: number): { input: Float32Array; n: number } {
  const size = network.height * network.width;
  const n = rowCount('featureNetwork', 'x', x, dim);
  if (dim === size) return { input: x, n };
  if (dim === 4 * size) return { input: averagePool2(x, n, 2 * network.height, 2 * network.width), n };
  throw new RangeError(`featureNetwork: ${network.name} reads ${network.height} x ${network.width} images (dim ${size}) or twice that size (dim ${4 * size}), got dim ${dim}.`);
}

function dense(layer: FeatureLayer, x: Float32Array, n: number, relu: boolean): Float32Array {
  const { inputs, outputs, weights, bias } = layer;
  const y = new Float32Array(n * outputs);
  const row = new Float64Array(outputs);
  for (let i = 0; i < n; i++) {
    row.set(bias);
    for (let k = 0; k < inputs; k++) {
      const xk = x[i * inputs + k];
      if (xk === 0) continue;
      const offset = k * outputs;
      for (let j = 0; j < outputs; j++) row[j] += xk * weights[offset + j];
    }
    for (let j = 0; j < outputs; j++) y[i * outputs + j] = relu ? Math.max(0, row[j]) : row[j];
  }
  return y;
}

/** The last layer, which gives the logits (`featureNetwork` checks that there is a hidden layer before it). */
function logitsLayer(network: FeatureNetwork): FeatureLayer {
  const last = network.layers[network.layers.length - 1];
  if (last === undefined || network.layers.length < 2) throw new RangeError(`featureNetwork: ${network.name} has no hidden layer.`);
  return last;
}

/** Activations of the last hidden layer (after its ReLU) for the rows of `x`: n x (its width). */
export function featuresOf(network: FeatureNetwork, x: Float32Array, dim: number): { features: Float32Array; size: number } {
  const { input, n } = inputOf(network, x, dim);
  let features = input;
  for (const layer of network.layers.slice(0, -1)) features = dense(layer, features, n, true);
  return { features, size: logitsLayer(network).inputs };
}

/** Class logits for the rows of `x`: n x classes. */
export function logitsOf(network: FeatureNetwork, x: Float32Array, dim: number): Float32Array {
  const { features } = featuresOf(network, x, dim);
  const last = logitsLayer(network);
  return dense(last, features, features.length / last.inputs, false);
}

/** The class of each row (the largest logit). */
export function classify(network: FeatureNetwork, x: Float32Array, dim: number): Int32Array {
  const logits = logitsOf(network, x, dim);
  const classes = logitsLayer(network).outputs;
  const n = logits.length / classes;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < classes; j++) if (logits[i * classes + j] > logits[i * classes + best]) best = j;
    out[i] = best;
  }
  return out;
}
