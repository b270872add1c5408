import { z } from 'zod';

/** A column in plugin options: its name, or its 0-based index. */
export const columnRefOption = z.union([z.string().min(1), z.number().int().min(0)]);

/** The `columns` option: at least one column, by name or 0-based index. */
export const columnsOption = z.array(columnRefOption).min(1);
