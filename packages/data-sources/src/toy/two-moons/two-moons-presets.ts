/**
 * Named two-moons settings. `standard` is scikit-learn's `make_moons(noise=0.05)`, shifted by
 * (-0.5, -0.25) and scaled by 2: x = 2 (p + 0.05 z + (-0.5, -0.25)), which centres the set at 0
 * (the moons' mean is (0.5, 0.25)). The two-moons quality target of issue 5 is measured on it.
 */
export const TWO_MOONS_PRESETS = {
  standard: { noise: 0.05, shift: [-0.5, -0.25], scale: 2 },
} as const satisfies Record<string, { noise: number; shift: readonly [number, number]; scale: number }>;

export type TwoMoonsPreset = keyof typeof TWO_MOONS_PRESETS;
