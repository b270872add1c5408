/** Where library code reports progress and warnings; the runner prints, tests stay silent. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

const ignore = (): void => undefined;

/** A logger that drops everything. */
export const silentLogger: Logger = { info: ignore, warn: ignore, debug: ignore };
