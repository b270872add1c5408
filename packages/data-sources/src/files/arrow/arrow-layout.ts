import { DataType, type Field, Precision, type Schema } from 'apache-arrow';
import { type ColumnRef, type FileColumns, coordinateColumns, resolveColumn } from '../column-selection.js';
import { DataFileError } from '../data-file-error.js';

/** Which columns of an Arrow file become the particles, and how. */
export interface ArrowLayout extends FileColumns {
  readonly names: readonly string[];
  /** Coordinates per row. */
  readonly dim: number;
  /** Index of the integer label column, if any. */
  readonly label: number | undefined;
  /**
   * For a particle file of scoreflow: its `x` column (FixedSizeList<Float32>), its `step`
   * column (undefined when it has none) and the snapshot step asked for (undefined: the largest).
   * Undefined for plain numeric columns.
   */
  readonly particles: { readonly x: number; readonly stepColumn: number | undefined; readonly step: number | undefined } | undefined;
  /** Indices of the numeric coordinate columns (plain files; empty for particle files). */
  readonly coordinates: readonly number[];
}

/** What `arrowLayout` reads from the options. */
export interface ArrowLayoutOptions {
  readonly columns?: readonly ColumnRef[];
  readonly label?: ColumnRef;
  readonly step?: number;
}

/** Whether an Arrow type holds plain numbers: integers or floats of any width. */
export const isNumericType = (type: DataType): boolean => DataType.isInt(type) || DataType.isFloat(type);

/** Whether a field is scoreflow's position column: FixedSizeList<Float32>. */
const isPositionField = (field: Field | undefined): boolean => {
  const item = field !== undefined && DataType.isFixedSizeList(field.type) ? field.type.children[0]?.type : undefined;
  return item !== undefined && DataType.isFloat(item) && item.precision === Precision.SINGLE;
};

/**
 * Decides how an Arrow file's columns become particles. Without `columns`, a file with an `x`
 * column of Float32 lists is a particle file of scoreflow: `x` gives the coordinates, `label`
 * (when present) the labels, `step` picks a snapshot. Otherwise the coordinates are the
 * numeric columns named in `columns` (all numeric columns but the label by default). Throws
 * `DataFileError` for a missing or non-numeric column, a non-integer label column, `step` on a
 * file that has no snapshots, or an `x` of lists too short or too long: empty, or of more
 * Float32 values than `dataBytes` (the size of the file's messages) can hold.
 */
export function arrowLayout(file: string, schema: Schema, options: ArrowLayoutOptions, dataBytes = Number.POSITIVE_INFINITY): ArrowLayout {
  const fields = schema.fields;
  // A damaged schema may lack a name: it reads as ''.
  const names = fields.map((field) => (typeof field.name === 'string' ? field.name : ''));
  const columns = { file, names, width: names.length };
  const x = names.indexOf('x');
  const particleFile = options.columns === undefined && isPositionField(fields[x]);
  const labelRef = options.label ?? (particleFile && names.includes('label') ? 'label' : undefined);
  const label = labelRef === undefined ? undefined : resolveColumn(columns, labelRef);
  if (label !== undefined && !DataType.isInt(fields[label].type)) {
    throw new DataFileError(file, `the label column holds ${fields[label].type}, not integers`, { column: names[label] });
  }
  if (particleFile) {
    const stepIndex = names.indexOf('step');
    const stepColumn = stepIndex >= 0 && DataType.isInt(fields[stepIndex].type) ? stepIndex : undefined;
    if (options.step !== undefined && stepColumn === undefined) {
      throw new DataFileError(file, `no integer 'step' column to pick step ${options.step} from`, { column: 'step' });
    }
    const dim = (fields[x].type as { listSize: number }).listSize;
    if (!(dim >= 1 && dim * 4 <= dataBytes)) {
      throw new DataFileError(file, `corrupt schema: lists of ${dim} values (expected at least 1, and no more than the file's ${dataBytes} bytes of data hold)`, { column: 'x' });
    }
    return { ...columns, dim, label, particles: { x, stepColumn, step: options.step }, coordinates: [] };
  }
  if (options.step !== undefined) {
    throw new DataFileError(file, "step picks a snapshot of a particle file (an 'x' column of Float32 lists), and this file has none; use columns");
  }
  const coordinates = coordinateColumns(columns, options.columns, label, (j) => isNumericType(fields[j].type));
  for (const j of coordinates) {
    if (!isNumericType(fields[j].type)) throw new DataFileError(file, `not a numeric column (it holds ${fields[j].type})`, { column: names[j] });
  }
  return { ...columns, dim: coordinates.length, label, particles: undefined, coordinates };
}
