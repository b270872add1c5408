import { type GaussianMixture, createRng, gaussianMixture } from '@scoreflow/core';

/** Angle of the outer moon's point i of `count` (numpy's `linspace(0, pi, count)`). */
const linspace = (i: number, count: number): number => (count === 1 ? 0 : (Math.PI * i) / (count - 1));

/** The unit centres of `sample_8gaussians`, in torchcfm's order. */
const S = 1 / Math.SQRT2;
const CENTRES = [[1, 0], [-1, 0], [0, 1], [0, -1], [S, S], [S, -S], [-S, S], [-S, -S]];

/** The per-coordinate standard deviation of `sample_8gaussians`: 0.1^(1/4) (covariance sqrt(0.1) I). */
const EIGHT_STD = 0.1 ** 0.25;

/**
 * torchcfm's `sample_8gaussians(n)` (torchcfm/utils.py, `eight_normal_sample(n, 2, scale = 5, var = 0.1)`):
 * centres 5 (+-1, 0), 5 (0, +-1), 5 (+-1, +-1) / sqrt 2 picked uniformly (`torch.multinomial`), plus
 * N(0, sqrt(0.1) I) noise: torchcfm passes `math.sqrt(var) * eye` as the covariance, so each
 * coordinate's standard deviation is 0.1^(1/4) = 0.562. Row-major, n x 2; keyed by `seed`.
 */
export function sample8Gaussians(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const z = rng.normal(new Float32Array(2 * n), { first: 0, count: n }, 2, { step: 0, stream: 1 });
  const u = rng.uniform(new Float64Array(n), { first: 0, count: n }, 1, { step: 0, stream: 2 });
  for (let i = 0; i < n; i++) {
    const [cx, cy] = CENTRES[Math.min(7, Math.floor(u[i] * 8))];
    z[2 * i] = 5 * cx + EIGHT_STD * z[2 * i];
    z[2 * i + 1] = 5 * cy + EIGHT_STD * z[2 * i + 1];
  }
  return z;
}

/** The law `sample8Gaussians` draws from, as a mixture (equal weights): the flows' source density for their NLL. */
export function eightGaussiansMixture(): GaussianMixture {
  return gaussianMixture({ means: CENTRES.map(([cx, cy]) => [5 * cx, 5 * cy]), std: EIGHT_STD });
}

/**
 * torchcfm's `sample_moons(n)`: torchdyn's `generate_moons(n, noise = 0.2)` times 3, minus 1. torchdyn
 * (torchdyn/datasets/static_datasets.py) is not scikit-learn's `make_moons`: the n // 2 outer points
 * (cos a, sin a) and the n - n // 2 inner points (1 - cos a, 1/2 - sin a) sit at evenly spaced angles
 * a = linspace(0, pi), unshuffled, and its noise is `np.random.rand(n, 1) * noise`: one uniform
 * U(0, 0.2) per point added to both coordinates (a shift along the diagonal, mean 0.1). Row-major,
 * n x 2; the noise keyed by `seed`.
 */
export function sampleMoons(n: number, seed: number): Float32Array {
  const u = createRng(seed).uniform(new Float64Array(n), { first: 0, count: n }, 1, { step: 0, stream: 3 });
  const outer = Math.floor(n / 2);
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const inner = i >= outer;
    const a = inner ? linspace(i - outer, n - outer) : linspace(i, outer);
    const noise = 0.2 * u[i];
    x[2 * i] = 3 * ((inner ? 1 - Math.cos(a) : Math.cos(a)) + noise) - 1;
    x[2 * i + 1] = 3 * ((inner ? 0.5 - Math.sin(a) : Math.sin(a)) + noise) - 1;
  }
  return x;
}
