import { describe, expect, it } from 'vitest';
import { bestOf } from './measure.js';
import { markdownReport } from './report.js';

describe('markdownReport', () => {
  it('markdownReport(results, header) writes one table per benchmark with targets', () => {
    const text = markdownReport(
      [{ bench: 'step', description: '1M particles', values: [{ name: 'time', value: 21.456, unit: 'ns', target: '<= 30' }, { name: 'rate', value: 4.2e7, unit: '1/s' }] }],
      'Measured here.',
    );
    expect(text).toContain('### step\n\n1M particles\n\n| measure | value | unit | target |');
    expect(text).toContain('| time | 21.5 | ns | <= 30 |');
    expect(text).toContain('| rate | 42.00 M | 1/s |  |');
  });
});

describe('bestOf', () => {
  it('bestOf(repeats, run) runs a warm-up plus `repeats` times and returns the fastest', async () => {
    let calls = 0;
    const ms = await bestOf(3, () => calls++);
    expect(calls).toBe(4);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});
