import { describe, expect, it } from 'vitest';
import { ConfigError } from '@scoreflow/core';
import { engineEvents } from './engine-options.js';

const issuesOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
};

describe('engineEvents(config, options)', () => {
  it('leaves the run in process without --engine', () => {
    expect(engineEvents('x.yaml', {})).toBeUndefined();
  });

  it('gives the coordinator stream with --engine nats://HOST:PORT', () => {
    expect(typeof engineEvents('x.yaml', { engine: 'nats://127.0.0.1:4222', shardSize: 2048 })).toBe('function');
  });

  it('refuses a malformed --engine and --shard-size without --engine, naming the option and the form', () => {
    expect(issuesOf(() => engineEvents('x.yaml', { engine: 'localhost:4222' }))).toEqual([{ path: '--engine', message: 'expected nats://HOST:PORT, got "localhost:4222"' }]);
    expect(issuesOf(() => engineEvents('x.yaml', { shardSize: 1024 }))).toEqual([{ path: '--shard-size', message: 'only with --engine nats://HOST:PORT' }]);
  });
});
