import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { UnknownPluginError } from './plugin-errors.js';

describe('ConfigError(context, issues)', () => {
  it('lists every issue as path: message, (root) for the whole config', () => {
    const error = new ConfigError('Invalid config c.yaml', [
      { path: 'pipeline.0.steps', message: 'expected number, got "x"' },
      { path: '', message: 'Unrecognized key: "particle"' },
    ]);
    expect(error.message).toBe('Invalid config c.yaml:\n  - pipeline.0.steps: expected number, got "x"\n  - (root): Unrecognized key: "particle"');
  });

  it('is its context alone without issues', () => {
    expect(new ConfigError('config file not found: c.yaml', []).message).toBe('config file not found: c.yaml');
  });

  it('cuts words longer than 200 characters in the message, and keeps the issues whole', () => {
    const path = `/data/${'x'.repeat(1 << 20)}.csv`;
    const error = new ConfigError('Invalid config', [{ path: 'source', message: `${path}: file not found.` }]);
    expect(error.message).toBe(`Invalid config:\n  - source: ${path.slice(0, 200)}… file not found.`);
    expect(error.issues[0].message).toBe(`${path}: file not found.`);
  });
});

describe('UnknownPluginError', () => {
  it('is a ConfigError at the type field, listing the plugins and the nearest name', () => {
    const error = new UnknownPluginError('time-grid', 'geometrc', ['geometric', 'uniform'], 'pipeline.0.grid.type');
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toEqual([
      { path: 'pipeline.0.grid.type', message: "unknown time-grid 'geometrc'. Available time-grid plugins: 'geometric', 'uniform'. Did you mean 'geometric'?" },
    ]);
  });
});
