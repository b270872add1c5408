import type { z } from 'zod';

/** Wrappers whose inner schema decides the shape: `.default()`, `.optional()`, ... */
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'nonoptional', 'readonly', 'catch', 'lazy']);

interface Def {
  readonly type: string;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly element?: z.core.$ZodType;
  readonly getter?: () => z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def;

/** `schema` without its wrappers (`.default()`, `.optional()`, pipes, lazy getters). */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    const inner = def.type === 'lazy' ? def.getter?.() : WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (inner === undefined) return current;
    current = inner;
  }
  return current;
}

/**
 * The field names of the object schema found at `path` inside `schema` (through objects, arrays
 * and wrappers such as `.default()`), for suggestions when a config has an unknown field. Empty
 * when no object schema sits there.
 *
 * @example
 * objectKeysAt(z.strictObject({ a: z.strictObject({ b: z.number() }) }), ['a']); // ['b']
 */
export function objectKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): readonly string[] {
  let current: z.core.$ZodType | undefined = unwrap(schema);
  for (const part of path) {
    const def: Def = defOf(current);
    current = def.type === 'object' ? def.shape?.[String(part)] : def.type === 'array' ? def.element : undefined;
    if (current === undefined) return [];
    current = unwrap(current);
  }
  const def = defOf(current);
  return def.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}
