// drawLineChart: series against x, for metric and loss charts.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { type LegendPosition, type Series, createPlotFrame, drawAxes, drawBand, drawLineChart, seriesDomains } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { componentDocs, optionOf, range, select, toggle, usage } from '../controls.js';

const meta: Meta = {
  title: 'Components/Line chart',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawLineChart(ctx, frame, series, options?)` draws series as lines (with dots for short series) in a frame, for metric charts: sample quality against NFE or t, a training loss against the step. Build the frame with `seriesDomains` (and `xLog` / `yLog`); points a log axis cannot show break the line. `drawBand(ctx, frame, band)` shades a range under the lines, such as a metric\'s noise floor.',
  ),
};
export default meta;

interface LineChartArgs {
  logAxes: boolean;
  band: boolean;
  legend: LegendPosition | 'none';
  lineWidth: number;
}

/** Error against score evaluations for methods of order 1/2, 2 and 2.5 (illustrative curves, not measurements), above a noise floor. */
export const ErrorAgainstNfe: StoryObj<LineChartArgs> = {
  name: 'Error against NFE',
  args: { logAxes: true, band: true, legend: 'top-right', lineWidth: 1.75 },
  argTypes: {
    logAxes: toggle('Log scales on both axes (`xLog`, `yLog` of the frame; `seriesDomains` with `{ x: true, y: true }`).'),
    band: toggle('Shade the noise floor, the error two exact samples would show, with `drawBand` under the lines.'),
    legend: optionOf('drawLineChart', select('`legend`: the corner of the legend box, or none (`false`).', ['top-right', 'top-left', 'bottom-right', 'bottom-left', 'none']), 'LegendPosition | false', "'top-right'"),
    lineWidth: optionOf('drawLineChart', range('`lineWidth` in canvas pixels.', 0.5, 4, 0.25), 'number', '1.75'),
  },
  parameters: usage("const domains = seriesDomains(series, { x: true, y: true })!;\nconst frame = createPlotFrame({ width: 560, height: 400, ...domains, xLog: true, yLog: true });\ndrawBand(ctx, frame, { x: nfe, lo: floorLo, hi: floorHi });\ndrawLineChart(ctx, frame, series, { legend: 'top-right' });"),
  render: (args) =>
    figure(560, 400, (ctx, canvas) => {
      const nfe = [4, 8, 16, 32, 64, 128, 256, 512];
      const series: Series[] = [
        { name: 'Euler-Maruyama (order 1/2)', x: nfe, y: nfe.map((n) => 2 / Math.sqrt(n)) },
        { name: 'Heun (order 2)', x: nfe, y: nfe.map((n) => 8 / n ** 2 + 1e-3) },
        { name: 'DPM-Solver++(2M)', x: nfe, y: nfe.map((n) => 3 / n ** 2.5 + 1e-3), dash: [6, 3] },
      ];
      const domains = seriesDomains(series, { x: args.logAxes, y: args.logAxes }) ?? { x: [1, 1000], y: [1e-4, 1] };
      const frame = createPlotFrame({ width: 560, height: 400, ...domains, xLog: args.logAxes, yLog: args.logAxes, margin: { top: 30, left: 64 } });
      if (args.band) drawBand(ctx, frame, { x: nfe, lo: nfe.map(() => 5e-4), hi: nfe.map(() => 2e-3) });
      drawLineChart(ctx, frame, series, { legend: args.legend === 'none' ? false : args.legend, lineWidth: args.lineWidth });
      drawAxes(ctx, frame, { xLabel: 'score evaluations (NFE)', yLabel: 'error', title: 'quality against NFE', grid: true });
      markPlot(canvas, frame.inner);
    }),
};
