import { Float32, Int32, RecordBatch, Struct, Uint32, makeData } from 'apache-arrow';
import type { Data } from 'apache-arrow';
import { DimensionError } from '../errors/dimension-error.js';
import { type ParticleMetadata, particleSchema, positionType } from './schema.js';

/** A batch of particles: an Arrow RecordBatch in the tidy layout of docs/architecture.md. */
export type ParticleBatch = RecordBatch;

/** What a particle batch is made of. Typed arrays are used as they are, never copied. */
export interface ParticleBatchInit {
  /** Positions, row-major: particle i is `x.subarray(i * dim, (i + 1) * dim)`. */
  readonly x: Float32Array;
  readonly dim: number;
  /** Particle ids, or the first id of a contiguous range `first, first + 1, ...`. */
  readonly id: Uint32Array | number;
  /** Step index, one per particle or one for all. */
  readonly step: Int32Array | number;
  /** Diffusion time (or MCMC iteration), one per particle or one for all. */
  readonly t: Float32Array | number;
  /** Class or mixture component of each particle, where known. */
  readonly label?: Int32Array;
  /** Importance weight of each particle (sequential Monte Carlo), where the stage keeps one. */
  readonly weight?: Float32Array;
  readonly metadata?: ParticleMetadata;
}

/**
 * Builds a particle batch around the given arrays without copying them (Arrow `makeData` over the
 * same buffers). Scalar `id`, `step` and `t` are expanded into new columns.
 *
 * @example
 * const batch = makeParticleBatch({ x: new Float32Array([0, 1, 2, 3]), dim: 2, id: 0, step: 0, t: 0 });
 * positionsOf(batch); // the same Float32Array
 */
export function makeParticleBatch(init: ParticleBatchInit): ParticleBatch {
  const { x, dim } = init;
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`makeParticleBatch: dim must be an integer >= 1, got ${dim}.`);
  if (x.length % dim !== 0) {
    throw new DimensionError(`makeParticleBatch: x has ${x.length} values, not a multiple of dim`, dim, x.length % dim);
  }
  const n = x.length / dim;
  const id = typeof init.id === 'number' ? rangeIds(init.id, n) : checkLength('id', init.id, n);
  const step = typeof init.step === 'number' ? new Int32Array(n).fill(init.step) : checkLength('step', init.step, n);
  const t = typeof init.t === 'number' ? new Float32Array(n).fill(init.t) : checkLength('t', init.t, n);
  const label = init.label === undefined ? undefined : checkLength('label', init.label, n);
  const weight = init.weight === undefined ? undefined : checkLength('weight', init.weight, n);
  const schema = particleSchema(dim, init.metadata, label !== undefined, weight !== undefined);
  const children: Data[] = [
    makeData({ type: new Uint32(), length: n, nullCount: 0, data: id }),
    makeData({ type: new Int32(), length: n, nullCount: 0, data: step }),
    makeData({ type: new Float32(), length: n, nullCount: 0, data: t }),
    makeData({
      type: positionType(dim),
      length: n,
      nullCount: 0,
      child: makeData({ type: new Float32(), length: n * dim, nullCount: 0, data: x }),
    }),
  ];
  if (label !== undefined) children.push(makeData({ type: new Int32(), length: n, nullCount: 0, data: label }));
  if (weight !== undefined) children.push(makeData({ type: new Float32(), length: n, nullCount: 0, data: weight }));
  const data = makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** The ids `first, first + 1, ..., first + n - 1`. */
export function rangeIds(first: number, n: number): Uint32Array {
  const id = new Uint32Array(n);
  for (let i = 0; i < n; i++) id[i] = first + i;
  return id;
}

function checkLength<A extends { length: number }>(name: string, values: A, n: number): A {
  if (values.length !== n) {
    throw new RangeError(`makeParticleBatch: '${name}' has ${values.length} values but x holds ${n} particles.`);
  }
  return values;
}
