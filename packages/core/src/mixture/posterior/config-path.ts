import { ConfigError, isConfigError } from '../../errors/config-error.js';

/**
 * Runs `make`; a `ConfigError` it throws is thrown again with every issue path prefixed by `path`
 * (e.g. `pipeline.0`), so that an error found while a plugin is created names the config field
 * (`pipeline.0.observation.sigma`), as the registry's own option errors do.
 *
 * @example
 * atConfigPath(ctx.path, () => linearObservation(options.observation, dim));
 */
export function atConfigPath<T>(path: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!isConfigError(error) || path === '') throw error;
    const context = error.message.split('\n')[0].replace(/:$/, '');
    throw new ConfigError(context, error.issues.map((issue) => ({ ...issue, path: issue.path === '' ? path : `${path}.${issue.path}` })), { cause: error });
  }
}
