// Builds the static Storybook, serves it on 127.0.0.1 and opens every story in Debian's Chromium
// (playwright-core), asserting on the canvas pixels: ink in each plot area, a title at the top,
// background in the canvas corners, and the marks each story promises (red starts, a finished
// animation); then every component's Docs page: its description, its args table with a
// description for each arg, and its live examples drawn. Screenshots of every story and Docs page
// go to a temp folder (kept with GALLERY_KEEP=1) for a person to look at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from './browser/chromium.js';
import { ensureChromium } from './browser/ensure-chromium.js';

const APP = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const ROOT = resolve(APP, '../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};
/** Every story by id, with the name written by hand in its file (not Storybook's title-cased export name). */
const STORY_NAMES: Record<string, string> = {
  'components-scatter--mixture-samples': 'Samples of a mixture',
  'components-scatter--point-cloud-vs-distribution': 'A point cloud beside its distribution',
  'components-density-heatmap--exact-or-kde': 'Exact density or KDE of samples',
  'components-paths--reverse-sde-paths': 'Reverse-SDE paths',
  'components-score-field--score-over-density': 'Score over its density',
  'components-line-chart--error-against-nfe': 'Error against NFE',
  'components-chain-trace--hmc-on-the-banana': 'HMC chains on the banana',
  'components-image-grid--synthetic-digits': 'Synthetic digits',
  'live-pipelines--double-gaussian-forward-and-back': 'Double Gaussian forward and back',
  'live-pipelines--random-walk-2-d': 'Random walk in 2-D',
  'live-pipelines--mcmc-beside-reverse-sde': 'MCMC beside the reverse SDE',
  'live-pipelines--score-field-over-time': 'Score field over time',
  'training--score-network-live': 'Score network, live',
  'figures--from-config-entry': 'From a config entry',
  'webgpu--million-particles-on-gpu': 'A million particles on the GPU',
  'flows--icfm-beside-otcfm': 'I-CFM beside OT-CFM',
  'conditioning--guidance-scale': 'Guidance scale',
  'conditioning--inpainting-line': 'Inpainting on a line you drag',
  'images--fashion-mnist-from-noise': 'Fashion-MNIST from noise',
};
/** Stories opened with smaller args than their defaults (Storybook's `args` URL parameter), to fit the per-story time limit. */
const STORY_ARGS: Record<string, string> = {
  // SwiftShader runs WGSL on the CPU: 20,000 particles instead of a million, 100 steps, 10 snapshots.
  'webgpu--million-particles-on-gpu': 'particles:20000;steps:100;frames:10',
  // I-CFM's field sums over pairs^2 component pairs: 48 pairs, 50 steps.
  'flows--icfm-beside-otcfm': 'pairs:48;steps:50',
  'conditioning--guidance-scale': 'particles:2000',
  'conditioning--inpainting-line': 'particles:1000;steps:100',
};
/** The WebGPU story's frames at its test args: one per snapshot, the initial one included. */
const GPU_FRAMES = 11;
/** The images story's frames at its default args: a snapshot every 2 of 50 steps, the initial one included. */
const IMAGE_FRAMES = 26;
/** Every viz component's Docs page, with the drawing function its description introduces. */
const COMPONENT_DOCS: Record<string, string> = {
  'components-scatter--docs': 'drawScatter',
  'components-density-heatmap--docs': 'drawDensityHeatmap',
  'components-paths--docs': 'drawPaths',
  'components-score-field--docs': 'drawScoreField',
  'components-line-chart--docs': 'drawLineChart',
  'components-chain-trace--docs': 'drawChainTrace',
  'components-image-grid--docs': 'drawImageGrid',
};
/** Stories whose paths start with red markers. */
const RED_STARTS = ['components-paths--reverse-sde-paths', 'live-pipelines--random-walk-2-d', 'live-pipelines--mcmc-beside-reverse-sde'];
/** Where every title is drawn: CSS pixel rows of the canvas (a 13-14 px bold line whose top is 8-12 px down). */
const TITLE_ROWS = [12, 20];

/** Pixel counts the page measures on the canvas, in device pixels. */
interface PixelReport {
  state: string;
  error?: string;
  size: [number, number];
  /** Per plot area: non-white pixels and all pixels. */
  plots: { ink: number; total: number }[];
  /** Non-white pixels in 6 x 6 squares at the four canvas corners. */
  corners: number;
  /** Non-white pixels in the title rows (`TITLE_ROWS`), over the middle half of the canvas. */
  title: number;
  /** Clearly red pixels (start markers). */
  red: number;
  frames: number;
  /** Live training: the last step trained, the backend, and tensors left alive after disposal. */
  step?: string;
  backend?: string;
  tensors?: string;
  /** The WebGPU story: `ready` or `missing`, the adapter's name, the last snapshot's t. */
  webgpu?: string;
  adapter?: string;
  t?: string;
  /** The flows story: straightness and meetings of both couplings (JSON). */
  straightness?: string;
  /** The guidance story: the share of samples in class y. */
  share?: string;
  /** The images story: the share of pixels below -0.9 in the first and the last snapshot. */
  dark?: string;
  darkStart?: string;
  /** The inpainting story: a, and E[x2 | x1 = a] sampled, its standard error, and exact. */
  a?: string;
  mean?: string;
  se?: string;
  exact?: string;
}

/**
 * Runs in the page (playwright serialises it, so it uses nothing from this module): the pixel
 * counts of the story's canvas (`PixelReport`), `rows` being the title rows in CSS pixels.
 */
function measureCanvas(rows: number[]): PixelReport {
  const canvas = document.querySelector('canvas')!;
  const ctx = canvas.getContext('2d')!;
  const { width, height } = canvas;
  const data = ctx.getImageData(0, 0, width, height).data;
  const scale = width / canvas.clientWidth;
  const ink = (i: number) => data[i + 3] > 0 && (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245);
  const count = (x0: number, y0: number, w: number, h: number) => {
    let n = 0;
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) if (ink(4 * (y * width + x))) n++;
    return n;
  };
  const plots = (JSON.parse(canvas.dataset.plot ?? '[]') as number[][]).map(([x, y, w, h]) => {
    // One pixel inside the border, which drawAxes strokes.
    const [px, py, pw, ph] = [Math.ceil((x + 2) * scale), Math.ceil((y + 2) * scale), Math.floor((w - 4) * scale), Math.floor((h - 4) * scale)];
    return { ink: count(px, py, pw, ph), total: pw * ph };
  });
  const c = 6;
  const corners = count(0, 0, c, c) + count(width - c, 0, c, c) + count(0, height - c, c, c) + count(width - c, height - c, c, c);
  const [top, bottom] = rows.map((y) => Math.round(y * scale));
  const title = count(Math.round(width / 4), top, Math.round(width / 2), bottom - top);
  let red = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] > 180 && data[i + 1] < 70 && data[i + 2] < 70) red++;
  return { state: canvas.dataset.state!, error: canvas.dataset.error, size: [width, height], plots, corners, title, red, frames: Number(canvas.dataset.frame ?? 0), step: canvas.dataset.step, backend: canvas.dataset.backend, tensors: canvas.dataset.tensors, webgpu: canvas.dataset.webgpu, adapter: canvas.dataset.adapter, t: canvas.dataset.t, straightness: canvas.dataset.straightness, share: canvas.dataset.share, dark: canvas.dataset.dark, darkStart: canvas.dataset.darkStart, a: canvas.dataset.a, mean: canvas.dataset.mean, se: canvas.dataset.se, exact: canvas.dataset.exact };
}

