import { ConfigError } from './config-error.js';
import { nearestName } from './nearest-name.js';
import { ScoreflowError } from './scoreflow-error.js';
import { shorten } from './show-value.js';

/** A plugin of the same kind and name was registered twice. */
export class DuplicatePluginError extends ScoreflowError {
  constructor(
    readonly kind: string,
    readonly pluginName: string,
  ) {
    super(`A ${kind} plugin named '${pluginName}' is already registered; plugin names must be unique per kind.`);
  }
}

/**
 * No plugin of that kind has that name: bad input, so a `ConfigError` with one issue at `path`
 * (the config's `type` field). The message lists the names that exist and suggests the nearest.
 */
export class UnknownPluginError extends ConfigError {
  constructor(
    readonly kind: string,
    readonly pluginName: string,
    readonly available: readonly string[],
    readonly path = 'type',
  ) {
    const names = available.length === 0 ? '(none registered)' : available.map((name) => `'${name}'`).join(', ');
    const nearest = nearestName(pluginName, available);
    const hint = nearest === undefined ? '' : ` Did you mean '${nearest}'?`;
    super(`Unknown ${kind} plugin`, [{ path, message: `unknown ${kind} '${shorten(pluginName)}'. Available ${kind} plugins: ${names}.${hint}` }]);
  }
}
