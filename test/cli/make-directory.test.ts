import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '../../functions/local/make-directory';

describe('makeDirectory', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-mkdir-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes every missing level, and leaves a folder that exists as it is', () => {
    const nested = path.join(dir, 'a', 'b', 'c');
    makeDirectory(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
    writeFileSync(path.join(nested, 'kept.txt'), 'x');
    makeDirectory(nested);
    expect(existsSync(path.join(nested, 'kept.txt'))).toBe(true);
  });

  it('throws the file system refusal, e.g. a file in the way', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(() => makeDirectory(path.join(file, 'data'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // Node 20's mkdirSync(…, { recursive: true }) loops for ever here; this must come back with an error.
  it('throws for a folder the kernel will not make, such as one under /proc', () => {
    expect(() => makeDirectory('/proc/kk-not-a-folder/data')).toThrow();
    expect(existsSync('/proc/kk-not-a-folder')).toBe(false);
  });
});
