/**
 * Speed of the node drawing path (not a timed test):
 *   npx tsx --conditions=development scripts/bench-viz.ts
 * Targets (issue 7): 100k points drawn in under 50 ms; a 60-frame 480 x 480 GIF in under 3 s.
 */
import { createPlotFrame, drawAxes, drawScatter, encodeGif } from '../src/index.js';
import { createFigure, rgbaOf } from '../src/node/index.js';

/** Median of `runs` timings of `fn` in milliseconds, after one warm-up call. */
function median(runs: number, fn: () => void): number {
  fn();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/** n points of two Gaussian blobs (Box-Muller on a fixed LCG), labels 0 and 1. */
function cloud(n: number, spread = 1): { points: Float32Array; labels: Int32Array } {
  let seed = 7;
  const uniform = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const points = new Float32Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    labels[i] = i & 1;
    points[2 * i] = (labels[i] ? 2 : -2) + 0.5 * spread * r * Math.cos(a);
    points[2 * i + 1] = 0.5 * spread * r * Math.sin(a);
  }
  return { points, labels };
}

const frame = createPlotFrame({ width: 480, height: 480, x: [-6, 6], y: [-6, 6], margin: { top: 28 } });
const rows: [string, string][] = [];
for (const n of [100_000, 1_000_000]) {
  const { points, labels } = cloud(n);
  const canvas = createFigure(480, 480);
  const ctx = canvas.getContext('2d');
  rows.push([`drawScatter, ${n.toLocaleString('en')} points, one colour, 480 x 480`, `${median(10, () => drawScatter(ctx, frame, points)).toFixed(1)} ms`]);
  rows.push([
    `drawScatter, ${n.toLocaleString('en')} points, by label, 480 x 480`,
    `${median(10, () => drawScatter(ctx, frame, points, { colour: { by: 'label', labels } })).toFixed(1)} ms`,
  ]);
}

const { points, labels } = cloud(20_000);
const render = (k: number) => {
  const spread = Math.sqrt(1 + k / 10);
  const moved = points.map((v, i) => (i % 2 === 0 ? (labels[i >> 1] ? 2 : -2) + (v - (labels[i >> 1] ? 2 : -2)) * spread : v * spread));
  const canvas = createFigure(480, 480);
  const ctx = canvas.getContext('2d');
  drawScatter(ctx, frame, moved, { colour: { by: 'label', labels } });
  drawAxes(ctx, frame, { title: `frame ${k}` });
  return canvas;
};
let start = performance.now();
const frames = Array.from({ length: 60 }, (_, k) => rgbaOf(render(k)));
const drawn = performance.now() - start;
start = performance.now();
const gif = encodeGif(frames, { delay: 80 });
const encoded = performance.now() - start;
rows.push(['60 frames 480 x 480 drawn (20,000 points each, axes)', `${drawn.toFixed(0)} ms`]);
rows.push(['60 frames 480 x 480 encoded as GIF (global palette)', `${encoded.toFixed(0)} ms, ${(gif.length / 1e6).toFixed(2)} MB`]);
rows.push(['60-frame GIF, drawn and encoded', `${((drawn + encoded) / 1000).toFixed(2)} s`]);

const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
