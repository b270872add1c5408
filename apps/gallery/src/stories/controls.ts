// Controls of the gallery's stories. Each arg says what it does (the Docs pages list it in their
// args table) and where it belongs: `data` (what is drawn), or an option of the drawing function,
// with that option's type and default.
import type { ArgTypes } from '@storybook/html-vite';

/** One arg's entry in `argTypes`. */
export type InputType = ArgTypes[string];

const DATA = { table: { category: 'data' } };

/** A slider from `min` to `max` in steps of `step`. */
export function range(description: string, min: number, max: number, step: number): InputType {
  return { description, control: { type: 'range', min, max, step }, ...DATA };
}

/** A number typed in, from `min` to `max`. */
export function number(description: string, min: number, max: number, step: number): InputType {
  return { description, control: { type: 'number', min, max, step }, ...DATA };
}

/** A drop-down of `options`. */
export function select(description: string, options: readonly (string | number)[]): InputType {
  return { description, control: { type: 'select' }, options, ...DATA };
}

/** A check box. */
export function toggle(description: string): InputType {
  return { description, control: { type: 'boolean' }, ...DATA };
}

/**
 * `input` as the option of the drawing function `fn`, of TypeScript type `type` and default
 * `fallback`: grouped under `options of fn` in the args table, with that type and default.
 */
export function optionOf(fn: string, input: InputType, type: string, fallback?: string): InputType {
  return { ...input, table: { category: `options of ${fn}`, type: { summary: type }, ...(fallback === undefined ? {} : { defaultValue: { summary: fallback } }) } };
}

/** `value`, or undefined (the drawing function's default) where the control says `auto`. */
export const unlessAuto = <T>(value: T | 'auto'): T | undefined => (value === 'auto' ? undefined : value);

/** A story's Docs parameters: the code shown under its example (TypeScript), how the component is called. */
export function usage(code: string) {
  return { docs: { source: { code, language: 'ts' } } };
}

/** A component's Docs parameters: what it draws, above its args table and examples. */
export function componentDocs(description: string) {
  return { docs: { description: { component: description } } };
}
