import type { z } from 'zod';
import type { DataSource } from '../contracts/data-source.js';
import type { Figure } from '../contracts/figure.js';
import type { Metric } from '../contracts/metric.js';
import type { ScoreModel } from '../contracts/score-model.js';
import type { Sde } from '../contracts/sde.js';
import type { Stage } from '../contracts/stage.js';
import type { TimeGrid } from '../contracts/time-grid.js';
import type { VelocityModel } from '../contracts/velocity-model.js';
import type { Target } from '../contracts/target.js';
import type { RunContext } from '../context/run-context.js';

/** What each kind of plugin creates. */
export interface PluginKinds {
  'data-source': DataSource;
  sde: Sde;
  'score-model': ScoreModel;
  'velocity-model': VelocityModel;
  'time-grid': TimeGrid;
  target: Target;
  stage: Stage;
  metric: Metric;
  figure: Figure;
}

export type PluginKind = keyof PluginKinds;

/** The kinds, in the order `scoreflow list` shows them. */
export const PLUGIN_KINDS: readonly PluginKind[] = ['data-source', 'sde', 'time-grid', 'score-model', 'velocity-model', 'target', 'stage', 'metric', 'figure'];

/** A plugin as a config names it: its `type` and its options. */
export interface PluginConfig {
  readonly type: string;
  readonly [option: string]: unknown;
}

/** What `create` receives besides its options. */
export interface PluginContext {
  readonly run: RunContext;
  /** The pipeline's SDE: score models and samplers use it unless their options name another. */
  readonly sde?: Sde;
  /** Where the plugin's config sits in the config file (e.g. `pipeline.1`), for messages. */
  readonly path: string;
  /**
   * Creates a nested plugin from its config, e.g. a sampler's score model: `path` is the nested
   * config's place (e.g. `pipeline.1.score`); `sde` replaces the pipeline's SDE for it.
   */
  create<K extends PluginKind>(kind: K, config: PluginConfig, path: string, sde?: Sde): PluginKinds[K];
}

/**
 * A plugin: data plus a factory. `options` is a zod schema whose defaults fill what a config
 * leaves out; `create` gets the parsed options.
 */
export interface Plugin<K extends PluginKind = PluginKind, S extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly name: string;
  /** One line for `scoreflow list`. */
  readonly description: string;
  readonly options: S;
  create(options: z.output<S>, ctx: PluginContext): PluginKinds[K];
}

/** Any plugin, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPlugin = Plugin<PluginKind, any>;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a plugin. Names are kebab-case and unique per kind.
 *
 * @example
 * export const brownianPlugin = definePlugin({
 *   kind: 'sde', name: 'brownian', description: 'dx = g dW',
 *   options: z.strictObject({ g: z.number().positive().default(1) }),
 *   create: (options) => brownian(options),
 * });
 */
export function definePlugin<K extends PluginKind, S extends z.ZodType>(plugin: Plugin<K, S>): Plugin<K, S> {
  if (!NAME.test(plugin.name)) {
    throw new TypeError(`definePlugin: name '${plugin.name}' must be kebab-case (e.g. 'euler-maruyama').`);
  }
  return Object.freeze({ ...plugin });
}
