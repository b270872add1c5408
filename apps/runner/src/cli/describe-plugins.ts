import type { AnyPlugin } from '@scoreflow/core';
import { z } from 'zod';

/** One option of a plugin, as `scoreflow list` shows it. */
export interface OptionDescription {
  readonly name: string;
  /** Type and constraints, e.g. `integer >= 1` or `"uniform" | "geometric"`. */
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly description?: string;
}

export interface PluginDescription {
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDescription[];
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
};

/** Describes a plugin's options from its zod schema (through zod's JSON Schema export). */
export function describePlugin(plugin: AnyPlugin): PluginDescription {
  const schema = z.toJSONSchema(plugin.options, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const options = Object.entries(schema.properties ?? {}).map(([name, option]) => ({
    name,
    type: typeOf(option),
    required: required.has(name) && option.default === undefined,
    default: option.default,
    description: option.description,
  }));
  return { kind: plugin.kind, name: plugin.name, description: plugin.description, options };
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum !== undefined) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf !== undefined) return schema.anyOf.map(typeOf).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array') return `${typeOf(schema.items ?? {})}[]`;
  if (type === 'object' && schema.properties?.type !== undefined) return 'plugin config { type, ... }';
  const bounds = [
    schema.minimum !== undefined ? `>= ${schema.minimum}` : undefined,
    schema.exclusiveMinimum !== undefined ? `> ${schema.exclusiveMinimum}` : undefined,
    schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? `<= ${schema.maximum}` : undefined,
    schema.exclusiveMaximum !== undefined ? `< ${schema.exclusiveMaximum}` : undefined,
  ].filter((bound) => bound !== undefined);
  return [type, ...bounds].join(' ');
}

/** The text of `scoreflow list`: plugins grouped by kind, each option with its type and default. */
export function formatPluginList(descriptions: readonly PluginDescription[]): string {
  const lines: string[] = [];
  let kind = '';
  for (const plugin of descriptions) {
    if (plugin.kind !== kind) {
      kind = plugin.kind;
      lines.push('', `${kind} plugins:`);
    }
    lines.push(`  ${plugin.name}: ${plugin.description}`);
    for (const option of plugin.options) {
      const fallback = option.default !== undefined ? `, default ${JSON.stringify(option.default)}` : option.required ? ', required' : ', optional';
      const about = option.description === undefined ? '' : ` - ${option.description}`;
      lines.push(`      ${option.name}: ${option.type}${fallback}${about}`);
    }
  }
  return lines.join('\n').trimStart();
}
