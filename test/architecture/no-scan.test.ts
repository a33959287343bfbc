import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('data access rules', () => {
  const files = ['functions', 'shared', 'infra', 'web/src'].flatMap(sourceFiles);

  it('issues no Scan anywhere in the code that runs', () => {
    const offenders = files.filter((file) => /\bScan(Command|Input)\b|\.scan\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses no DynamoDB transactions, which dynalite lacks', () => {
    const offenders = files.filter((file) => /Transact(Write|Get)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('spells DynamoDB keys only in the table design module', () => {
    const keyLiteral = /\bpk:\s*`|\bsk:\s*`|gsi[12]pk:\s*[`']|`[A-Z]+#\$\{/;
    const offenders = files
      .filter((file) => !file.endsWith(path.join('store', 'table-design.ts')))
      .filter((file) => file.startsWith('functions') && keyLiteral.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
