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
 * (the config's `type` field). The message lists the names that exist and suggests the nearest;
 * where the name is a plugin of other kinds (`elsewhere`: a velocity model given as a score model),
 * it says so.
 */
export class UnknownPluginError extends ConfigError {
  constructor(
    readonly kind: string,
    readonly pluginName: string,
    readonly available: readonly string[],
    readonly path = 'type',
    readonly elsewhere: readonly string[] = [],
  ) {
    const names = available.length === 0 ? '(none registered)' : available.map((name) => `'${name}'`).join(', ');
    const nearest = nearestName(pluginName, available);
    const hint = nearest === undefined ? '' : ` Did you mean '${nearest}'?`;
    const other = elsewhere.length === 0 ? '' : ` '${shorten(pluginName)}' is a ${elsewhere.join(' and a ')} plugin, not a ${kind}.`;
    super(`Unknown ${kind} plugin`, [{ path, message: `unknown ${kind} '${shorten(pluginName)}'. Available ${kind} plugins: ${names}.${hint}${other}` }]);
  }
}
