import { describe, expect, it } from 'vitest';
import { engineEvents } from './engine-options.js';
import { configIssuesOf } from '../testing/config-issues.js';

const issuesOf = configIssuesOf;

describe('engineEvents(config, options)', () => {
  it('leaves the run in process without --engine', () => {
    expect(engineEvents('x.yaml', {})).toBeUndefined();
  });

  it('gives the coordinator stream with --engine nats://HOST:PORT', () => {
    expect(typeof engineEvents('x.yaml', { engine: 'nats://127.0.0.1:4222', shardSize: 2048 })).toBe('function');
  });

  it('refuses a malformed --engine and --shard-size without --engine, naming the option and the form', () => {
    expect(issuesOf(() => engineEvents('x.yaml', { engine: 'localhost:4222' }))).toEqual([{ path: '--engine', message: 'expected nats://HOST:PORT, got "localhost:4222"' }]);
    expect(issuesOf(() => engineEvents('x.yaml', { shardSize: 1024 }))).toEqual([{ path: '--shard-size', message: 'only with --engine nats://HOST:PORT or --threads N' }]);
  });

  it('gives the worker threads\' stream with --threads N, and refuses it beside --engine', () => {
    expect(typeof engineEvents('x.yaml', { threads: 2, shardSize: 2048 })).toBe('function');
    expect(issuesOf(() => engineEvents('x.yaml', { threads: 2, engine: 'nats://127.0.0.1:4222' }))).toEqual([
      { path: '--threads', message: 'give --threads (worker threads of this process) or --engine (scoreflow workers over NATS), not both' },
    ]);
  });

  it('takes --replicas 1 to 5 with --engine only, naming the option', () => {
    expect(typeof engineEvents('x.yaml', { engine: 'nats://127.0.0.1:4222', replicas: 3 })).toBe('function');
    expect(issuesOf(() => engineEvents('x.yaml', { replicas: 3 }))).toEqual([{ path: '--replicas', message: 'only with --engine nats://HOST:PORT' }]);
    expect(issuesOf(() => engineEvents('x.yaml', { engine: 'nats://127.0.0.1:4222', replicas: 7 }))).toEqual([
      { path: '--replicas', message: 'expected an integer from 1 to 5 (the copies a JetStream cluster keeps of each stream), got 7' },
    ]);
  });
});
