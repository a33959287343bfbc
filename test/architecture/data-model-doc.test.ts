import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_PATTERNS } from '../../functions/store/table-design';

describe('docs/data-model.md', () => {
  it('documents every named access pattern', () => {
    const doc = readFileSync('docs/data-model.md', 'utf8');
    const missing = Object.keys(ACCESS_PATTERNS).filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
