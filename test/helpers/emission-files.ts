import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  type EmissionDataset,
  type GeneratedFixture,
  generateEmissionDataset,
  readDemoOrganisations,
  toRegister,
  writeFixtureSet,
} from '../../scripts/generate-emission-fixtures';
import { type ParsedImport, parseEmissionsFile } from '../../shared/emissions-import/index';

/** When these tests parse (it decides which years are recent enough to be complete). */
const NOW = new Date('2024-06-01T12:00:00Z');

export const DEMO_ORGANISATIONS = readDemoOrganisations();
/** The member register the files are matched against: the demo organisations. */
const REGISTER = toRegister(DEMO_ORGANISATIONS);
/** The figures the good fixture files hold (as writeFixtureSet generates them): the demo organisations, 2015–2022. */
export const DEMO_DATASET: EmissionDataset = generateEmissionDataset({
  organisations: DEMO_ORGANISATIONS,
  fromYear: 2015,
  toYear: 2022,
});

/** Parses a file as the import parses an upload, against the demo register. */
export function parseUpload(
  file: { bytes: Uint8Array; fileName: string; sheet?: string },
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ParsedImport> {
  return parseEmissionsFile(file, REGISTER, { now: NOW, ...options });
}

/** Parses `text` as an uploaded file named `fileName`. */
export function parseText(text: string, fileName = 'x.csv'): Promise<ParsedImport> {
  return parseUpload({ bytes: new TextEncoder().encode(text), fileName });
}

/** The issues as the Swedish texts the tests check (codes and English: import-messages.test.ts). */
export const inSwedish = (issues: ParsedImport['errors']) =>
  issues.map(({ row, column, message }) => ({ row, column, message }));

export interface FixtureFiles {
  /** The folder the files are written to. */
  dir: string;
  /** The files written, as the generator describes them (a broken file with its defect). */
  fixtures: GeneratedFixture[];
}

/**
 * Writes the fixture set (good and broken export files) to a temporary folder before the test
 * file's tests run, and removes it after. What it answers is filled in once they are written.
 */
export function withFixtureFiles(prefix: string): FixtureFiles {
  const files: FixtureFiles = { dir: '', fixtures: [] };
  beforeAll(async () => {
    files.dir = mkdtempSync(join(tmpdir(), prefix));
    files.fixtures = await writeFixtureSet(files.dir, { now: NOW });
  });
  afterAll(() => rmSync(files.dir, { recursive: true, force: true }));
  return files;
}

/** Parses one of the written files as uploaded, or one sheet of it. */
export function parseFixture(
  files: FixtureFiles,
  fileName: string,
  sheet?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedImport> {
  const bytes = new Uint8Array(readFileSync(join(files.dir, fileName)));
  return parseUpload({ bytes, fileName, ...(sheet ? { sheet } : {}) }, onProgress ? { onProgress } : {});
}