/**
 * What is wrong with the inpainting story's report at line x1 = `a` (exact posterior score): the
 * sampled E[x2 | x1 = a] more than 4 standard errors from the exact one.
 */
function inpaintingProblems(report: PixelReport, a: number): string[] {
  const [mean, se, exact] = [report.mean, report.se, report.exact].map(Number);
  if (Math.abs(Number(report.a) - a) > 1e-9) return [`sampled at a = ${report.a}, not ${a}`];
  if (!(Math.abs(mean - exact) < 4 * se)) return [`E[x2 | x1 = ${a}] sampled ${mean} ± ${se}, exact ${exact}: more than 4 standard errors apart`];
  return [];
}

function serve(folder: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(folder, path);
    if (file.endsWith('/')) file = join(file, 'index.html');
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe('gallery: every story renders in headless Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'scoreflow-gallery-'));
  const staticDir = join(work, 'storybook-static');
  const shots = join(work, 'screenshots');
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';
  let ids: string[] = [];
  let entries: Record<string, { type: string; name: string; title: string }> = {};
  const timing: Record<string, number> = {};

  beforeAll(async () => {
    // `npm test` has already brought the browser; `nx test` alone brings it here.
    const executablePath = ensureChromium();
    let start = Date.now();
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-c', '.storybook', '-o', staticDir, '--quiet'], {
      cwd: APP,
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
    });
    if (build.status !== 0) throw new Error(`storybook build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    timing.build = Date.now() - start;
    ({ entries } = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: typeof entries });
    ids = Object.entries(entries).filter(([, entry]) => entry.type === 'story').map(([id]) => id);
    server = await serve(staticDir);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    start = Date.now();
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
    timing.launch = Date.now() - start;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    console.log(`gallery: build ${timing.build} ms, chromium ${timing.launch} ms; screenshots in ${shots}`);
    if (process.env.GALLERY_KEEP === undefined) rmSync(work, { recursive: true, force: true });
  });

  const storyUrl = (id: string) => `${base}/iframe.html?id=${id}&viewMode=story${id in STORY_ARGS ? `&args=${STORY_ARGS[id]}` : ''}`;

  it('has a story for every viz component and every live pipeline, each named by hand', () => {
    expect(Object.fromEntries(ids.map((id) => [id, entries[id].name]))).toEqual(STORY_NAMES);
  });

  it('has a Docs page for every viz component', () => {
    const docs = Object.keys(entries).filter((id) => entries[id].type === 'docs');
    expect(docs.sort()).toEqual(Object.keys(COMPONENT_DOCS).sort());
  });

  it('draws every story: ink in the plot areas, background in the corners', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 560 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const failures: string[] = [];
    for (const id of ids) {
      const start = Date.now();
      await page.goto(storyUrl(id));
      await page.waitForSelector('canvas[data-state="done"], canvas[data-state="error"]', { timeout: 30_000 });
      const report = await page.evaluate(measureCanvas, TITLE_ROWS);
      timing[id] = Date.now() - start;
      const problems: string[] = [];
      if (report.state !== 'done') problems.push(`state ${report.state}: ${report.error}`);
      if (report.plots.length === 0) problems.push('no plot area recorded');
      report.plots.forEach((plot, k) => {
        if (plot.ink < 0.01 * plot.total) problems.push(`plot area ${k}: only ${plot.ink} of ${plot.total} pixels drawn`);
      });
      if (report.corners > 0) problems.push(`${report.corners} pixels drawn in the canvas corners (outside every plot)`);
      if (report.title < 20) problems.push(`no title: ${report.title} pixels drawn in rows ${TITLE_ROWS.join('-')}`);
      if (RED_STARTS.includes(id) && report.red < 10) problems.push(`no red start markers (${report.red} red pixels)`);
      if (id === 'live-pipelines--double-gaussian-forward-and-back' && report.frames < 80) problems.push(`animation stopped after ${report.frames} frames`);
      if (id === 'training--score-network-live') {
        // Default args: 500 steps on wasm, redrawn while it trains, then the reverse SDE's frames.
        if (report.step !== '500') problems.push(`training stopped at step ${report.step}`);
        if (report.backend !== 'wasm') problems.push(`trained on ${report.backend}, not wasm`);
        if (report.tensors !== '0') problems.push(`${report.tensors} tensors left alive`);
        if (report.frames < 20) problems.push(`only ${report.frames} frames drawn`);
      }
      if (id === 'webgpu--million-particles-on-gpu') {
        // Chromium's SwiftShader adapter ran the stage: every snapshot drawn, down to tEnd = 0.001.
        if (report.webgpu !== 'ready') problems.push(`WebGPU ${report.webgpu ?? 'not tried'}: ${report.error ?? ''}`);
        if (!report.adapter?.includes('swiftshader')) problems.push(`ran on adapter ${report.adapter}, not SwiftShader`);
        if (report.frames !== GPU_FRAMES) problems.push(`${report.frames} frames drawn, not ${GPU_FRAMES}`);
        if (Math.abs(Number(report.t) - 1e-3) > 1e-9) problems.push(`the last frame is at t = ${report.t}, not 0.001`);
      }
      if (id === 'flows--icfm-beside-otcfm') {
        // OT-CFM's flow runs straight where I-CFM's bends (bench: 1.00 against 1.39), and its pairs rarely meet.
        const figures = JSON.parse(report.straightness ?? '{}') as Record<string, number>;
        if (!(figures.otcfm >= 1 && figures.otcfm < 1.05)) problems.push(`OT-CFM's straightness ${figures.otcfm}, not in [1, 1.05)`);
        if (!(figures.icfm > figures.otcfm + 0.1)) problems.push(`I-CFM's straightness ${figures.icfm} not above OT-CFM's ${figures.otcfm} + 0.1`);
        if (!(figures.otcfmMeetings < figures.icfmMeetings / 4)) problems.push(`OT-CFM's pairs meet ${figures.otcfmMeetings} times, I-CFM's ${figures.icfmMeetings}`);
      }
      // Scale 1 with the exact classifier is the exact conditional: class 1's four modes only.
      if (id === 'conditioning--guidance-scale' && !(Number(report.share) > 0.97)) problems.push(`only ${report.share} of the samples in class y at scale 1`);
      if (id === 'conditioning--inpainting-line') problems.push(...inpaintingProblems(report, 0.25));
      if (id === 'images--fashion-mnist-from-noise') {
        // The trained U-Net on wasm, every snapshot drawn down to t = 0.001, from noise (about 18 % of
        // N(0, 1) lies below -0.9) to garments on Fashion-MNIST's black background.
        if (report.backend !== 'wasm') problems.push(`sampled on ${report.backend}, not wasm`);
        if (report.tensors !== '0') problems.push(`${report.tensors} tensors left alive`);
        if (report.frames !== IMAGE_FRAMES) problems.push(`${report.frames} frames drawn, not ${IMAGE_FRAMES}`);
        if (Math.abs(Number(report.t) - 1e-3) > 1e-6) problems.push(`the last frame is at t = ${report.t}, not 0.001`);
        if (!(Number(report.darkStart) < 0.25)) problems.push(`the first snapshot is not noise: ${report.darkStart} of its pixels below -0.9`);
        if (!(Number(report.dark) > 0.4)) problems.push(`the last snapshot is not garments on black: only ${report.dark} of its pixels below -0.9`);
      }
      if (problems.length > 0) failures.push(`${id}: ${problems.join('; ')}`);
      await page.screenshot({ path: join(shots, `${id}.png`), fullPage: true });
    }
    console.log('gallery: ms per story', JSON.stringify(timing));
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    await page.close();
  });

  it('says on the canvas where WebGPU is missing (navigator.gpu removed before the page loads)', async () => {
    const context = await browser!.newContext({ viewport: { width: 1000, height: 560 } });
    await context.addInitScript(() => {
      delete (Navigator.prototype as { gpu?: unknown }).gpu;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const id = 'webgpu--million-particles-on-gpu';
    await page.goto(storyUrl(id));
    await page.waitForSelector('canvas[data-state="done"], canvas[data-state="error"]', { timeout: 30_000 });
    const report = await page.evaluate(measureCanvas, TITLE_ROWS);
    const message = await page.evaluate(() => ({ gpu: 'gpu' in navigator, webgpu: document.querySelector('canvas')?.dataset.webgpu }));
    await page.screenshot({ path: join(shots, `${id}--missing.png`), fullPage: true });
    await context.close();
    expect(message).toEqual({ gpu: false, webgpu: 'missing' });
    expect(report.state).toBe('done');
    expect(report.frames).toBe(0);
    // The message (why, and how to get WebGPU) fills its box; the title says WebGPU is missing.
    expect(report.plots).toHaveLength(1);
    expect(report.plots[0].ink).toBeGreaterThan(0.02 * report.plots[0].total);
    expect(report.title).toBeGreaterThanOrEqual(20);
    expect(report.corners).toBe(0);
    expect(errors).toEqual([]);
  });

  it('samples again where the inpainting line is dragged to, matching the exact conditional there', async () => {
    const page = await browser!.newPage({ viewport: { width: 1000, height: 560 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const id = 'conditioning--inpainting-line';
    await page.goto(storyUrl(id));
    await page.waitForSelector('canvas[data-state="done"], canvas[data-state="error"]', { timeout: 30_000 });
    // The joint panel's plot area spans x1 in [-5, 5]: drag the line from a = 0.25 to a = -1.5.
    const [[x, y, width, height]] = JSON.parse((await page.getAttribute('canvas', 'data-plot')) ?? '[[0, 0, 0, 0]]') as number[][];
    const box = (await page.locator('canvas').boundingBox())!;
    const pixel = (a: number) => box.x + x + ((a + 5) / 10) * width;
    await page.mouse.move(pixel(0.25), box.y + y + height / 2);
    await page.mouse.down();
    await page.mouse.move(pixel(-1.5), box.y + y + height / 3, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('canvas')?.dataset.a !== '0.25', undefined, { timeout: 10_000 });
    await page.waitForSelector('canvas[data-state="done"], canvas[data-state="error"]', { timeout: 30_000 });
    const report = await page.evaluate(measureCanvas, TITLE_ROWS);
    await page.screenshot({ path: join(shots, `${id}--dragged.png`), fullPage: true });
    await page.close();
    expect(report.state).toBe('done');
    expect(Number(report.a)).toBeCloseTo(-1.5, 1);
    expect(inpaintingProblems(report, Number(report.a))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("renders every component's Docs page: its description, a description for every arg, its examples drawn", async () => {
    const page = await browser!.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const failures: string[] = [];
    for (const [id, fn] of Object.entries(COMPONENT_DOCS)) {
      const start = Date.now();
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=docs`);
      await page.waitForSelector('.sbdocs-title', { timeout: 30_000 });
      await page.waitForFunction(() => {
        const canvases = [...document.querySelectorAll('canvas')];
        return canvases.length > 0 && canvases.every((c) => c.dataset.state === 'done' || c.dataset.state === 'error');
      }, undefined, { timeout: 60_000 });
      const report = await page.evaluate(() => ({
        title: document.querySelector('.sbdocs-title')?.textContent ?? '',
        text: document.querySelector('.sbdocs-content')?.textContent ?? '',
        // Arg rows (category rows span the table): the description cell holds the description, then the type.
        args: [...document.querySelectorAll('table.docblock-argstable tbody tr')]
          .filter((row) => row.children.length >= 3)
          .map((row) => ({ name: row.children[0].textContent ?? '', described: row.children[1].children.length >= 2 && (row.children[1].children[0].textContent ?? '').trim().length > 0 })),
        examples: [...document.querySelectorAll('canvas')].map((canvas) => {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let ink = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] < 245 || data[i + 1] < 245 || data[i + 2] < 245) ink++;
          return { state: canvas.dataset.state, error: canvas.dataset.error, ink: ink / (canvas.width * canvas.height) };
        }),
      }));
      timing[id] = Date.now() - start;
      const problems: string[] = [];
      const component = entries[id].title.split('/').pop()!;
      if (report.title !== component) problems.push(`titled '${report.title}', not '${component}'`);
      if (!report.text.includes(`${fn}(ctx`)) problems.push(`the description does not introduce ${fn}(ctx, ...)`);
      if (report.args.length < 2) problems.push(`${report.args.length} args in the args table`);
      const bare = report.args.filter((arg) => !arg.described).map((arg) => arg.name);
      if (bare.length > 0) problems.push(`args without a description: ${bare.join(', ')}`);
      report.examples.forEach((example, k) => {
        if (example.state !== 'done') problems.push(`example ${k}: state ${example.state}: ${example.error}`);
        else if (example.ink < 0.02) problems.push(`example ${k}: only ${(100 * example.ink).toFixed(1)}% of its pixels drawn`);
      });
      if (problems.length > 0) failures.push(`${id}: ${problems.join('; ')}`);
      await page.screenshot({ path: join(shots, `${id}.png`), fullPage: true });
    }
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    await page.close();
  });
});
