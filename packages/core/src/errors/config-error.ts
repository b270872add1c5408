import { ScoreflowError } from './scoreflow-error.js';

/** One problem found in a config or in a plugin's options. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `pipeline.0.steps`. Empty for the whole object. */
  readonly path: string;
  /** What is wrong and what is allowed, e.g. `expected an integer >= 1, got 0`. */
  readonly message: string;
}

/**
 * A config file, a plugin's options or a command-line option was rejected. The message lists
 * every issue as `path: message`; `issues` keeps them apart for programs.
 */
export class ConfigError extends ScoreflowError {
  readonly issues: readonly ConfigIssue[];
  constructor(context: string, issues: readonly ConfigIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path === '' ? '(root)' : issue.path}: ${issue.message}`);
    super(`${context}:\n${lines.join('\n')}`);
    this.issues = issues;
  }
}
