import { describe, expect, it } from 'vitest';
import { ddpmTimesteps } from './ddpm-spacing.js';

const levels = (...args: Parameters<typeof ddpmTimesteps>) => Array.from(ddpmTimesteps(...args));

describe('ddpmTimesteps (diffusers timestep_spacing)', () => {
  it("'leading': (S - k) floor(N / (S + 1)), DDIMScheduler.set_timesteps(S + 1), ending at level 0", () => {
    expect(levels('leading', 1000, 4)).toEqual([800, 600, 400, 200, 0]);
    expect(levels('leading', 1000, 49)).toEqual(Array.from({ length: 50 }, (_, k) => 980 - 20 * k));
    expect(levels('leading', 1000, 6)).toEqual([852, 710, 568, 426, 284, 142, 0]);
  });

  it("'trailing': round(N - k N / S) - 1 from N - 1, then -1 (the data): DDIMScheduler.set_timesteps(S) and the clean end", () => {
    expect(levels('trailing', 1000, 4)).toEqual([999, 749, 499, 249, -1]);
    expect(levels('trailing', 1000, 3)).toEqual([999, 666, 332, -1]);
    expect(levels('trailing', 10, 10)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1]);
  });

  it("'linspace': round(linspace(0, N - 1, S + 1)) reversed, with numpy's half-to-even rounding", () => {
    expect(levels('linspace', 1000, 4)).toEqual([999, 749, 500, 250, 0]);
    expect(levels('linspace', 1000, 10)).toEqual([999, 899, 799, 699, 599, 500, 400, 300, 200, 100, 0]);
    expect(levels('linspace', 10, 2)).toEqual([9, 4, 0]); // 4.5 rounds to 4
    expect(levels('linspace', 6, 2)).toEqual([5, 2, 0]); // 2.5 rounds to 2
  });

  it('allows at most N - 1 steps (N for trailing), naming steps', () => {
    expect(levels('leading', 10, 9)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(() => ddpmTimesteps('leading', 10, 10)).toThrow(/steps must be an integer in \[1, 9\] for 10 training levels with 'leading' spacing, got 10/);
    expect(() => ddpmTimesteps('linspace', 10, 10)).toThrow(/\[1, 9\]/);
    expect(() => ddpmTimesteps('trailing', 10, 11)).toThrow(/\[1, 10\]/);
    expect(() => ddpmTimesteps('middle' as 'leading', 10, 2)).toThrow(/spacing must be one of 'leading', 'trailing', 'linspace', got 'middle'/);
  });
});
