import { type DiffusedComponents, EXP_CLAMPED_TABLES, ZIGGURAT_TABLES } from '@scoreflow/core';
import { compileOnce } from './compile-module.js';
import { KERNELS_WASM_BASE64 } from './kernels-wasm.js';

/** Byte offsets in the kernels' memory (see the layout at the top of `kernels.wat`). */
export const KERNEL_LAYOUT = {
  state: 0,
  edges: 64,
  ratios: 1152,
  pow2Int: 2176,
  pow2Frac: 4224,
  expConstants: 6272,
  scratch: 6400,
  /** Particle data: positions, then normals, of one chunk. */
  data: 8192,
  /** `heunStep`'s constants: the mixture at the step's start and end (9 f64 each, 80 bytes apart), then the step's 10 numbers. */
  heun: 24576,
  /** The MCMC target: the mixture at t = 0 as `heunStep` takes it, then its log normalisers c_0, c_1. */
  target: 24816,
  /** A mixture of K components (a_0 a_1 p_0 p_1 c per component, f64), up to `MAX_KERNEL_COMPONENTS`: `mixtureStep`'s, and `heunStep`'s at the step's start. */
  mixture: 25088,
  /** `heunStep`'s K-component mixture at the step's end. */
  mixtureEnd: 35328,
  /** One chunk of MCMC chains (`mcmcStep`): positions, gradients, log densities, step sizes, normals, uniforms, alpha, accepted. */
  chains: 65536,
} as const;

/** The most components `mixtureStep` and `heunStep` take (their two tables and the scratch end at 49,664 bytes). */
export const MAX_KERNEL_COMPONENTS = 256;

/** Pages of 64 kB the kernels' memory holds (the MCMC chunk ends at 132,096 bytes). */
const PAGES = 3;

/** Particles per chunk: one block of core's keyed ids (`ID_BLOCK_SIZE`), in the plane. */
export const CHUNK_PARTICLES = 1024;
/** Coordinates per chunk of x or z (dim 2 at most for now). */
const CHUNK_VALUES = CHUNK_PARTICLES * 2;

/** The exports of `kernels.wat`, with views of its memory. */
export interface WasmKernels {
  /** `count` standard normals from the xoshiro128** state at `KERNEL_LAYOUT.state`, at `out`, `out + stride`, ...: float32, or float64 when `wide` is 1. */
  normals(out: number, count: number, stride: number, wide: number): void;
  /** `count` uniforms in (0, 1) from that state, as core's `fillUniforms` draws them into a Float64Array, at `out`, `out + 8`, ... */
  uniforms(out: number, count: number): void;
  /** The constants of one fused step (see `kernels.wat`): the diffused mixture, and (scale, scoreDt, noise) or, for the flow, (a, w, dt). */
  setMixtureStep(a00: number, a01: number, a10: number, a11: number, p00: number, p01: number, p10: number, p11: number, dc: number, scale: number, scoreDt: number, noise: number): void;
  /**
   * The fused step of `n` particles at byte offsets `x` and `z` (mode 0: Euler-Maruyama, 1: with
   * noise, 2: probability flow) with setMixtureStep's two components (`components` 0) or the
   * `components` of `mixture`; 1 when every new position is finite.
   */
  mixtureStep(x: number, z: number, n: number, mode: number, components: number): number;
  /** `mixtureStep`'s K components (`KERNEL_LAYOUT.mixture`): a_0 a_1 p_0 p_1 c each. */
  readonly mixture: Float64Array;
  /** `heunStep`'s K components at the step's end (`KERNEL_LAYOUT.mixtureEnd`). */
  readonly mixtureEnd: Float64Array;
  /**
   * Heun's step of `n` particles at byte offset `x` (mode 0: in t, 1: in sigma; `last` 1 skips the
   * corrector), its numbers in `heun` and its mixtures there (`components` 0) or in `mixture` and
   * `mixtureEnd` (`components` K); 1 when every new position is finite.
   */
  heunStep(x: number, n: number, mode: number, last: number, components: number): number;
  /** `heunStep`'s constants (`KERNEL_LAYOUT.heun`): the mixture at t at 0, at the step's end at 10, the step's numbers at 20. */
  readonly heun: Float64Array;
  /** One MCMC transition (kind 0: random-walk Metropolis, 1: MALA, 2: HMC with `leapfrogSteps`) of the `n` chains of `chains`, the target in `target` (`components` 0) or that many components in `mixture`. */
  mcmcStep(kind: number, n: number, leapfrogSteps: number, components: number): void;
  /** The MCMC target's 11 constants (`KERNEL_LAYOUT.target`). */
  readonly target: Float64Array;
  /** Views of the MCMC chunk (CHUNK_PARTICLES chains in the plane). */
  readonly chains: {
    readonly x: Float32Array;
    readonly gradient: Float32Array;
    readonly logDensity: Float64Array;
    readonly stepSize: Float64Array;
    readonly z: Float64Array;
    readonly u: Float64Array;
    readonly alpha: Float64Array;
    readonly accepted: Uint8Array;
  };
  /** The xoshiro state words. */
  readonly state: Int32Array;
  /** The chunk of positions (CHUNK_PARTICLES x 2 float32) at `xOffset`. */
  readonly x: Float32Array;
  readonly xOffset: number;
  /** The chunk of normals at `zOffset`. */
  readonly z: Float32Array;
  readonly zOffset: number;
}

