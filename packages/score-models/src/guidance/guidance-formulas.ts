/** Fields of n * dim values, float32 (score models) or float64 (reference arithmetic). */
type Field = Float32Array | Float64Array;

/**
 * Classifier guidance in score form (Dhariwal & Nichol 2021, arXiv 2105.05233, Algorithm 1 and
 * eq. 14 written for scores): out = s + w grad_x log p_t(y | x). At w = 1 it is the exact
 * conditional score s_y when `gradient` is exact; w = 0 is `score`. `out` may be `score`.
 */
export function classifierGuided(score: Field, gradient: Field, w: number, out: Field): Field {
  for (let i = 0; i < out.length; i++) out[i] = score[i] + w * gradient[i];
  return out;
}

/**
 * Classifier-free guidance (Ho & Salimans 2022, arXiv 2207.12598) in this project's convention:
 * out = s_u + gamma (s_c - s_u). gamma = 1 is the conditional score, gamma = 0 the unconditional;
 * gamma is diffusers' `guidance_scale` and Ho & Salimans' w + 1. Linear, so the same for eps,
 * scores and denoisers. `out` may be `unconditional`.
 */
export function classifierFreeGuided(unconditional: Field, conditional: Field, gamma: number, out: Field): Field {
  for (let i = 0; i < out.length; i++) out[i] = unconditional[i] + gamma * (conditional[i] - unconditional[i]);
  return out;
}
