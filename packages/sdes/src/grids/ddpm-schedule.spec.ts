import { describe, expect, it } from 'vitest';
import { ddpmAlphaBars, ddpmBetas, ddpmLogAlphaBars } from './ddpm-schedule.js';

/** prod_{j <= i} (1 - beta_j), computed directly. */
function product(betas: Float64Array, i: number): number {
  let p = 1;
  for (let j = 0; j <= i; j++) p *= 1 - betas[j];
  return p;
}

const cosineF = (t: number) => Math.cos(((t + 0.008) / 1.008) * (Math.PI / 2)) ** 2;

describe('ddpm schedules', () => {
  it("ddpmBetas() is Ho et al. 2020's linear 1e-4 .. 0.02 over 1000 levels", () => {
    const betas = ddpmBetas();
    expect(betas.length).toBe(1000);
    expect(betas[0]).toBe(1e-4);
    expect(betas[999]).toBeCloseTo(0.02, 15);
    expect(betas[500] - betas[499]).toBeCloseTo(0.0199 / 999, 15);
  });

  it('ddpmAlphaBars() is the product of 1 - beta: alpha_bar_999 of the linear schedule is about 4.04e-5', () => {
    const betas = ddpmBetas();
    const alphaBars = ddpmAlphaBars();
    for (const i of [0, 1, 499, 999]) expect(Math.abs(alphaBars[i] / product(betas, i) - 1)).toBeLessThan(1e-12);
    expect(alphaBars[0]).toBeCloseTo(1 - 1e-4, 15);
    expect(Math.abs(alphaBars[999] / 4.0358e-5 - 1)).toBeLessThan(1e-4);
    expect(ddpmLogAlphaBars()[999]).toBeCloseTo(Math.log(product(betas, 999)), 10);
  });

  it("ddpmBetas({ schedule: 'scaled-linear' }) is linear in sqrt(beta) (Stable Diffusion: alpha_bar_999 = 0.00466)", () => {
    const options = { schedule: 'scaled-linear', betaStart: 0.00085, betaEnd: 0.012 } as const;
    const betas = ddpmBetas(options);
    const step = Math.sqrt(betas[1]) - Math.sqrt(betas[0]);
    expect(step).toBeCloseTo((Math.sqrt(0.012) - Math.sqrt(0.00085)) / 999, 15);
    expect(Math.sqrt(betas[700]) - Math.sqrt(betas[699])).toBeCloseTo(step, 15);
    expect(betas[0]).toBeCloseTo(0.00085, 15);
    expect(betas[999]).toBeCloseTo(0.012, 15);
    const alphaBar = ddpmAlphaBars(options)[999];
    expect(Math.abs(alphaBar / product(betas, 999) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(alphaBar / 0.0046601 - 1)).toBeLessThan(1e-4);
  });

  it("ddpmAlphaBars({ schedule: 'cosine' }) is f((i + 1) / N) / f(0), f(t) = cos^2(((t + 0.008) / 1.008) pi / 2), until the 0.999 cap", () => {
    const n = 1000;
    const betas = ddpmBetas({ schedule: 'cosine' });
    const alphaBars = ddpmAlphaBars({ schedule: 'cosine' });
    for (const i of [0, 1, 250, 500, 900, 990, 998]) expect(Math.abs(alphaBars[i] / (cosineF((i + 1) / n) / cosineF(0)) - 1)).toBeLessThan(1e-10);
    // f(1) = 0: the last beta would be 1; it is capped at 0.999 (Nichol and Dhariwal 2021, section 3.2).
    expect(betas[999]).toBe(0.999);
    expect(Math.max(...betas.subarray(0, 999))).toBeLessThan(0.999);
    expect(alphaBars[999]).toBeCloseTo(alphaBars[998] * 0.001, 15);
    // The schedule ignores betaStart and betaEnd.
    expect(ddpmBetas({ schedule: 'cosine', betaStart: 0.3, betaEnd: 0.4 })).toEqual(betas);
  });

  it('ddpmBetas rejects bad options, naming them', () => {
    expect(() => ddpmBetas({ trainSteps: 1 })).toThrow(/ddpmBetas: trainSteps must be an integer >= 2, got 1/);
    expect(() => ddpmBetas({ betaStart: 0 })).toThrow(/ddpmBetas: 'betaStart' must be a finite number > 0/);
    expect(() => ddpmBetas({ betaEnd: 1 })).toThrow(/ddpmBetas: betaEnd must be in \[betaStart \(0.0001\), 1\), got 1/);
    expect(() => ddpmBetas({ betaStart: 0.1, betaEnd: 0.01 })).toThrow(/betaEnd must be in \[betaStart \(0.1\)/);
    expect(() => ddpmBetas({ schedule: 'quadratic' as 'linear' })).toThrow(/ddpmBetas: schedule must be one of 'linear', 'scaled-linear', 'cosine', got 'quadratic'/);
  });
});
