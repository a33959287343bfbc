/**
 * `npm run import -- <file> [--sheet NAME] [--commit]`: previews (and with --commit, saves) an
 * emissions export against the local stack's data (dynalite in DATA_DIR, default .data), as the
 * admin API does. Problems a person can fix end with one line and exit code 1, never a stack trace.
 * What it prints is Swedish unless the locale asks for English (cli-language.ts): its own lines, and
 * the import's row errors and refusals in the words the API gives each language.
 */
import '../local/quiet-node20-warning';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { forImportCli } from '../../shared/emissions-import/messages';
import { MAX_IMPORT_BYTES } from '../../shared/emissions-import/parse-emissions';
import { ENGLISH_ERROR_MESSAGES } from '../../shared/i18n/error-messages';
import type { ImportPreviewResponse } from '../../shared/schemas/emission-import.schema';
import { DomainError } from '../errors/domain-errors';
import { AuditLog } from '../features/audit/audit.log';
import { EmissionRepository } from '../features/emissions/emission.repository';
import { ImportRepository } from '../features/imports/import.repository';
import { ImportService } from '../features/imports/import.service';
import { PublishedRespondents } from '../features/klimatlaget/published-respondents';
import { ReportRepository } from '../features/klimatlaget/report.repository';
import { OrganisationRepository } from '../features/organisations/organisation.repository';
import { ResponseRepository } from '../features/responses/response.repository';
import { cliLanguage, cliText } from '../local/cli-language';
import { failWith, runCommand } from '../local/command-line';
import { systemClock } from '../ports/clock';
import { importReportLines } from './import-report';
import { openLocalData } from './local-data';
import { withProgress } from './progress-bar';

const ACTOR = 'cli';
const text = cliText(process.env).import;
const english = cliLanguage(process.env) === 'en';
// Typed here so that TypeScript narrows after a call, as it does for a declared never function.
const fail: (message: string) => never = failWith('npm run import');

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
      if (!sheet) fail(text.sheetNeedsName);
    } else if (arg.startsWith('--sheet=')) sheet = arg.slice('--sheet='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log(text.usage);
      process.exit(0);
    } else if (arg.startsWith('--')) fail(text.unknownOption(arg));
    else if (file) fail(text.oneFile(file, arg));
    else file = arg;
  }
  if (!file) fail(text.noFile);
  return { file, commit, ...(sheet ? { sheet } : {}) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const filePath = path.resolve(process.cwd(), args.file);
  if (!existsSync(filePath)) fail(text.noSuchFile(args.file));
  if (!statSync(filePath).isFile()) fail(text.notAFile(args.file));
  if (statSync(filePath).size > MAX_IMPORT_BYTES) fail(text.tooLarge(args.file, MAX_IMPORT_BYTES / 1024 / 1024));
  const bytes = new Uint8Array(readFileSync(filePath));

  // A fresh data folder gets the demo seed, so it knows the demo organisations.
  const { store, close } = await openLocalData({ whileInUse: text.whileInUse });
  try {
    const service = new ImportService({
      imports: new ImportRepository(store),
      emissions: new EmissionRepository(store),
      organisations: new OrganisationRepository(store),
      audit: new AuditLog(store, systemClock),
      clock: systemClock,
      published: new PublishedRespondents(new ReportRepository(store), new ResponseRepository(store)),
    });

    const preview = await withProgress(text.reading, (onProgress) =>
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
      console.error(`\n${text.hasErrors(preview.errors.length)}`);
      process.exitCode = 1;
      return;
    }
    if (!args.commit) {
      console.log(`\n${text.notSaved(preview.id)}`);
      return;
    }
    const outcome = await withProgress(text.saving, (onProgress) => service.commit(preview.id, ACTOR, { onProgress }));
    console.log(`\n${text.saved(outcome.result, preview.id)}`);
  } finally {
    await close();
  }
}

/** The preview's facts and tables, then its summary line (import-report.ts); issues pointed at --sheet. */
function printPreview(preview: ImportPreviewResponse): void {
  for (const line of importReportLines(preview, text, inCliLanguage)) console.log(line);
}

/**
 * An issue in the CLI's language, reworded for --sheet where the console's would point at its
 * "Flik" field. A preview stored before issues had English
 * (code `unspecified`) has only its Swedish.
 */
function inCliLanguage(issue: { message: string; messageEn?: string }): string {
  const worded = forImportCli(issue);
  return english ? (worded.messageEn ?? worded.message) : worded.message;
}

/**
 * A refusal (a file the service cannot read, such as a missing sheet) in the words the API answers
 * it with: in English the error's own English, else its code's (functions/http/error-handler.ts).
 */
function refusal(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new Error(
    inCliLanguage({ message: error.message, messageEn: error.messageEn ?? ENGLISH_ERROR_MESSAGES[error.code] }),
  );
}

runCommand(
  () =>
    main().catch((error: unknown) => {
      throw refusal(error);
    }),
  fail,
  cliText(process.env).failed,
);
