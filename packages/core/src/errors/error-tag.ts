/**
 * Tags every instance of `errorClass` (through its prototype) with `tag`, a `Symbol.for` symbol:
 * the same symbol in every installed copy of a package, so `hasErrorTag` recognises an error
 * thrown by another copy, where `instanceof` would not (as Arrow JS's `RecordBatch.isRecordBatch`).
 */
export function tagErrorClass(errorClass: abstract new (...args: never[]) => Error, tag: symbol): void {
  Object.defineProperty(errorClass.prototype, tag, { value: true });
}

/** Whether `value` is an object whose class (or a class it extends) was tagged with `tag` by `tagErrorClass`. */
export function hasErrorTag(value: unknown, tag: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[tag] === true;
}
