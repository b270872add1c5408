import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../errors/config-error.js';
import { atConfigPath } from './config-path.js';
import { linearObservation } from './linear-observation.js';

describe('atConfigPath(path, make)', () => {
  it('prefixes the issue paths of a ConfigError with the plugin path and passes results and other errors through', () => {
    try {
      atConfigPath('pipeline.0', () => linearObservation({ A: [[1, 0, 2]], y: [1] }, 2));
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['pipeline.0.observation.A']);
    }
    expect(atConfigPath('pipeline.0', () => 3)).toBe(3);
    expect(() => atConfigPath('pipeline.0', () => { throw new RangeError('x'); })).toThrow(RangeError);
  });
});
