import { describe, expect, it } from 'vitest';
import { conditionalFlow } from './conditional-flow.js';
import { FLOW_PATH_NAMES, bridgePath, flowPath, lipmanPath, straightPath } from './flow-path.js';

describe('flow paths x_t = a x0 + b x1 + c eps', () => {
  it('the conditional velocity is d/dt x_t (central differences, every path, t in (0, 1))', () => {
    const [x0, x1, eps] = [0.7, -1.3, 0.4];
    for (const path of [straightPath(0.1), lipmanPath(0.05), bridgePath(0.8)]) {
      for (const t of [0.05, 0.3, 0.5, 0.8, 0.97]) {
        const at = (s: number) => {
          const { a, b, c } = path.coefficients(s);
          return a * x0 + b * x1 + c * eps;
        };
        const h = 1e-6;
        const { da, db, dc, c, cdc } = path.coefficients(t);
        expect(da * x0 + db * x1 + dc * eps, `${path.name} at ${t}`).toBeCloseTo((at(t + h) - at(t - h)) / (2 * h), 6);
        expect(c * dc).toBeCloseTo(cdc, 12);
      }
    }
  });

  it('start at x0 and end at x1 (lipman: x1 + sigma_min x0)', () => {
    for (const path of [straightPath(0), bridgePath(1)]) {
      expect(path.coefficients(0)).toMatchObject({ a: 1, b: 0, c: 0 });
      expect(path.coefficients(1)).toMatchObject({ a: 0, b: 1, c: 0 });
    }
    expect(lipmanPath(0.1).coefficients(1).a).toBeCloseTo(0.1, 15);
  });

  it("SB-CFM's target is (1 - 2t) / (2t(1 - t)) (x_t - mu_t) + x1 - x0 (torchcfm's form)", () => {
    const path = bridgePath(0.5);
    const t = Float32Array.of(0.2, 0.7);
    const x0 = Float32Array.of(1, 2, -1, 0);
    const x1 = Float32Array.of(3, -1, 0.5, 2);
    const eps = Float32Array.of(0.3, -0.6, 1.1, 0.2);
    const { xt, target } = conditionalFlow(path, x0, x1, eps, t, 2);
    for (let i = 0; i < 4; i++) {
      const ti = t[i >> 1];
      const mu = (1 - ti) * x0[i] + ti * x1[i];
      expect(target[i]).toBeCloseTo(((1 - 2 * ti) / (2 * ti * (1 - ti))) * (xt[i] - mu) + x1[i] - x0[i], 5);
    }
  });

  it('flowPath(name, sigma) names every path; bad parameters are named', () => {
    for (const name of FLOW_PATH_NAMES) expect(flowPath(name, 0.1).name).toBe(name);
    expect(() => bridgePath(0)).toThrow(/bridgePath: 'sigma' must be a finite number > 0, got 0/);
    expect(() => lipmanPath(1)).toThrow(/lipmanPath: 'sigmaMin' must be in \[0, 1\), got 1/);
    expect(() => conditionalFlow(straightPath(), new Float32Array(2), new Float32Array(4), new Float32Array(4), new Float32Array(2), 2)).toThrow(/must hold n \* dim = 4 values/);
  });
});
