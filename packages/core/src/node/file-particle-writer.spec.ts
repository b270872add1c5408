import { fstatSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParticleWriter } from '../ipc/particle-writer.js';
import { fileParticleWriter } from './file-particle-writer.js';

describe('fileParticleWriter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scoreflow-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fakeWriter = (log: string[]): ParticleWriter => ({
    write: () => log.push('write'),
    close: () => log.push('close'),
    get batches() {
      return log.filter((entry) => entry === 'write').length;
    },
  });

  it('runs afterWrite after each batch and, once, closes the writer, finishes, then closes the file', () => {
    const log: string[] = [];
    const fd = openSync(join(dir, 'a.arrow'), 'w');
    const file = fileParticleWriter('a.arrow', fd, fakeWriter(log), { afterWrite: () => log.push('after'), finish: () => log.push('finish') });
    file.write({} as never);
    file.close();
    file.close();
    expect(log).toEqual(['write', 'after', 'close', 'finish']);
    expect(file.batches).toBe(1);
    expect(file.path).toBe('a.arrow');
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });

  it('closes the file even when finishing throws', () => {
    const fd = openSync(join(dir, 'b.arrow'), 'w');
    const file = fileParticleWriter('b.arrow', fd, fakeWriter([]), {
      finish: () => {
        throw new Error('disk full');
      },
    });
    expect(() => file.close()).toThrow('disk full');
    expect(() => fstatSync(fd)).toThrow(/EBADF/);
  });
});
