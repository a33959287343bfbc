/**
 * `npm run import -- <file> [--sheet NAME] [--commit]`: previews (and with --commit, saves) an
 * emissions export against the local stack's data (dynalite in DATA_DIR, default .data), as the
 * admin API does. Problems a person can fix end with one line and exit code 1, never a stack trace.
 */
import '../local/quiet-node20-warning';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../shared/emissions-import/parse-emissions';
import type { ImportPreviewResponse } from '../../shared/schemas/emission-import.schema';
import { DomainError } from '../errors/domain-errors';
import { AuditLog } from '../features/audit/audit.log';
import { EmissionRepository } from '../features/emissions/emission.repository';
import { ImportRepository } from '../features/imports/import.repository';
import { ImportService } from '../features/imports/import.service';
import { OrganisationRepository } from '../features/organisations/organisation.repository';
import { systemClock } from '../ports/clock';
import { openLocalData } from './local-data';
import { withProgress } from './progress-bar';

const ACTOR = 'cli';
const USAGE = 'usage: npm run import -- <file.xlsx|file.csv> [--sheet NAME] [--commit]';

interface Args {
  file: string;
  sheet?: string;
  commit: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let file: string | undefined;
  let sheet: string | undefined;
  let commit = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--commit') commit = true;
    else if (arg === '--sheet') {
      sheet = argv[++i];
      if (!sheet) fail('--sheet needs a sheet name.');
    } else if (arg.startsWith('--sheet=')) sheet = arg.slice('--sheet='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}. ${USAGE}`);
    else if (file) fail(`one file at a time (got "${file}" and "${arg}").`);
    else file = arg;
  }
  if (!file) fail(`no file given. ${USAGE}`);
  return { file, commit, ...(sheet ? { sheet } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const filePath = path.resolve(process.cwd(), args.file);
  if (!existsSync(filePath)) fail(`${args.file}: no such file.`);
  if (!statSync(filePath).isFile()) fail(`${args.file} is not a file.`);
  if (statSync(filePath).size > MAX_IMPORT_BYTES) fail(`${args.file} is larger than 20 MB.`);
  const bytes = new Uint8Array(readFileSync(filePath));

  // A fresh data folder gets the demo seed, so it knows the demo organisations.
  const { store, close } = await openLocalData({ whileInUse: 'import through the admin page.' });
  try {
    const service = new ImportService({
      imports: new ImportRepository(store),
      emissions: new EmissionRepository(store),
      organisations: new OrganisationRepository(store),
      audit: new AuditLog(store, systemClock),
      clock: systemClock,
    });

    const preview = await withProgress('Läser   ', (onProgress) =>
      service.preview(
        { bytes, fileName: path.basename(filePath), ...(args.sheet ? { sheet: args.sheet } : {}) },
        ACTOR,
        {
          onProgress,
        },
      ),
    );
    printPreview(preview);
    if (preview.errors.length > 0) {
      console.error(`\nFilen har ${preview.errors.length} fel; inget sparades. Rätta filen och kör igen.`);
      process.exitCode = 1;
      return;
    }
    if (!args.commit) {
      console.log(`\nInget sparades. Kör igen med --commit för att spara (import ${preview.id}).`);
      return;
    }
    const outcome = await withProgress('Sparar  ', (onProgress) => service.commit(preview.id, ACTOR, { onProgress }));
    console.log(
      `\nSparad: ${outcome.result.new} nya, ${outcome.result.changed} ändrade, ${outcome.result.unchanged} oförändrade värden (import ${preview.id}).`,
    );
  } finally {
    await close();
  }
}

function printPreview(preview: ImportPreviewResponse): void {
  console.log('');
  console.table({
    Fil: preview.fileName,
    Layout: preview.layout ?? '–',
    Rader: preview.rows,
    Organisationer: preview.organisations.matched.length,
    År: preview.years ? `${preview.years[0]}–${preview.years[1]}` : '–',
    Sektorer: preview.sectors.join(', ') || '–',
    Nya: preview.changes.new,
    Ändrade: preview.changes.changed,
    Oförändrade: preview.changes.unchanged,
    Fel: preview.errors.length,
    Varningar: preview.warnings.length,
  });
  if (preview.organisations.unknown.length > 0) {
    console.log('\nOkända organisationer (raderna lästes inte):');
    console.table(preview.organisations.unknown.map((u) => ({ Rad: u.row, Organisation: u.value })));
  }
  if (preview.errors.length > 0) {
    console.log('\nFel:');
    console.table(preview.errors.map((e) => ({ Rad: e.row ?? '–', Kolumn: e.column ?? '–', Fel: e.message })));
  }
  if (preview.warnings.length > 0) {
    console.log('\nVarningar:');
    console.table(preview.warnings.map((e) => ({ Rad: e.row ?? '–', Kolumn: e.column ?? '–', Varning: e.message })));
  }
}

function fail(message: string): never {
  console.error(`npm run import: ${message}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) fail(error.message);
  fail((error as Error)?.message?.split('\n')[0] ?? 'failed');
});
