import { ConfigError, type ConfigIssue, type Registry } from '@scoreflow/core';

/**
 * The problems of the config's `figures` entries on their own: an unknown type, a bad option
 * (`registry.parse`, which checks options without creating anything). For a config whose plugins
 * could not be built, so that its figures are still reported in the same pass (`planFigures`
 * checks them against the run once the plugins are built).
 */
export function figureOptionIssues(figures: readonly unknown[], registry: Registry): ConfigIssue[] {
  return figures.flatMap((entry, index) => {
    try {
      registry.parse('figure', entry, `figures.${index}`);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return [...error.issues];
      throw error;
    }
  });
}
