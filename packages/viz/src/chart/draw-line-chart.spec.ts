import { describe, expect, it } from 'vitest';
import { rgbOf } from '../colour/rgb.js';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, inkIn, pixelAt } from '../testing/pixels.js';
import { drawChainTrace } from './draw-chain-trace.js';
import { drawLineChart } from './draw-line-chart.js';
import { seriesDomains } from './series.js';

describe('drawLineChart', () => {
  it('draws each series through its points on log axes, with a legend', () => {
    const series = [
      { name: 'a', x: [1, 10, 100], y: [1, 0.1, 0.01], colour: 'rgb(200, 0, 0)' },
      { name: 'b', x: [1, 10, 100], y: [0.5, 0.5, 0.5], colour: 'rgb(0, 0, 200)' },
    ];
    const domains = seriesDomains(series, { x: true, y: true })!;
    expect(domains.x).toEqual([1, 100]);
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, ...domains, xLog: true, yLog: true });
    drawLineChart(ctx, frame, series, { legend: 'bottom-left' });
    // The midpoint of series a in log-log space lies on its line: (10, 0.1).
    expect(pixelAt(ctx, frame.x(10), frame.y(0.1)).slice(0, 3)).toEqual([...rgbOf('rgb(200, 0, 0)')]);
    expect(pixelAt(ctx, frame.x(30), frame.y(0.5))[2]).toBeGreaterThan(150);
    expect(inkIn(ctx, { x: frame.inner.x + 8, y: frame.inner.y + frame.inner.height - 40, width: 40, height: 34 })).toBeGreaterThan(20);
  });

  it('draws a series of one point, or a point between gaps, as a dot even without markers', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 4], y: [0, 4] });
    drawLineChart(ctx, frame, [
      { name: 'one', x: [1], y: [1], markers: false, colour: 'rgb(200, 0, 0)' },
      { name: 'gaps', x: [1, 2, 3], y: [Number.NaN, 3, Number.NaN], markers: false, colour: 'rgb(0, 0, 200)' },
    ], { legend: false });
    expect(pixelAt(ctx, frame.x(1), frame.y(1)).slice(0, 3)).toEqual([200, 0, 0]);
    expect(pixelAt(ctx, frame.x(2), frame.y(3)).slice(0, 3)).toEqual([0, 0, 200]);
  });

  it('skips points a log axis cannot show', () => {
    expect(seriesDomains([{ name: 'a', x: [1, 2, 3], y: [0, -1, 2] }], { y: true })?.x).toEqual([3, 3]);
    expect(seriesDomains([{ name: 'a', x: [1], y: [Number.NaN] }])).toBeUndefined();
  });
});

describe('drawChainTrace', () => {
  it('draws one coordinate of every chain against the iteration', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [0, 3], y: [-1, 1] });
    // Two chains, four iterations; coordinate 1 of chain 0 is 0.5 throughout.
    const positions = new Float32Array([0, 0.5, 0, -0.5, 0, 0.5, 0, -0.5, 0, 0.5, 0, -0.5, 0, 0.5, 0, -0.5]);
    drawChainTrace(ctx, frame, { paths: 2, steps: 4, dim: 2, positions }, { coordinate: 1, lineWidth: 2 });
    expect(inkIn(ctx, { x: frame.x(1), y: frame.y(0.5) - 1, width: 10, height: 3 })).toBeGreaterThan(10);
    expect(inkIn(ctx, { x: frame.x(1), y: frame.y(0) - 5, width: 10, height: 10 })).toBe(0);
    expect(() => drawChainTrace(ctx, frame, { paths: 2, steps: 4, dim: 2, positions }, { coordinate: 2 })).toThrow(/coordinate 2/);
  });

  it('draws each chain of a single snapshot as a dot', () => {
    const { ctx } = blank(300, 200);
    const frame = createPlotFrame({ width: 300, height: 200, x: [39, 41], y: [-1, 1] });
    drawChainTrace(ctx, frame, { paths: 2, steps: 1, dim: 1, positions: new Float32Array([0.5, -0.5]), times: [40] }, { legend: false });
    expect(inkIn(ctx, { x: frame.x(40) - 2, y: frame.y(0.5) - 2, width: 4, height: 4 })).toBeGreaterThan(8);
    expect(inkIn(ctx, { x: frame.x(40) - 2, y: frame.y(-0.5) - 2, width: 4, height: 4 })).toBeGreaterThan(8);
  });
});
