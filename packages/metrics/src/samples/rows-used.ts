/** The settings that record the rows of each sample a metric measured: `<prefix>Rows`, `<prefix>ReferenceRows`. */
export type RowSettings<P extends string> = readonly [`${P}Rows`, `${P}ReferenceRows`];

/** The names of a metric's row settings, e.g. `rowSettings('sw2')` = `['sw2Rows', 'sw2ReferenceRows']`. */
export function rowSettings<P extends string>(prefix: P): RowSettings<P> {
  return [`${prefix}Rows`, `${prefix}ReferenceRows`];
}

/**
 * The rows of the row-major samples `x` and `reference` that a metric striding each to at most
 * `maxRows` rows measured (`strideRows` keeps min(rows, maxRows)), as its row settings:
 * `{ <prefix>Rows, <prefix>ReferenceRows }`.
 */
export function rowsUsed<P extends string>(prefix: P, x: Float32Array, reference: Float32Array, dim: number, maxRows: number): Record<RowSettings<P>[number], number> {
  const [rows, referenceRows] = rowSettings(prefix);
  return { [rows]: Math.min(x.length / dim, maxRows), [referenceRows]: Math.min(reference.length / dim, maxRows) } as Record<RowSettings<P>[number], number>;
}
