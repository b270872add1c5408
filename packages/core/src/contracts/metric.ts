/** Values a metric reports, by name (e.g. `{ sw2: 0.01 }`). */
export type MetricValues = Readonly<Record<string, number>>;

/**
 * A measure of how far a sample is from a reference sample, both row-major Float32Array of the
 * same dimension. Deterministic: any randomness it needs comes from its own fixed seed.
 */
export interface Metric {
  readonly name: string;
  /**
   * Names of the reported values that record how the metric measured (a kernel bandwidth, the rows
   * it used) rather than how far the samples are; records keep them apart from the measures.
   */
  readonly settings?: readonly string[];
  /**
   * The values for `x` against `reference`. A metric that evaluates a model (a likelihood through
   * a network's score) returns a promise; `measureRecord` awaits either.
   */
  measure(x: Float32Array, reference: Float32Array, dim: number): MetricValues | Promise<MetricValues>;
}
