import { describe, expect, it } from 'vitest';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, inkIn } from '../testing/pixels.js';
import { frameArea, gridFromLogDensity } from './density-grid.js';
import { drawDensityHeatmap } from './draw-density-heatmap.js';
import { histogram2d } from './histogram-2d.js';

/** log N((1, -0.5), 0.3^2 I). */
const gaussian = (x: Float32Array, out: Float64Array) => {
  for (let i = 0; i < out.length; i++) {
    const dx = (x[2 * i] - 1) / 0.3;
    const dy = (x[2 * i + 1] + 0.5) / 0.3;
    out[i] = -0.5 * (dx * dx + dy * dy) - Math.log(2 * Math.PI * 0.09);
  }
  return out;
};

/** Canvas position of the brightest pixel of the inner area (sum of channels). */
function hottest(ctx: ReturnType<typeof blank>['ctx'], box: { x: number; y: number; width: number; height: number }): [number, number] {
  const { data } = ctx.getImageData(box.x, box.y, box.width, box.height);
  let best = -1;
  let at = 0;
  for (let p = 0; p < data.length; p += 4) {
    const v = data[p] + data[p + 1] + data[p + 2];
    if (v > best) [best, at] = [v, p / 4];
  }
  return [box.x + (at % box.width), box.y + Math.floor(at / box.width)];
}

describe('drawDensityHeatmap', () => {
  it('puts the hottest pixel at the mode of a log density', () => {
    const { ctx } = blank(220, 200);
    const frame = createPlotFrame({ width: 220, height: 200, x: [-2, 2], y: [-2, 2], margin: { right: 36 } });
    const scale = drawDensityHeatmap(ctx, frame, gridFromLogDensity(gaussian, frameArea(frame)));
    const [x, y] = hottest(ctx, frame.inner);
    expect(Math.abs(x - frame.x(1))).toBeLessThanOrEqual(2);
    expect(Math.abs(y - frame.y(-0.5))).toBeLessThanOrEqual(2);
    expect(scale.domain[1]).toBeCloseTo(1 / (2 * Math.PI * 0.09), 1);
  });

  it('puts the hottest cell of a smoothed histogram at the mode of the samples, and draws a colour bar', () => {
    const { ctx } = blank(240, 200);
    const frame = createPlotFrame({ width: 240, height: 200, x: [-2, 2], y: [-2, 2], margin: { right: 70 } });
    const points = new Float32Array(4000);
    for (let i = 0; i < 2000; i++) {
      points[2 * i] = -1 + 0.3 * Math.cos(i) * ((i % 7) / 7);
      points[2 * i + 1] = 1 + 0.3 * Math.sin(i) * ((i % 5) / 5);
    }
    const bar = { x: frame.inner.x + frame.inner.width + 8, y: frame.inner.y, width: 60, height: frame.inner.height };
    expect(inkIn(ctx, bar)).toBe(0);
    drawDensityHeatmap(ctx, frame, histogram2d(points, { x: [-2, 2], y: [-2, 2], nx: 40, ny: 40 }, { smooth: 1 }), { colourBar: true });
    const [x, y] = hottest(ctx, frame.inner);
    expect(Math.abs(x - frame.x(-1))).toBeLessThanOrEqual(6);
    expect(Math.abs(y - frame.y(1))).toBeLessThanOrEqual(6);
    expect(inkIn(ctx, bar)).toBeGreaterThan(1000);
  });
});

describe('histogram2d', () => {
  it('is a density: it integrates to the share of points inside the area, smoothed or not', () => {
    const points = new Float32Array([0.1, 0.1, 0.5, 0.5, 0.9, 0.2, 5, 5]);
    for (const smooth of [0, 1]) {
      const grid = histogram2d(points, { x: [0, 1], y: [0, 1], nx: 10, ny: 10 }, { smooth });
      const mass = grid.values.reduce((sum, v) => sum + v, 0) * 0.01;
      expect(mass).toBeLessThanOrEqual(0.75 + 1e-9);
      expect(mass).toBeGreaterThan(smooth === 0 ? 0.75 - 1e-9 : 0.5);
    }
  });
});
