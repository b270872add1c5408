import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRunContext } from '../context/run-context.js';
import type { Metric } from '../contracts/metric.js';
import { ConfigError } from '../errors/config-error.js';
import { DuplicatePluginError, UnknownPluginError } from '../errors/plugin-errors.js';
import { definePlugin } from './plugin.js';
import { createRegistry } from './registry.js';

const constantMetric = definePlugin({
  kind: 'metric',
  name: 'constant',
  description: 'Reports a fixed value.',
  options: z.strictObject({
    value: z.number().min(0).default(1),
    mode: z.enum(['plain', 'squared']).default('plain'),
    count: z.number().int().min(1).default(3),
  }),
  create: (options): Metric => ({
    name: 'constant',
    measure: () => ({ value: options.mode === 'plain' ? options.value : options.value ** 2 }),
  }),
});
const otherMetric = definePlugin({ ...constantMetric, name: 'other' });
const run = createRunContext({ dim: 2 });

describe('createRegistry', () => {
  it('creates a plugin with defaults filled in', () => {
    const metric = createRegistry([constantMetric]).create('metric', { type: 'constant', mode: 'squared', value: 3 }, { run, path: 'metrics.0' });
    expect(metric.measure(new Float32Array(), new Float32Array(), 2)).toEqual({ value: 9 });
  });

  it('throws DuplicatePluginError for a second plugin of the same kind and name', () => {
    expect(() => createRegistry([constantMetric], [constantMetric])).toThrow(DuplicatePluginError);
    expect(() => createRegistry([constantMetric, constantMetric])).toThrow("A metric plugin named 'constant' is already registered");
  });

  it('names the plugins of that kind when a name is unknown', () => {
    const registry = createRegistry([constantMetric, otherMetric]);
    const error = catchError(() => registry.create('metric', { type: 'konstant' }, { run, path: 'metrics.1' }));
    expect(error).toBeInstanceOf(UnknownPluginError);
    expect(error.message).toBe("metrics.1.type: unknown metric 'konstant'. Available metric plugins: 'constant', 'other'.");
    expect(() => registry.get('sde', 'vp')).toThrow('Available sde plugins: (none registered)');
  });

  it('names the field, the value and what is allowed for a bad option', () => {
    const registry = createRegistry([constantMetric]);
    const error = catchError(() => registry.create('metric', { type: 'constant', value: -2, mode: 'cubed', count: 1.5 }, { run, path: 'metrics.0' }));
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues.find((i) => i.path === 'metrics.0.value')?.message).toMatch(/>=0.*got -2/);
    expect(issues.find((i) => i.path === 'metrics.0.mode')?.message).toMatch(/"plain"\|"squared".*got "cubed"/);
    expect(issues.find((i) => i.path === 'metrics.0.count')?.message).toMatch(/int.*got 1.5/);
    expect(error.message).toContain("Invalid options for metric 'constant' at metrics.0");
  });

  it('rejects unknown option names and a missing type', () => {
    const registry = createRegistry([constantMetric]);
    const unknown = catchError(() => registry.create('metric', { type: 'constant', valeu: 2 }, { run, path: 'm' })) as ConfigError;
    expect(unknown.issues[0].message).toMatch(/valeu/);
    const untyped = catchError(() => registry.create('metric', { value: 2 }, { run, path: 'm' })) as ConfigError;
    expect(untyped.issues[0]).toMatchObject({ path: 'm.type' });
  });

  it('lists plugins by kind, sorted by name', () => {
    const registry = createRegistry([otherMetric, constantMetric]);
    expect(registry.list('metric').map((plugin) => plugin.name)).toEqual(['constant', 'other']);
    expect(registry.list().length).toBe(2);
  });

  it('lets a plugin create nested plugins with their own path', () => {
    const wrapper = definePlugin({
      kind: 'metric',
      name: 'wrapper',
      description: 'Wraps another metric.',
      options: z.strictObject({ inner: z.looseObject({ type: z.string() }) }),
      create: (options, ctx) => ctx.create('metric', options.inner, `${ctx.path}.inner`),
    });
    const registry = createRegistry([constantMetric, wrapper]);
    const error = catchError(() => registry.create('metric', { type: 'wrapper', inner: { type: 'constant', value: 'x' } }, { run, path: 'metrics.0' }));
    expect((error as ConfigError).issues[0].path).toBe('metrics.0.inner.value');
  });
});

describe('definePlugin', () => {
  it('rejects names that are not kebab-case', () => {
    expect(() => definePlugin({ ...constantMetric, name: 'Euler_Maruyama' })).toThrow(/kebab-case/);
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
