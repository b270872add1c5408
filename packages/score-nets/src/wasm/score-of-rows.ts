import type { MlpScoreDescription } from '@scoreflow/core';

/**
 * `scoreOf` (parameterisation.ts) on plain float32 rows, in place: `raw` (the network's output
 * at x, n x dim) becomes the score for x_t = m x_0 + s eps with one (m, s) for all rows, each
 * operation rounded to float32 as TF.js computes it on float32 tensors: eps -> -raw / s, score ->
 * raw, denoiser -> (m raw - x) / s^2 (Tweedie's formula).
 */
export function scoreOfRows(kind: MlpScoreDescription['output'], raw: Float32Array, x: Float32Array, m: number, s: number): void {
  const f = Math.fround;
  const [mf, sf] = [f(m), f(s)];
  switch (kind) {
    case 'score':
      return;
    case 'eps':
      for (let i = 0; i < raw.length; i++) raw[i] = -f((raw[i] as number) / sf);
      return;
    case 'denoiser': {
      const s2 = f(sf * sf);
      for (let i = 0; i < raw.length; i++) raw[i] = f(f(f((raw[i] as number) * mf) - (x[i] as number)) / s2);
      return;
    }
  }
}
