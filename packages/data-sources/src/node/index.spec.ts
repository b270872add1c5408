import { afterAll, describe, expect, it } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstValueFrom } from 'rxjs';
import { ConfigError, type Logger, createRegistry, createRunContext, labelsOf, silentLogger } from '@scoreflow/core';
import { reachableSources } from '@scoreflow/core/testing';
import { dataSourcePlugins } from '../plugins.js';
import { tempDir } from '../files/testing/temp-dir.js';
import { thrown, untilError } from '../files/testing/until-error.js';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from '../images/idx-header.js';
import { idxBytes, testImages, testLabels } from '../images/testing/idx-bytes.js';
import { DataFileError, csvOptions, dataSourceNodePlugins, fashionMnistOptions } from './index.js';

const tmp = tempDir();
afterAll(() => tmp.remove());
const registry = createRegistry(dataSourceNodePlugins);
const create = (config: unknown, { dim = 2, logger }: { dim?: number; logger?: Logger } = {}) =>
  registry.create('data-source', config, { run: createRunContext({ dim, particles: 100, batchSize: 64, logger }), path: 'source' });

const csv = tmp.write('points.csv', 'x,y,class\n1,2,0\n3,4,1\n5,6,0\n');

describe('dataSourceNodePlugins', () => {
  it('lists arrow, csv, fashion-mnist and parquet as data sources, beside the browser-safe ones', () => {
    expect(registry.list('data-source').map((p) => p.name)).toEqual(['arrow', 'csv', 'fashion-mnist', 'parquet']);
    expect(dataSourceNodePlugins.every((p) => p.kind === 'data-source' && p.description.length > 0)).toBe(true);
    expect(() => createRegistry(dataSourcePlugins, dataSourceNodePlugins)).not.toThrow();
  });

  it('keeps file-system code out of the main entry (it stays browser-safe)', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
    const sources = reachableSources(join(src, 'index.ts'));
    for (const [file, text] of sources) expect(text, file).not.toMatch(/from '(node:|fs'|csv-parse|hyparquet|@scoreflow\/core\/node)/);
    expect(sources.size).toBeGreaterThan(5);
  });
});

describe("data source 'csv'", () => {
  it('defaults to a header and commas, and reads the chosen columns with labels', async () => {
    expect(csvOptions.parse({ path: 'a.csv' })).toEqual({ path: 'a.csv', header: true, delimiter: ',' });
    const source = create({ type: 'csv', path: csv, label: 'class' });
    expect(source).toMatchObject({ name: 'csv', dim: 2 });
    expect(labelsOf(await firstValueFrom(source.sample(createRunContext({ dim: 2, particles: 3 }))))).toEqual(Int32Array.of(0, 1, 0));
  });

  it("warns when the file's dimension differs from the run's", () => {
    const warnings: string[] = [];
    create({ type: 'csv', path: csv }, { dim: 2, logger: { ...silentLogger, warn: (m) => warnings.push(m) } });
    expect(warnings).toEqual(["source: data source 'csv' has dimension 3, the run's particles have dimension 2."]);
  });

  it('rejects column names without a header, naming the option', () => {
    const error = thrown(() => create({ type: 'csv', path: csv, header: false, columns: [0, 'y'], label: 'class' })) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((i) => i.path)).toEqual(['source.columns.1', 'source.label']);
    expect(error.message).toMatch(/column 'y' is named, but the file has no header/);
  });

  it('reports file problems as bad input at its path (a ConfigError), the DataFileError naming file and column as cause', () => {
    const error = thrown(() => create({ type: 'csv', path: csv, columns: ['z'] })) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toEqual([{ path: 'source', message: `${csv}: column 'z': missing column (columns: x, y, class).` }]);
    expect(error.cause).toBeInstanceOf(DataFileError);
  });

  it('reports a bad row found while streaming the same way, after the batches before it', async () => {
    const bad = tmp.write('bad-row.csv', `x,y\n${'1,2\n'.repeat(70)}3,oops\n`);
    const source = registry.create('data-source', { type: 'csv', path: bad }, { run: createRunContext({ dim: 2, particles: 100 }), path: 'reference' });
    const { batches, error } = await untilError(source, createRunContext({ dim: 2, particles: 100, batchSize: 64 }));
    expect(batches.map((b) => b.numRows)).toEqual([64]);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toBe(`Invalid data file:\n  - reference: ${bad}: row 72, column 'y': non-numeric cell: expected a number, got 'oops'.`);
    expect((error as ConfigError).cause).toMatchObject({ name: 'DataFileError', file: bad, row: 72, column: 'y' });
  });
});

describe("data sources 'arrow' and 'parquet'", () => {
  it('validate their options', () => {
    expect(thrown(() => create({ type: 'arrow', path: 'p.arrow', step: 1.5 })).message).toMatch(/source\.step/);
    expect(thrown(() => create({ type: 'parquet', path: 'p.parquet', columns: [] })).message).toMatch(/source\.columns/);
    expect((thrown(() => create({ type: 'parquet', path: tmp.path('none.parquet') })) as ConfigError).issues).toEqual([
      { path: 'source', message: `${tmp.path('none.parquet')}: file not found.` },
    ]);
  });
});

describe("data source 'fashion-mnist'", () => {
  /** A folder with a small t10k split (100 images of 28x28): images gzipped, labels not. */
  const folder = tempDir();
  afterAll(() => folder.remove());
  folder.write('t10k-images-idx3-ubyte.gz', gzipSync(idxBytes(IDX_IMAGES_MAGIC, [100, 28, 28], testImages(100, 28, 28))));
  folder.write('t10k-labels-idx1-ubyte', idxBytes(IDX_LABELS_MAGIC, [100], testLabels(100)));

  it("defaults to Debian's folder, the train split and 28x28", () => {
    expect(fashionMnistOptions.parse({})).toEqual({ path: '/usr/share/datasets/fashion-mnist', split: 'train', downsample: 1 });
  });

  it('reads a split from `path`, down-sampled, named fashion-mnist, with labels', async () => {
    const source = create({ type: 'fashion-mnist', path: folder.dir, split: 't10k', downsample: 2 }, { dim: 196 });
    expect(source).toMatchObject({ name: 'fashion-mnist', dim: 196 });
    const batch = await firstValueFrom(source.sample(createRunContext({ dim: 196, particles: 100, batchSize: 64 })));
    expect(batch.numRows).toBe(64);
    expect(Array.from(labelsOf(batch)!.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('says how to install the data when the files are missing', () => {
    const error = thrown(() => create({ type: 'fashion-mnist', path: folder.dir }, { dim: 784 })) as ConfigError;
    expect(error.cause).toBeInstanceOf(DataFileError);
    expect(error.issues[0].message).toBe(
      `${folder.path('train-images-idx3-ubyte.gz')}: file not found. Install Fashion-MNIST with \`apt-get install dataset-fashion-mnist\` ` +
        '(into /usr/share/datasets/fashion-mnist), or set `path` to a folder holding train-images-idx3-ubyte.gz or train-images-idx3-ubyte.',
    );
  });

  it('rejects an unknown split and a bad downsample, naming the option', () => {
    const split = thrown(() => create({ type: 'fashion-mnist', split: 'test' })) as ConfigError;
    expect(split.issues.map((i) => i.path)).toEqual(['source.split']);
    expect(split.message).toMatch(/t10k/);
    expect((thrown(() => create({ type: 'fashion-mnist', downsample: 0 })) as ConfigError).issues[0].path).toBe('source.downsample');
  });
});
