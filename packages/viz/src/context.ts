/**
 * The pixels of a region, as `getImageData` returns them: row-major RGBA, 4 bytes per pixel, in
 * browsers (`ImageData`) and in @napi-rs/canvas alike.
 */
export interface PixelData {
  readonly width: number;
  readonly height: number;
  readonly data: { [index: number]: number; readonly length: number };
}

/** A 2-D transform (a c e / b d f), as `getTransform()` returns it. */
export interface Transform2D {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

/**
 * The part of `CanvasRenderingContext2D` the drawing functions use. A browser's context and an
 * @napi-rs/canvas context both satisfy it, so one drawing code path serves the gallery and node
 * (the two libraries type `ImageData` and `DOMMatrix` differently, hence the three members
 * declared here).
 */
export type Context2D = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'stroke'
  | 'fill'
  | 'rect'
  | 'arc'
  | 'clip'
  | 'fillRect'
  | 'strokeRect'
  | 'clearRect'
  | 'fillText'
  | 'measureText'
  | 'translate'
  | 'rotate'
  | 'setLineDash'
  | 'createLinearGradient'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'globalAlpha'
  | 'lineJoin'
  | 'lineCap'
> & {
  getImageData(sx: number, sy: number, sw: number, sh: number): PixelData;
  putImageData(image: PixelData, dx: number, dy: number): void;
  getTransform(): Transform2D;
};

/** A rectangle in canvas (CSS) pixels: left, top, width, height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An interval [lo, hi] of data values. */
export type Domain = readonly [number, number];
