/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium's flags for the gallery test: no sandbox (root in containers), no GPU for
 * drawing, WebGPU on the CPU through SwiftShader (the WebGPU story; it needs the secure context of
 * an http://127.0.0.1 page, which the test serves), and no network of its own (updates, sync, QUIC).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser the gallery test opens: `$CHROMIUM` when set, else Debian's. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.CHROMIUM || DEBIAN_CHROMIUM;
}
