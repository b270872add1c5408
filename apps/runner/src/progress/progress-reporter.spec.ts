import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.js';

describe('createProgressReporter', () => {
  it('writes one plain line per 10% when stderr is not a terminal', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter(stream);
    progress.start(100);
    for (let done = 0; done <= 100; done += 5) progress.update(done, `step ${done}`);
    progress.stop();
    expect(lines).toEqual(Array.from({ length: 10 }, (_, i) => `progress ${(i + 1) * 10}% step ${(i + 1) * 10}\n`));
  });
});
