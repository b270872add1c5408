import { SingleBar } from 'cli-progress';

/** Reports how many particle-steps of a run are done. */
export interface ProgressReporter {
  start(total: number): void;
  update(done: number, label: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal (cli-progress), plain lines otherwise: one
 * line every 10% so that logs of CI and pipes stay short. `unit` names what is counted (the
 * bar shows its rate per second).
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, unit = 'particle-steps'): ProgressReporter {
  return stream.isTTY ? barReporter(stream, unit) : lineReporter(stream);
}

function barReporter(stream: NodeJS.WriteStream, unit: string): ProgressReporter {
  const bar = new SingleBar({
    stream,
    format: `scoreflow [{bar}] {percentage}% | {label} | {rate} ${unit}/s | eta {eta_formatted}`,
    hideCursor: true,
    barsize: 30,
  });
  let started = 0;
  return {
    start(total) {
      started = performance.now();
      bar.start(total, 0, { label: 'starting', rate: '-' });
    },
    update(done, label) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { label, rate: seconds > 0 ? formatRate(done / seconds) : '-' });
    },
    stop: () => bar.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let total = 1;
  let nextTenth = 1;
  return {
    start(value) {
      total = Math.max(1, value);
      nextTenth = 1;
    },
    update(done, label) {
      const tenth = Math.floor((10 * done) / total);
      if (tenth >= nextTenth) {
        stream.write(`progress ${Math.min(100, tenth * 10)}% ${label}\n`);
        nextTenth = tenth + 1;
      }
    },
    stop: () => undefined,
  };
}

function formatRate(rate: number): string {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(1)}M` : rate >= 1e3 ? `${(rate / 1e3).toFixed(1)}k` : rate.toFixed(0);
}

/** A reporter that reports nothing (tests, library use). */
export const silentProgress: ProgressReporter = { start: () => undefined, update: () => undefined, stop: () => undefined };
