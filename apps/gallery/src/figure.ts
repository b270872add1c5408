import { type Box, font } from '@scoreflow/viz';

/** What a story draws into its canvas; async for score fields and live pipelines. */
export type Draw = (ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement) => void | Promise<void>;

/**
 * A canvas of `width` x `height` CSS pixels, backed at device resolution, filled white, drawn by
 * `draw`. When drawing ends the canvas carries `data-state="done"` (or `error`, with the message in
 * `data-error`); the gallery test waits for it. `plot` (CSS pixels) records where the plot area
 * is, for the test's pixel assertions: ink inside it, background in the canvas corners.
 */
export function figure(width: number, height: number, draw: Draw): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const scale = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.dataset.state = 'drawing';
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new Error('gallery: no 2-D canvas context');
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  clear(ctx, width, height);
  Promise.resolve()
    .then(() => draw(ctx, canvas))
    .then(
      () => {
        canvas.dataset.state = 'done';
      },
      (error: unknown) => {
        canvas.dataset.state = 'error';
        canvas.dataset.error = error instanceof Error ? error.message : String(error);
        console.error(error);
      },
    );
  return canvas;
}

/** Fills the canvas white (CSS pixel coordinates). */
export function clear(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.save();
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  ctx.restore();
}

/** Records the plot areas (CSS pixels) on the canvas for the gallery test. */
export function markPlot(canvas: HTMLCanvasElement, ...boxes: Box[]): void {
  canvas.dataset.plot = JSON.stringify(boxes.map((b) => [b.x, b.y, b.width, b.height].map(Math.round)));
}

/** One animation frame (or a macrotask where frames do not come), so the page stays responsive. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(finish);
    setTimeout(finish, 50);
  });
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An AbortSignal that aborts once `element`, having been in the document, leaves it: Storybook's
 * html renderer removes a story's element when the story unmounts or re-renders with new args, so
 * a long-running story (training) stops with it. The observer disconnects when it fires.
 */
export function whileShown(element: Element): AbortSignal {
  const controller = new AbortController();
  let shown = element.isConnected;
  const observer = new MutationObserver(() => {
    if (element.isConnected) shown = true;
    else if (shown) {
      observer.disconnect();
      controller.abort(new Error('gallery: the story unmounted'));
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return controller.signal;
}

/**
 * Writes `text` into `box` (CSS pixels) in lines broken between words, 13 px, from the box's top:
 * a story's message where it cannot draw (e.g. no WebGPU). Lines that do not fit the box's
 * height are dropped.
 */
export function drawMessage(ctx: CanvasRenderingContext2D, box: Box, text: string, size = 13): void {
  ctx.save();
  ctx.font = font(size);
  ctx.fillStyle = '#222';
  ctx.textBaseline = 'top';
  const lineHeight = Math.round(size * 1.5);
  let line = '';
  let y = box.y;
  const flush = () => {
    if (y + lineHeight <= box.y + box.height) ctx.fillText(line, box.x, y);
    y += lineHeight;
    line = '';
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(next).width > box.width) {
      flush();
      line = word;
    } else line = next;
  }
  if (line !== '') flush();
  ctx.restore();
}
