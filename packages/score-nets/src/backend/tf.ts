/**
 * The one TensorFlow.js entry point of this package. The Node bundle of tfjs-core registers no
 * gradients: importing tfjs-layers registers them all (see shared/STACK.md). The cpu and wasm
 * backends register themselves on import.
 */
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';

export * as tf from '@tensorflow/tfjs-core';
