import type { Sde } from '@scoreflow/core';

/**
 * What a score network learned about its SDE: the name, T and the marginal x_t = m(t) x_0 +
 * s(t) eps at a few times. A network's output becomes a score through the marginal of the SDE it
 * is used with (`scoreOf`), so it must be used with the SDE it was trained under.
 */
export interface SdeSignature {
  readonly name: string;
  readonly T: number;
  /** (t, m(t), s(t)) at t = f T for f in `SIGNATURE_FRACTIONS`. */
  readonly marginals: readonly { readonly t: number; readonly mean: number; readonly std: number }[];
}

/** Fractions of T at which `sdeSignature` samples the marginal. */
export const SIGNATURE_FRACTIONS = [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 1] as const;

/** The signature of `sde`, for a checkpoint's metadata. */
export function sdeSignature(sde: Sde): SdeSignature {
  return {
    name: sde.name,
    T: sde.T,
    marginals: SIGNATURE_FRACTIONS.map((f) => {
      const t = f * sde.T;
      const { mean, std } = sde.marginal(t);
      return { t, mean, std };
    }),
  };
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Where `sde` differs from the SDE of `signature`, in words (its T, or its marginal at some t),
 * or `undefined` when they agree to 1e-6 (relative).
 */
export function sdeMismatch(signature: SdeSignature, sde: Sde): string | undefined {
  if (!close(signature.T, sde.T)) return `T is ${sde.T}, the network was trained with T = ${signature.T}`;
  for (const { t, mean, std } of signature.marginals) {
    const now = sde.marginal(t);
    if (!close(now.mean, mean) || !close(now.std, std)) {
      return `at t = ${t} its marginal is m = ${now.mean}, s = ${now.std}; the network was trained with m = ${mean}, s = ${std} (SDE '${signature.name}')`;
    }
  }
  return undefined;
}

/** Whether `value` (e.g. from a checkpoint's metadata) is an `SdeSignature`. */
export function isSdeSignature(value: unknown): value is SdeSignature {
  const v = value as SdeSignature | undefined;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.T === 'number' && Array.isArray(v.marginals);
}
