import { ConfigError, type ConfigIssue, ScoreflowError, StandInUsedError } from '@scoreflow/core';

/** Collects the problems of many checks so that one `ConfigError` reports them all. */
export interface IssueCollector {
  readonly issues: readonly ConfigIssue[];
  /**
   * Runs `check`; a `ConfigError` it throws is recorded and gives undefined. So does a
   * `StandInUsedError` after a recorded problem (it follows from that one). With `path` (the
   * plugin `check` creates), any other `ScoreflowError` or a `RangeError` is recorded as an issue
   * there: thrown before anything runs, it is bad input (e.g. a data file that is missing).
   * Other errors go through.
   */
  attempt<T>(check: () => T, path?: string): T | undefined;
  /** Records issues found otherwise. */
  add(...issues: readonly ConfigIssue[]): void;
  /** Throws a `ConfigError` with every recorded issue, if there is one. */
  throwIfAny(context: string): void;
}

/** A fresh `IssueCollector`. */
export function createIssueCollector(): IssueCollector {
  const issues: ConfigIssue[] = [];
  return {
    issues,
    attempt(check, path) {
      try {
        return check();
      } catch (error) {
        if (error instanceof ConfigError) issues.push(...error.issues);
        else if (error instanceof StandInUsedError && issues.length > 0) return undefined; // follows from a recorded problem
        else if (error instanceof StandInUsedError) throw error;
        else if (path !== undefined && (error instanceof ScoreflowError || error instanceof RangeError)) issues.push({ path, message: error.message });
        else throw error;
        return undefined;
      }
    },
    add: (...found) => void issues.push(...found),
    throwIfAny(context) {
      if (issues.length > 0) throw new ConfigError(context, issues);
    },
  };
}
