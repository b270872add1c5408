import { hasErrorTag, tagErrorClass } from './error-tag.js';
import { ScoreflowError } from './scoreflow-error.js';

/** The tag of bad input, `Symbol.for`: the same in every installed copy of @scoreflow/core. */
const CONFIG_ERROR = Symbol.for('@scoreflow/core/ConfigError');

/** One problem found in a config or in a plugin's options. */
export interface ConfigIssue {
  /**
   * Where: the dotted path of the field (`pipeline.0.steps`; empty for the whole object), the
   * command-line argument (`--set seed=[1`) or the place in the file (`line 5, column 1`).
   */
  readonly path: string;
  /** What is wrong and what is allowed, e.g. `expected an integer >= 1, got 0`. */
  readonly message: string;
}

/** Longest word (run of non-blanks) of an issue in the message, e.g. a file path quoted from a config. */
const LONGEST_WORD = 200;

/** `text` with every word longer than `LONGEST_WORD` cut to it and `…`: a 1 MB value stays out of the message. */
const clipWords = (text: string) => text.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g'), (word) => `${word.slice(0, LONGEST_WORD)}…`);

/**
 * Bad input: a config file, a plugin's options or a command-line argument was rejected (the CLI
 * exits with 2). The message is `context` then every issue as `path: message` on its own line
 * (words longer than 200 characters cut, with `…`); `issues` keeps them whole and apart for
 * programs. Without issues the message is `context` alone.
 */
export class ConfigError extends ScoreflowError {
  readonly issues: readonly ConfigIssue[];
  constructor(context: string, issues: readonly ConfigIssue[], options?: { cause?: unknown }) {
    const lines = issues.map((issue) => `  - ${issue.path === '' ? '(root)' : issue.path}: ${clipWords(issue.message)}`);
    super(issues.length === 0 ? context : `${context}:\n${lines.join('\n')}`, options);
    this.issues = issues;
  }
}
tagErrorClass(ConfigError, CONFIG_ERROR);

/**
 * Whether `value` is a `ConfigError` (bad input: any subclass, e.g. `UnknownPluginError` or
 * score-nets' `CheckpointError`) of any installed copy of @scoreflow/core, checked by a
 * `Symbol.for` tag instead of `instanceof`.
 *
 * @example
 * isConfigError(new ConfigError('config file not found: c.yaml', [])); // true
 * isConfigError(new ScoreflowError('the run failed'));                  // false
 */
export function isConfigError(value: unknown): value is ConfigError {
  return hasErrorTag(value, CONFIG_ERROR);
}
