import { type Rng, type Sde, streamId } from '@scoreflow/core';

/** a(t) of a linear SDE, read back from its drift: f(1, t). */
export function driftFactor(sde: Sde, t: number): number {
  const out = new Float32Array(1);
  sde.drift(new Float32Array([1]), t, out);
  return out[0];
}

/**
 * Integrates the moment ODEs of dx = a(t) x dt + g(t) dW from (m, v) = (1, 0) at t = 0 to `t`
 * with classical Runge-Kutta: dm/dt = a m, dv/dt = 2 a v + g^2. Returns { mean: m, std: sqrt(v) }.
 */
export function integrateMoments(sde: Sde, t: number, steps = 4000): { mean: number; std: number } {
  const h = t / steps;
  const rhs = (time: number, m: number, v: number): [number, number] => {
    const a = driftFactor(sde, time);
    const g = sde.diffusion(time);
    return [a * m, 2 * a * v + g * g];
  };
  let m = 1;
  let v = 0;
  for (let k = 0; k < steps; k++) {
    const t0 = k * h;
    const [m1, v1] = rhs(t0, m, v);
    const [m2, v2] = rhs(t0 + h / 2, m + (h / 2) * m1, v + (h / 2) * v1);
    const [m3, v3] = rhs(t0 + h / 2, m + (h / 2) * m2, v + (h / 2) * v2);
    const [m4, v4] = rhs(t0 + h, m + h * m3, v + h * v3);
    m += (h / 6) * (m1 + 2 * m2 + 2 * m3 + m4);
    v += (h / 6) * (v1 + 2 * v2 + 2 * v3 + v4);
  }
  return { mean: m, std: Math.sqrt(v) };
}

/** Result of `eulerMaruyama`: the particles, and the exact moments of the discrete chain it ran. */
export interface EulerMaruyamaRun {
  readonly x: Float32Array;
  /** Mean factor and noise std of the Euler-Maruyama chain itself (no Monte Carlo error). */
  readonly discrete: { mean: number; std: number };
}

/**
 * Simulates x_{k+1} = x_k + f(x_k, t_k) dt + g(t_k) sqrt(dt) z_k for `n` particles of dimension
 * `dim` started at `x0` (every coordinate), from t = 0 to `tEnd` in `steps` steps, with normals
 * from `rng`. Also runs the chain's moment recursion m' = (1 + a dt) m, v' = (1 + a dt)^2 v + g^2 dt.
 */
export function eulerMaruyama(sde: Sde, x0: number, n: number, dim: number, tEnd: number, steps: number, rng: Rng): EulerMaruyamaRun {
  const dt = tEnd / steps;
  const x = new Float32Array(n * dim).fill(x0);
  const f = new Float32Array(n * dim);
  const z = new Float32Array(n * dim);
  const ids = { first: 0, count: n };
  const stream = streamId('test-euler-maruyama');
  let m = 1;
  let v = 0;
  for (let k = 0; k < steps; k++) {
    const t = k * dt;
    const noise = sde.diffusion(t) * Math.sqrt(dt);
    sde.drift(x, t, f);
    rng.normal(z, ids, dim, { step: k, stream });
    for (let i = 0; i < x.length; i++) x[i] += f[i] * dt + noise * z[i];
    const factor = 1 + driftFactor(sde, t) * dt;
    m *= factor;
    v = factor * factor * v + noise * noise;
  }
  return { x, discrete: { mean: m, std: Math.sqrt(v) } };
}

/** Sample mean and standard deviation (n - 1 denominator), in float64. */
export function sampleMoments(values: Float32Array, count = values.length): { mean: number; std: number } {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i];
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (count - 1)) };
}
