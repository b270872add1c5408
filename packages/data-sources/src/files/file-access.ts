import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DataFileError, quotedReason } from './data-file-error.js';

/** What went wrong opening or reading `file`, in words (`file not found`, `is a folder`, ...). */
export function accessProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read the file (${quotedReason(error)})`;
}

/**
 * Opens `file` for reading, runs `use(fd, size)` and closes it. Errors of the file system
 * become `DataFileError`s naming the file (`file not found`, ...).
 */
export function withFileSync<T>(file: string, use: (fd: number, size: number) => T): T {
  let fd: number;
  let size: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new DataFileError(file, accessProblem(error), {}, { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new DataFileError(file, 'is a folder, not a file');
    size = stats.size;
  } catch (error) {
    closeSync(fd);
    throw error instanceof DataFileError ? error : new DataFileError(file, accessProblem(error), {}, { cause: error });
  }
  try {
    return use(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes at `position` (fewer at the end of the file). */
export function readBytesSync(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, bytes, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}
