import { Field, FixedSizeList, Float32, Int32, Schema, Uint32 } from 'apache-arrow';

/** Run-level facts stored in the schema metadata of every particle batch. */
export interface ParticleMetadata {
  /** Name of the run (the config's name); empty when unnamed. */
  readonly run?: string;
  /** Seed of the run's random numbers. */
  readonly seed?: number;
}

/** Column names of the particle batch, in schema order. */
export const PARTICLE_COLUMNS = ['id', 'step', 't', 'x', 'label', 'weight'] as const;

/** Arrow type of the `x` column: one row is a fixed-size list of `dim` Float32. */
export const positionType = (dim: number): FixedSizeList<Float32> =>
  new FixedSizeList(dim, new Field('item', new Float32(), false));

const cache = new Map<string, Schema>();

/**
 * The schema of a particle batch (see docs/architecture.md): `id` Uint32, `step` Int32, `t` Float32,
 * `x` FixedSizeList<Float32>[dim], `label` Int32 when `withLabel`, and `weight` Float32 (a particle's
 * importance weight, e.g. of sequential Monte Carlo) when `withWeight`. Metadata: `dim`, `run`, `seed`.
 * Schemas are cached, so batches of one run share one schema object. Without a weight the schema is
 * the one it always was (files stay byte-identical).
 */
export function particleSchema(dim: number, metadata: ParticleMetadata = {}, withLabel = false, withWeight = false): Schema {
  const key = `${dim}\u0000${metadata.run ?? ''}\u0000${metadata.seed ?? ''}\u0000${withLabel}${withWeight ? '\u0000weight' : ''}`;
  let schema = cache.get(key);
  if (schema === undefined) {
    const fields = [
      new Field('id', new Uint32(), false),
      new Field('step', new Int32(), false),
      new Field('t', new Float32(), false),
      new Field('x', positionType(dim), false),
    ];
    if (withLabel) fields.push(new Field('label', new Int32(), false));
    if (withWeight) fields.push(new Field('weight', new Float32(), false));
    const meta = new Map<string, string>([['dim', String(dim)]]);
    if (metadata.run !== undefined) meta.set('run', metadata.run);
    if (metadata.seed !== undefined) meta.set('seed', String(metadata.seed));
    schema = new Schema(fields, meta);
    cache.set(key, schema);
  }
  return schema;
}
