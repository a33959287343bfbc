import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Level } from 'level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateEmissionDataset,
  longTable,
  readDemoOrganisations,
  SWEDISH_CSV,
  toCsvBytes,
  toXlsxBytes,
} from '../../scripts/generate-emission-fixtures';
import { runCli } from './run-cli';

// The demo organisations `npm start` seeds (28), three years, nine sectors.
const VALUES = 28 * 3 * 9;

/** `npm run import` end to end: its own process, dynalite on disk in DATA_DIR, the demo seed. */
describe('npm run import', () => {
  let dir: string;
  let dataDir: string;
  let exportFile: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-import-cli-'));
    dataDir = path.join(dir, 'data');
    const dataset = generateEmissionDataset({ organisations: readDemoOrganisations(), fromYear: 2021, toYear: 2023 });
    exportFile = path.join(dir, 'utslapp.csv');
    writeFileSync(
      exportFile,
      toCsvBytes(longTable(dataset, { language: 'sv', titleRows: true, population: true }), SWEDISH_CSV),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('previews without saving, commits with --commit, and a second commit changes nothing', async () => {
    const preview = await runCli('import', [exportFile], dataDir);
    expect({ code: preview.code, stderr: preview.stderr }).toEqual({ code: 0, stderr: '' });
    // Aligned facts and a summary line (import-report.ts), not console.table's frame and quotes.
    expect(preview.stdout).toMatch(/^Nya {13}756$/m);
    // The layout in words, not the parser's name for it ('long').
    expect(preview.stdout).toMatch(/^Layout {10}en rad per värde$/m);
    expect(preview.stdout).toMatch(
      /^Summa: \d+ rader från 28 organisationer; 756 nya, 0 ändrade och 0 oförändrade värden; 0 fel, 0 varningar\.$/m,
    );
    expect(preview.stdout).not.toMatch(/[│┌└]|\(index\)/);
    expect(preview.stdout).toContain('Inget sparades. Kör igen med --commit');

    // Nothing was saved by the preview, so the commit still finds every value new.
    const commit = await runCli('import', [exportFile, '--commit'], dataDir);
    expect({ code: commit.code, stderr: commit.stderr }).toEqual({ code: 0, stderr: '' });
    expect(commit.stdout).toContain(`Sparad: ${VALUES} nya, 0 ändrade, 0 oförändrade värden`);

    const again = await runCli('import', [exportFile, '--commit'], dataDir);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toContain(`Sparad: 0 nya, 0 ändrade, ${VALUES} oförändrade värden`);
  }, 120_000);

  it('lists the errors of a broken file, saves nothing and exits 1', async () => {
    const broken = path.join(dir, 'trasig.csv');
    writeFileSync(
      broken,
      'Kommun;Kommunkod;År;Sektor;Utsläpp (ton CO2e)\nLund;1281;2019;Transporter;abc\nLund;1281;2019;Industri;12,5\n',
    );
    const run = await runCli('import', [broken, '--commit'], dataDir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"abc" är inte ett tal');
    expect(run.stderr).toContain('Filen har 1 fel; inget sparades.');
    expect(run.stdout).not.toContain('Sparad:');

    // In English when the locale asks for it, the row errors too (the parser's English, as the API gives it).
    const english = await runCli('import', [broken], dataDir, { LANG: 'en_US.UTF-8' });
    expect(english.code).toBe(1);
    expect(english.stdout).toMatch(/^Errors {9}1$/m);
    expect(english.stdout).toMatch(/^Row {2}Column {2}Error/m);
    expect(english.stdout).toMatch(
      /^Total: 2 rows from 1 organisation; 1 new, 0 changed and 0 unchanged values; 1 error, 1 warning\.$/m,
    );
    expect(english.stdout).toContain('Row 2, column E ("Utsläpp (ton CO2e)"): "abc" is not a number.');
    expect(english.stdout).not.toContain('är inte ett tal');
    expect(english.stderr).toContain('The file has 1 error; nothing was saved. Fix the file and run again.');

    // The valid row of the broken file was not written: a clean file with it alone finds it new.
    const valid = path.join(dir, 'giltig.csv');
    writeFileSync(valid, 'Kommun;Kommunkod;År;Sektor;Utsläpp (ton CO2e)\nLund;1281;2019;Industri;12,5\n');
    const check = await runCli('import', [valid, '--commit'], dataDir);
    expect(check.stdout).toContain('Sparad: 1 nya, 0 ändrade, 0 oförändrade värden');
  }, 120_000);

  it('ends with one line and exit code 1 for a missing file or an unknown option, without opening the data', async () => {
    const file = path.join(dir, 'finns-inte.csv');
    const missing = await runCli('import', [file], path.join(dir, 'unused'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([`npm run import: ${file}: filen finns inte.`]);

    const unknown = await runCli('import', [exportFile, '--bogus'], path.join(dir, 'unused'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([
      'npm run import: okänt alternativ --bogus. användning: npm run import -- <fil.xlsx|fil.csv> [--sheet BLAD] [--commit]',
    ]);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  }, 60_000);

  it('speaks English when the locale asks for it, LC_ALL before LANG', async () => {
    const file = path.join(dir, 'finns-inte.csv');
    const english = await runCli('import', [file], path.join(dir, 'unused'), { LANG: 'en_US.UTF-8' });
    expect(english.code).toBe(1);
    expect(english.stderr.trim().split('\n')).toEqual([`npm run import: ${file}: no such file.`]);

    const swedish = await runCli('import', [file], path.join(dir, 'unused'), {
      LC_ALL: 'sv_SE.UTF-8',
      LANG: 'en_US.UTF-8',
    });
    expect(swedish.stderr.trim().split('\n')).toEqual([`npm run import: ${file}: filen finns inte.`]);
    expect(existsSync(path.join(dir, 'unused'))).toBe(false);
  }, 60_000);

  it('points a missing or wrong sheet at --sheet, the option it has, not the console\'s "Flik" field', async () => {
    const workbook = path.join(dir, 'flikar.xlsx');
    const info = { titleRows: [], header: ['Källa: Sustainable Advantage'], rows: [] };
    const data = {
      titleRows: [],
      header: ['Kommun', 'År', 'Sektor', 'Utsläpp (ton CO2e)'],
      rows: [['Lund', 2020, 'Jordbruk', 10]],
    };
    writeFileSync(
      workbook,
      await toXlsxBytes([
        { name: 'Info', table: info },
        { name: 'Utsläpp', table: data },
      ]),
    );
    const unused = path.join(dir, 'sheets');
    const missing = await runCli('import', [workbook, '--sheet', 'Nope'], unused);
    expect({ code: missing.code, stdout: missing.stdout }).toEqual({ code: 1, stdout: '' });
    expect(missing.stderr).toBe(
      'npm run import: Excel-filen har ingen flik som heter "Nope". Flikarna i filen är: "Info", "Utsläpp". ' +
        'Ange en av dem efter --sheet.\n',
    );

    // The first sheet has no data: the error names the other sheet and the option that picks it.
    const first = await runCli('import', [workbook], unused);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Ange fliken med utsläppen efter --sheet.');
    expect(first.stdout).not.toContain('Flik"');

    // Under an English locale, the refusal and the row errors are the API's English, not its Swedish.
    const english = { LANG: 'en_GB.UTF-8' };
    const missingEn = await runCli('import', [workbook, '--sheet', 'Nope'], unused, english);
    expect({ code: missingEn.code, stderr: missingEn.stderr }).toEqual({
      code: 1,
      stderr:
        'npm run import: The Excel file has no sheet named "Nope". The sheets in the file are: "Info", "Utsläpp". ' +
        'Pass one of them to --sheet.\n',
    });
    const firstEn = await runCli('import', [workbook], unused, english);
    expect(firstEn.code).toBe(1);
    expect(firstEn.stdout).toContain('Pass the sheet with the emissions to --sheet.');
    expect(firstEn.stdout).not.toMatch(/Läste fliken|Ange fliken/);
  }, 120_000);

  it('says so when another process holds the data folder, as `npm start` does', async () => {
    const held = path.join(dir, 'held');
    // A first run creates the data; then this process holds its LevelDB lock like a running server.
    expect((await runCli('import', [exportFile], held)).code).toBe(0);
    const lock = new Level(path.join(held, 'dynamodb'));
    await lock.open();
    try {
      const run = await runCli('import', [exportFile, '--commit'], held);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `npm run import: datamappen ${held} används av en annan process (körs \`npm start\`?). ` +
          'Stoppa den, eller importera via importsidan i konsolen.',
      ]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await lock.close();
    }
  }, 120_000);
});
