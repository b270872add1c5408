import { BackendUnavailableError } from './backend-unavailable-error.js';
import { installWasmMatMulWorkaround } from './wasm-matmul.js';
import { tf } from './tf.js';
import { probeWebgpu } from './webgpu-backend.js';

/**
 * The backends this package runs on: `tensorflow` is libtensorflow through tfjs-node(-gpu),
 * `webgpu` TF.js's WebGPU backend (a browser's GPU, or Dawn's in Node).
 */
export const BACKEND_NAMES = ['wasm', 'cpu', 'tensorflow', 'webgpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What `selectBackend` accepts: a backend by name, or `best`. */
export const BACKEND_CHOICES = ['best', ...BACKEND_NAMES] as const;

/** Packages that register the `tensorflow` backend, in order of preference (optional dependencies). */
export const TENSORFLOW_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

async function loadTensorflow(): Promise<boolean> {
  for (const moduleName of TENSORFLOW_PACKAGES) {
    try {
      // The name is a variable: a literal import of an absent package fails tsc (TS2307).
      await import(moduleName);
      if (tf.findBackendFactory('tensorflow') !== null) return true;
    } catch {
      // not installed (libtensorflow's download fails where there is no network): try the next
    }
  }
  return false;
}

/**
 * Selects and initialises the TensorFlow.js backend and returns its name. `best` is `webgpu`
 * where a WebGPU adapter exists (`probeWebgpu`), else `tensorflow` when tfjs-node-gpu or
 * tfjs-node is installed, else `wasm` (the embedded default).
 * On wasm it first installs the transposed-matMul workaround (`installWasmMatMulWorkaround`).
 * Throws `BackendUnavailableError` when `tensorflow` is asked for and neither package loads, or
 * `webgpu` where there is no adapter (saying why). Calls that overlap run one after another.
 */
export function selectBackend(name: BackendName | 'best' = 'best'): Promise<BackendName> {
  // One selection at a time: TF.js initialises a backend once, and two overlapping
  // initialisations of wasm fail. A later call waits for the earlier one, failed or not.
  const selection = pending.then(() => select(name));
  pending = selection.catch(() => undefined);
  return selection;
}

/** The selection in progress (or the last one), which the next `selectBackend` waits for. */
let pending: Promise<unknown> = Promise.resolve();

async function select(name: BackendName | 'best'): Promise<BackendName> {
  let chosen: BackendName;
  const webgpu = name === 'webgpu' || name === 'best' ? await probeWebgpu() : undefined;
  if (webgpu?.available === false && name === 'webgpu') {
    throw new BackendUnavailableError(`selectBackend: 'webgpu' is unavailable: ${webgpu.reason}; choose 'best', 'wasm' or 'cpu'.`);
  }
  if (webgpu?.available === true) {
    chosen = 'webgpu';
  } else if (name === 'tensorflow' || name === 'best') {
    const loaded = await loadTensorflow();
    if (!loaded && name === 'tensorflow') {
      throw new BackendUnavailableError(`selectBackend: 'tensorflow' needs ${TENSORFLOW_PACKAGES.join(' or ')}, and neither could be loaded; install one, or choose 'best', 'wasm' or 'cpu'.`);
    }
    chosen = loaded ? 'tensorflow' : 'wasm';
  } else {
    chosen = name;
  }
  if (chosen === 'wasm') installWasmMatMulWorkaround();
  if (!(await tf.setBackend(chosen))) throw new BackendUnavailableError(`selectBackend: backend '${chosen}' failed to initialise.`);
  await tf.ready();
  return chosen;
}
