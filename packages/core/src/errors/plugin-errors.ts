import { ScoreflowError } from './scoreflow-error.js';

/** A plugin of the same kind and name was registered twice. */
export class DuplicatePluginError extends ScoreflowError {
  constructor(
    readonly kind: string,
    readonly pluginName: string,
  ) {
    super(`A ${kind} plugin named '${pluginName}' is already registered; plugin names must be unique per kind.`);
  }
}

/** No plugin of that kind has that name. The message lists the names that exist. */
export class UnknownPluginError extends ScoreflowError {
  constructor(
    readonly kind: string,
    readonly pluginName: string,
    readonly available: readonly string[],
    readonly path = 'type',
  ) {
    const names = available.length === 0 ? '(none registered)' : available.map((name) => `'${name}'`).join(', ');
    super(`${path}: unknown ${kind} '${pluginName}'. Available ${kind} plugins: ${names}.`);
  }
}
