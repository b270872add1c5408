import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Where Debian's `chromium` package puts the browser; `$CHROMIUM` overrides it. */
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/**
 * Headless Chromium with WebGPU on the CPU through SwiftShader (`../shared/gpu/README.md`): how
 * WGSL runs in CI on machines without a GPU. No sandbox (root in containers), no network of its own.
 */
export const WEBGPU_CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium page with a WebGPU adapter, that runs exported functions of bundled modules. */
export interface ChromiumGpu {
  /**
   * Bundles `entry` (a .ts or .js module, with the workspace's `development` condition) for the
   * browser, imports it in the page and calls its export `name` with `args`; resolves to what the
   * function returns (JSON-like values: numbers, strings, arrays, plain objects; typed arrays come
   * back as plain arrays of numbers when the page returns `Array.from(...)`).
   */
  call<T = unknown>(entry: string, name: string, ...args: unknown[]): Promise<T>;
  /** The page itself, for tests that need more (console messages, screenshots). */
  readonly page: Page;
  close(): Promise<void>;
}

/**
 * Launches Chromium with SwiftShader WebGPU and opens a page on 127.0.0.1 (a secure context, which
 * `navigator.gpu` needs). Bundles are built once per entry and served from memory.
 *
 * @example
 * const gpu = await launchChromiumGpu();
 * const words = await gpu.call<number[]>(new URL('./philox.page.ts', import.meta.url).pathname, 'philoxWords', 42);
 * await gpu.close();
 */
export async function launchChromiumGpu(): Promise<ChromiumGpu> {
  const bundles = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const code = bundles.get(request.url ?? '');
    if (code !== undefined) {
      response.setHeader('content-type', 'text/javascript');
      response.end(code);
      return;
    }
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><html><body></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...WEBGPU_CHROMIUM_ARGS] });
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[chromium] ${error.message}`));
    await page.goto(`${origin}/`);
    const open = browser;
    return {
      page,
      async call<T>(entry: string, name: string, ...args: unknown[]): Promise<T> {
        let path = [...bundles.keys()].find((key) => key.endsWith(`#${entry}`));
        if (path === undefined) {
          const result = await build({
            entryPoints: [entry],
            bundle: true,
            write: false,
            format: 'esm',
            platform: 'browser',
            conditions: ['development'],
            mainFields: ['module', 'browser', 'main'],
            ignoreAnnotations: true,
            logLevel: 'warning',
          });
          path = `/bundle-${bundles.size}.js#${entry}`;
          bundles.set(path.slice(0, path.indexOf('#')), result.outputFiles[0].text);
          bundles.set(path, '');
        }
        const url = `${origin}${path.slice(0, path.indexOf('#'))}`;
        // A string, not a function: test runners rewrite `import()` inside functions they transform.
        const script = `(async () => {
          const module = await import(${JSON.stringify(url)});
          const name = ${JSON.stringify(name)};
          if (typeof module[name] !== 'function') throw new Error(${JSON.stringify(`${url} has no exported function ${name}`)});
          return module[name](...${JSON.stringify(args)});
        })()`;
        return page.evaluate(script) as Promise<T>;
      },
      async close() {
        await open.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}
