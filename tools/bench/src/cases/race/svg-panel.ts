import type { Scale } from './scales.js';

/** One line of a panel: a name (for the legend), its style and its points. */
export interface Series {
  readonly name: string;
  readonly color: string;
  /** `circle` for MCMC, `square` for diffusion. */
  readonly marker: 'circle' | 'square';
  /** Stroke dash pattern, e.g. '6 3'; solid when absent. */
  readonly dash?: string;
  readonly points: readonly (readonly [number, number])[];
}

/** A chart: its box in the figure, its scales and what it shows. */
export interface Panel {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly x: Scale;
  readonly y: Scale;
  /** The plot area: left, top, right, bottom (pixels of the figure). */
  readonly box: readonly [number, number, number, number];
  readonly series: readonly Series[];
  /** A dotted horizontal reference line (the noise floor, the target share), labelled at its left end, below it, with an optional shaded band (e.g. floor ± its spread). */
  readonly reference?: { readonly y: number; readonly label: string; readonly band?: readonly [number, number] };
}

/** Escapes text for SVG (XML character data and attribute values). */
export const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fixed = (value: number) => value.toFixed(1);

/** The marker of a series at (cx, cy). */
export function marker(kind: Series['marker'], cx: number, cy: number, color: string): string {
  return kind === 'circle'
    ? `<circle cx="${fixed(cx)}" cy="${fixed(cy)}" r="3.5" fill="${color}"/>`
    : `<rect x="${fixed(cx - 3.5)}" y="${fixed(cy - 3.5)}" width="7" height="7" fill="${color}"/>`;
}

/** An SVG group drawing one panel: grid, axes with ticks and labels, title, reference line, one polyline with markers per series. */
export function panelSvg(panel: Panel): string {
  const [left, top, right, bottom] = panel.box;
  const { x, y } = panel;
  const out: string[] = ['<g>'];
  out.push(`<text x="${fixed((left + right) / 2)}" y="${top - 12}" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`);
  for (const tick of x.minorTicks) out.push(`<line x1="${fixed(x(tick))}" x2="${fixed(x(tick))}" y1="${bottom}" y2="${bottom + 3}" stroke="#444"/>`);
  for (const tick of x.ticks) {
    const px = fixed(x(tick));
    out.push(`<line x1="${px}" x2="${px}" y1="${top}" y2="${bottom}" stroke="#e4e4e4"/>`);
    out.push(`<line x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 6}" stroke="#444"/>`);
    out.push(`<text x="${px}" y="${bottom + 19}" text-anchor="middle" font-size="12">${escapeXml(x.label(tick))}</text>`);
  }
  for (const tick of y.ticks) {
    const py = fixed(y(tick));
    out.push(`<line x1="${left}" x2="${right}" y1="${py}" y2="${py}" stroke="#e4e4e4"/>`);
    out.push(`<line x1="${left - 6}" x2="${left}" y1="${py}" y2="${py}" stroke="#444"/>`);
    out.push(`<text x="${left - 9}" y="${py}" dy="0.35em" text-anchor="end" font-size="12">${escapeXml(y.label(tick))}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#444"/>`);
  out.push(`<text x="${fixed((left + right) / 2)}" y="${bottom + 38}" text-anchor="middle" font-size="13">${escapeXml(panel.xLabel)}</text>`);
  const cy = (top + bottom) / 2;
  out.push(`<text x="${left - 44}" y="${fixed(cy)}" text-anchor="middle" font-size="13" transform="rotate(-90 ${left - 44} ${fixed(cy)})">${escapeXml(panel.yLabel)}</text>`);
  if (panel.reference !== undefined) {
    const band = panel.reference.band;
    if (band !== undefined) {
      const [low, high] = [y(Math.max(band[0], y.domain[0])), y(Math.min(band[1], y.domain[1]))];
      out.push(`<rect x="${left}" y="${fixed(Math.min(low, high))}" width="${right - left}" height="${fixed(Math.abs(low - high))}" fill="#000000" fill-opacity="0.06"/>`);
    }
    const py = fixed(y(panel.reference.y));
    out.push(`<line x1="${left}" x2="${right}" y1="${py}" y2="${py}" stroke="#666" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${left + 5}" y="${fixed(y(panel.reference.y) + 14)}" font-size="11" fill="#444">${escapeXml(panel.reference.label)}</text>`);
  }
  for (const series of panel.series) {
    const points = series.points.map(([px, py]) => [x(px), y(py)] as const);
    const dash = series.dash === undefined ? '' : ` stroke-dasharray="${series.dash}"`;
    out.push(`<polyline points="${points.map(([px, py]) => `${fixed(px)},${fixed(py)}`).join(' ')}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of points) out.push(marker(series.marker, px, py, series.color));
  }
  out.push('</g>');
  return out.join('\n');
}

/**
 * The legend row under a figure's panels: one entry per series, spread evenly from `left` to
 * `width - left` at height `y`, each a line sample `swatch` pixels long (dashed like the series) with
 * its marker in the middle, and the series name `gap` pixels after it.
 */
export function legendRow(series: readonly Series[], { left, width, y, swatch, gap }: { left: number; width: number; y: number; swatch: number; gap: number }): string[] {
  return series.map((entry, index) => {
    const cx = left + (index * (width - 2 * left)) / series.length;
    const dash = entry.dash === undefined ? '' : ` stroke-dasharray="${entry.dash}"`;
    return [
      `<line x1="${cx}" x2="${cx + swatch}" y1="${y}" y2="${y}" stroke="${entry.color}" stroke-width="2"${dash}/>`,
      marker(entry.marker, cx + swatch / 2, y, entry.color),
      `<text x="${cx + swatch + gap}" y="${y}" dy="0.35em" font-size="13">${escapeXml(entry.name)}</text>`,
    ].join('\n');
  });
}
