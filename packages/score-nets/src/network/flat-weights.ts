import { tf } from '../backend/tf.js';

/**
 * The values of `tensors` concatenated in order into one Float32Array: how weights and
 * gradients travel between threads (one buffer per message, transferable).
 */
export function flattenTensors(tensors: readonly tf.Tensor[]): Float32Array {
  const flat = new Float32Array(tensors.reduce((total, tensor) => total + tensor.size, 0));
  let offset = 0;
  for (const tensor of tensors) {
    flat.set(tensor.dataSync() as Float32Array, offset);
    offset += tensor.size;
  }
  return flat;
}

/**
 * Splits `flat` into tensors shaped like `like`, in order (the inverse of `flattenTensors`);
 * the caller owns them. Throws when the lengths differ.
 */
export function unflattenTensors(flat: Float32Array, like: readonly tf.Tensor[]): tf.Tensor[] {
  const size = like.reduce((total, tensor) => total + tensor.size, 0);
  if (flat.length !== size) throw new RangeError(`unflattenTensors: expected ${size} values for ${like.length} tensors, got ${flat.length}.`);
  let offset = 0;
  return like.map((tensor) => {
    const values = flat.subarray(offset, offset + tensor.size);
    offset += tensor.size;
    return tf.tensor(values, tensor.shape, 'float32');
  });
}

/** Assigns `flat` (laid out as by `flattenTensors`) to `variables`: a replica takes the main thread's weights. */
export function assignFlatWeights(variables: readonly tf.Variable[], flat: Float32Array): void {
  const values = unflattenTensors(flat, variables);
  variables.forEach((variable, i) => variable.assign(values[i] as tf.Tensor));
  tf.dispose(values);
}
