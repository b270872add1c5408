import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRunContext } from '../context/run-context.js';
import type { Metric, MetricValues } from '../contracts/metric.js';
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
/** A metric of two nested metrics: uses both when it is created. */
const pairMetric = definePlugin({
  kind: 'metric',
  name: 'pair',
  description: 'Sums two metrics.',
  options: z.strictObject({ first: z.looseObject({ type: z.string() }), second: z.looseObject({ type: z.string() }), weight: z.number().default(1) }),
  create: (options, ctx): Metric => {
    const first = ctx.create('metric', options.first, `${ctx.path}.first`);
    const second = ctx.create('metric', options.second, `${ctx.path}.second`);
    const name = `${first.name}+${second.name}`;
    const value = (metric: Metric, x: Float32Array, y: Float32Array, dim: number) => Number((metric.measure(x, y, dim) as MetricValues).value);
    return { name, measure: (x, y, dim) => ({ value: value(first, x, y, dim) + value(second, x, y, dim) }) };
  },
});
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

  it('names the plugins of that kind when a name is unknown, and the nearest one: bad input, a ConfigError', () => {
    const registry = createRegistry([constantMetric, otherMetric]);
    const error = catchError(() => registry.create('metric', { type: 'konstant' }, { run, path: 'metrics.1' }));
    expect(error).toBeInstanceOf(UnknownPluginError);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      { path: 'metrics.1.type', message: "unknown metric 'konstant'. Available metric plugins: 'constant', 'other'. Did you mean 'constant'?" },
    ]);
    expect(() => registry.get('sde', 'vp')).toThrow('Available sde plugins: (none registered)');
  });

  it('says so when the unknown name is a plugin of another kind (a velocity model given as a score model)', () => {
    const flow = definePlugin({ kind: 'velocity-model', name: 'exact-flow', description: 'a flow', options: z.strictObject({}), create: () => ({ name: 'exact-flow', dim: 2, velocity: (_x, _t, out) => void out.fill(0) }) });
    const registry = createRegistry([flow]);
    expect(() => registry.get('score-model', 'exact-flow', 'metrics.0.score.type')).toThrow(
      "unknown score-model 'exact-flow'. Available score-model plugins: (none registered). 'exact-flow' is a velocity-model plugin, not a score-model.",
    );
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

  it('rejects unknown option names with the nearest known one, and a missing type', () => {
    const registry = createRegistry([constantMetric]);
    const unknown = catchError(() => registry.create('metric', { type: 'constant', valeu: 2, colour: 'red' }, { run, path: 'm' })) as ConfigError;
    expect(unknown.issues).toEqual([
      { path: 'm', message: `Unrecognized key: "valeu" (did you mean 'value'?), got 2` },
      { path: 'm', message: 'Unrecognized key: "colour" (known: value, mode, count), got "red"' },
    ]);
    const untyped = catchError(() => registry.create('metric', { value: 2 }, { run, path: 'm' })) as ConfigError;
    expect(untyped.issues[0]).toMatchObject({ path: 'm.type', message: 'required: expected string, got nothing' });
  });

  it('quotes every bad value after got: non-finite numbers as such, long ones shortened, enums with the nearest value', () => {
    const registry = createRegistry([constantMetric]);
    const issues = (config: object) => (catchError(() => registry.create('metric', { type: 'constant', ...config }, { run, path: 'm' })) as ConfigError).issues;
    expect(issues({ value: -Infinity })[0].message).toMatch(/got -Infinity$/);
    expect(issues({ count: NaN })[0].message).toMatch(/got NaN$/);
    expect(issues({ mode: 'x'.repeat(100_000) })[0].message).toMatch(/got "x{59}…$/);
    expect(issues({ mode: 'sqared' })[0].message).toBe(`expected one of "plain"|"squared" (did you mean 'squared'?), got "sqared"`);
  });

  it('reports every problem of a plugin and of the plugins it creates at once', () => {
    const registry = createRegistry([constantMetric, pairMetric]);
    const error = catchError(() =>
      registry.create('metric', { type: 'pair', first: { type: 'konstant' }, second: { type: 'constant', count: 0 }, weigth: 2 }, { run, path: 'metrics.0' }),
    ) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((issue) => issue.path)).toEqual(['metrics.0', 'metrics.0.first.type', 'metrics.0.second.count']);
    expect(error.message).toMatch(/weigth" \(did you mean 'weight'\?\)[^]*unknown metric 'konstant'[^]*>=1, got 0/);
  });

  it("passes a plugin's own error on as it is, and lists it as an issue at its path beside other problems", () => {
    const failing = (error: Error) => definePlugin({ ...constantMetric, name: 'failing', create: () => { throw error; } });
    const create = (error: Error, config: object = { type: 'failing' }) =>
      catchError(() => createRegistry([failing(error), pairMetric]).create('metric', config, { run, path: 'metrics.2' }));
    const missing = new RangeError('std must be finite, got Infinity.');
    expect(create(missing)).toBe(missing);
    const both = create(missing, { type: 'pair', first: { type: 'failing' }, second: { type: 'nope' } }) as ConfigError;
    expect(both).toBeInstanceOf(ConfigError);
    expect(both.issues).toEqual([
      { path: 'metrics.2.first', message: 'std must be finite, got Infinity.' },
      { path: 'metrics.2.second.type', message: expect.stringMatching(/^unknown metric 'nope'/) },
    ]);
    const bug = new TypeError('x is undefined');
    expect(create(bug)).toBe(bug);
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
