// drawImageGrid: images as particles, laid out in a grid.
import type { Meta, StoryObj } from '@storybook/html-vite';
import { drawImageGrid, drawTitle } from '@scoreflow/viz';
import { figure, markPlot } from '../../figure.js';
import { componentDocs, optionOf, range, usage } from '../controls.js';

const meta: Meta = {
  title: 'Components/Image grid',
  tags: ['autodocs'],
  parameters: componentDocs(
    '`drawImageGrid(ctx, box, images, options?)` draws images as a grid filling a box: each particle is one image of height × width pixels (times 1 or 3 channels), values in [-1, 1] as diffusion models scale pixels, mapped to black … white. Pixels are scaled nearest-neighbour, square and centred, with one getImageData / putImageData over the box.',
  ),
};
export default meta;

const SIZE = 480;
const TITLE = 36;

interface ImageGridArgs {
  images: number;
  size: number;
  columns: number;
  count: number;
  gap: number;
}

/** Synthetic 'digits': rings and bars of varying radius and angle, values in [-1, 1]. */
function syntheticImages(count: number, size: number): Float32Array {
  const pixels = new Float32Array(count * size * size).fill(-1);
  for (let k = 0; k < count; k++) {
    const ring = k % 2 === 0;
    const radius = size * (0.2 + (0.15 * ((k * 7) % 5)) / 4);
    const angle = (k * Math.PI) / 7;
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) {
        const u = j - size / 2 + 0.5;
        const v = i - size / 2 + 0.5;
        const d = ring ? Math.abs(Math.hypot(u, v) - radius) : Math.abs(u * Math.sin(angle) - v * Math.cos(angle)) + Math.max(0, Math.hypot(u, v) - radius * 1.4);
        pixels[k * size * size + i * size + j] = Math.max(-1, 1 - d * 0.9);
      }
  }
  return pixels;
}

/** Synthetic 'digits' (rings and bars), as a batch of image particles would be drawn. */
export const SyntheticDigits: StoryObj<ImageGridArgs> = {
  name: 'Synthetic digits',
  args: { images: 36, size: 28, columns: 6, count: 36, gap: 2 },
  argTypes: {
    images: range('Images in the set (particles of dimension size × size).', 1, 100, 1),
    size: range('Height and width of each image in pixels.', 8, 64, 1),
    columns: optionOf('drawImageGrid', range('`columns`: images per row.', 1, 12, 1), 'number', 'about √count'),
    count: optionOf('drawImageGrid', range('`count`: at most this many images are drawn, the first ones.', 1, 100, 1), 'number', 'all'),
    gap: optionOf('drawImageGrid', range('`gap` between images in canvas pixels.', 0, 10, 1), 'number', '2'),
  },
  parameters: usage('drawImageGrid(ctx, { x: 20, y: 36, width: 440, height: 424 }, { pixels: positionsOf(batch), height: 28, width: 28 }, { columns: 6 });'),
  render: (args) =>
    figure(SIZE, SIZE, (ctx, canvas) => {
      const shown = Math.min(args.count, args.images);
      drawTitle(ctx, { x: 0, y: 0, width: SIZE, height: SIZE }, `${shown} synthetic images of ${args.size} × ${args.size} pixels`);
      const box = { x: 20, y: TITLE, width: SIZE - 40, height: SIZE - TITLE - 20 };
      drawImageGrid(ctx, box, { pixels: syntheticImages(args.images, args.size), height: args.size, width: args.size }, { columns: args.columns, count: args.count, gap: args.gap });
      markPlot(canvas, box);
    }),
};
