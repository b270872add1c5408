import { describe, expect, it } from 'vitest';
import { createPlotFrame } from '../frame/plot-frame.js';
import { blank, inkIn } from '../testing/pixels.js';
import { drawScoreField } from './draw-score-field.js';
import { scoreField } from './vector-field.js';

describe('drawScoreField', () => {
  it('draws one arrow per grid point, pointing along the score', async () => {
    const { ctx } = blank();
    const frame = createPlotFrame({ width: 200, height: 200, x: [-2, 2], y: [-2, 2] });
    // The score of N(0, I) is -x: at (1, 0) the arrow points left, towards the mode.
    const field = await scoreField((x, out) => x.forEach((v, i) => (out[i] = -v)), { x: [0.5, 1.5], y: [-0.5, 0.5], nx: 1, ny: 1 });
    expect([...field.points]).toEqual([1, 0]);
    drawScoreField(ctx, frame, field, { colour: 'black', maxLength: 30 });
    const cx = frame.x(1);
    const cy = frame.y(0);
    const leftHalf = inkIn(ctx, { x: cx - 16, y: cy - 6, width: 16, height: 12 });
    const rightHalf = inkIn(ctx, { x: cx, y: cy - 6, width: 16, height: 12 });
    expect(leftHalf).toBeGreaterThan(rightHalf); // the head is on the left
    expect(rightHalf).toBeGreaterThan(0);
    expect(inkIn(ctx, { x: frame.x(-2) + 2, y: frame.y(2) + 2, width: 60, height: 60 })).toBe(0);
  });

  it('evaluates a ScoreModel at the time asked', async () => {
    const times: number[] = [];
    const model = { name: 'probe', dim: 2, score: (_x: Float32Array, t: number, out: Float32Array) => void (times.push(t), out.fill(1)) };
    const field = await scoreField(model, { x: [0, 1], y: [0, 1], nx: 3, ny: 2 }, 0.25);
    expect(times).toEqual([0.25]);
    expect(field.vectors.length).toBe(12);
    await expect(scoreField({ ...model, dim: 3 }, { x: [0, 1], y: [0, 1] })).rejects.toThrow(/dimension 3/);
  });
});
