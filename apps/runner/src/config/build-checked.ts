import { ConfigError, isUnder } from '@scoreflow/core';
import type { CheckedConfig } from './load-config.js';

/**
 * Builds what a checked config describes (its plugins, its figures) and reports every problem at
 * once: throws one `ConfigError` with `context` listing the config's issues and those `build`
 * finds. When the config has issues, `build` still runs on the config with the offending fields
 * left out (if that parses); its problems that follow only from those fields are not repeated,
 * and its other errors are dropped (they may follow from them too).
 */
export function buildChecked<C, T>(checked: CheckedConfig<C>, build: (config: C) => T, context: string): T {
  const issues = [...checked.issues];
  let built: { value: T } | undefined;
  if (checked.config !== undefined) {
    try {
      built = { value: build(checked.config) };
    } catch (error) {
      if (error instanceof ConfigError) issues.push(...error.issues.filter((issue) => !isUnder(issue, checked.removed)));
      else if (checked.issues.length === 0) throw error;
    }
  }
  if (issues.length > 0 || built === undefined) throw new ConfigError(context, issues);
  return built.value;
}
