import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError } from '../files/data-file-error.js';

/** Where Debian's `dataset-fashion-mnist` package installs the gzipped IDX files. */
export const FASHION_MNIST_DIR = '/usr/share/datasets/fashion-mnist';

/** The two parts of Fashion-MNIST: 60,000 training images, 10,000 test images. */
export type FashionMnistSplit = 'train' | 't10k';

/**
 * The images and labels files of a Fashion-MNIST split in `dir`, by their usual names
 * (`train-images-idx3-ubyte.gz`, `t10k-labels-idx1-ubyte.gz`, ...), gzipped or not (the `.gz`
 * file is preferred). Throws `DataFileError` for a missing file, saying how to get it.
 */
export function fashionMnistFiles(dir: string, split: FashionMnistSplit): { readonly images: string; readonly labels: string } {
  const find = (stem: string): string => {
    for (const name of [`${stem}.gz`, stem]) if (existsSync(join(dir, name))) return join(dir, name);
    throw new DataFileError(
      join(dir, `${stem}.gz`),
      `file not found. Install Fashion-MNIST with \`apt-get install dataset-fashion-mnist\` (into ${FASHION_MNIST_DIR}), ` +
        `or set \`path\` to a folder holding ${stem}.gz or ${stem}`,
    );
  };
  return { images: find(`${split}-images-idx3-ubyte`), labels: find(`${split}-labels-idx1-ubyte`) };
}
