/**
 * The font family every label is drawn in: DejaVu Sans, shipped in `assets/fonts/` and registered
 * by `createFigure` in node (the gallery registers it with `@font-face`). The generic fallback
 * keeps text legible where it is missing.
 */
export const FONT_FAMILY = 'DejaVu Sans';

/** A CSS font string: `font(11)` is `11px "DejaVu Sans", sans-serif`. */
export const font = (size: number, weight: 'normal' | 'bold' = 'normal'): string =>
  `${weight === 'bold' ? 'bold ' : ''}${size}px "${FONT_FAMILY}", sans-serif`;