/**
 * The kernels' `components` argument for a mixture of K components: 0 for two (core's unrolled
 * score, from the two-component constants), K otherwise (the generic score, from `mixture`).
 */
export function kernelComponents(components: number): number {
  return components === 2 ? 0 : components;
}

/** Writes diffused components as the kernel's generic score reads them (`$scoreK`: a_0 a_1 p_0 p_1 c per component) into `table`. */
export function writeComponentTable(table: Float64Array, components: DiffusedComponents): void {
  const { centres: a, precisions: p, logNormalisers: c } = components;
  for (let k = 0; k < components.components; k++) table.set([a[2 * k], a[2 * k + 1], p[2 * k], p[2 * k + 1], c[k]], 5 * k);
}

/** The compiled module, or null where this engine lacks WebAssembly SIMD (compiled once, synchronously: it is 6 kB). */
const kernelsModule = compileOnce(KERNELS_WASM_BASE64);

/**
 * A fresh instance of the samplers' WebAssembly SIMD kernels (`kernels.wat`) with its own memory,
 * its tables copied from core (`ZIGGURAT_TABLES`, `EXP_CLAMPED_TABLES`) so that it draws core's
 * normals and computes core's `expClamped` bit for bit; undefined where WebAssembly SIMD is
 * missing. `Math.exp` and `Math.log` are imported (the ziggurat's slow path, the MCMC log densities).
 */
export function createWasmKernels(): WasmKernels | undefined {
  const module = kernelsModule();
  if (module === null) return undefined;
  const memory = new WebAssembly.Memory({ initial: PAGES });
  const f64 = new Float64Array(memory.buffer);
  const state = new Int32Array(memory.buffer, KERNEL_LAYOUT.state, 4);
  // Math.exp and Math.log themselves: V8 compiles these imports to direct calls of its own C functions.
  const instance = new WebAssembly.Instance(module, { env: { memory }, Math: { exp: Math.exp, log: Math.log } });
  f64.set(ZIGGURAT_TABLES.edges, KERNEL_LAYOUT.edges / 8);
  f64.set(ZIGGURAT_TABLES.ratios, KERNEL_LAYOUT.ratios / 8);
  f64.set(EXP_CLAMPED_TABLES.pow2Int, KERNEL_LAYOUT.pow2Int / 8);
  f64.set(EXP_CLAMPED_TABLES.pow2Frac, KERNEL_LAYOUT.pow2Frac / 8);
  const { limit, stepsPerLn2, round, ln2PerStep } = EXP_CLAMPED_TABLES;
  f64.set([limit, stepsPerLn2, round, ln2PerStep], KERNEL_LAYOUT.expConstants / 8);
  const exports = instance.exports as unknown as Pick<WasmKernels, 'normals' | 'uniforms' | 'setMixtureStep' | 'mixtureStep' | 'heunStep' | 'mcmcStep'>;
  const chunk = (offset: number) => KERNEL_LAYOUT.chains + offset;
  const xOffset = KERNEL_LAYOUT.data;
  const zOffset = xOffset + CHUNK_VALUES * 4;
  return {
    normals: exports.normals,
    uniforms: exports.uniforms,
    setMixtureStep: exports.setMixtureStep,
    mixtureStep: exports.mixtureStep,
    heunStep: exports.heunStep,
    mixture: new Float64Array(memory.buffer, KERNEL_LAYOUT.mixture, MAX_KERNEL_COMPONENTS * 5),
    mixtureEnd: new Float64Array(memory.buffer, KERNEL_LAYOUT.mixtureEnd, MAX_KERNEL_COMPONENTS * 5),
    heun: new Float64Array(memory.buffer, KERNEL_LAYOUT.heun, 30),
    mcmcStep: exports.mcmcStep,
    target: new Float64Array(memory.buffer, KERNEL_LAYOUT.target, 11),
    chains: {
      x: new Float32Array(memory.buffer, chunk(0), CHUNK_VALUES),
      gradient: new Float32Array(memory.buffer, chunk(8192), CHUNK_VALUES),
      logDensity: new Float64Array(memory.buffer, chunk(16384), CHUNK_PARTICLES),
      stepSize: new Float64Array(memory.buffer, chunk(24576), CHUNK_PARTICLES),
      z: new Float64Array(memory.buffer, chunk(32768), CHUNK_VALUES),
      u: new Float64Array(memory.buffer, chunk(49152), CHUNK_PARTICLES),
      alpha: new Float64Array(memory.buffer, chunk(57344), CHUNK_PARTICLES),
      accepted: new Uint8Array(memory.buffer, chunk(65536), CHUNK_PARTICLES),
    },
    state,
    x: new Float32Array(memory.buffer, xOffset, CHUNK_VALUES),
    xOffset,
    z: new Float32Array(memory.buffer, zOffset, CHUNK_VALUES),
    zOffset,
  };
}

let shared: WasmKernels | null | undefined;

/** This thread's kernels, created on first use (steps run synchronously, so one instance serves every stage); undefined without SIMD. */
export function wasmKernels(): WasmKernels | undefined {
  if (shared === undefined) shared = createWasmKernels() ?? null;
  return shared ?? undefined;
}
