/**
 * `npm run reminders -- [--at ISO] [--dry-run] [--year YYYY]`: runs the reminders job against the
 * local stack's data (dynalite in DATA_DIR, default .data), as the hourly schedule does in AWS. The
 * emails land in the local outbox. `--at` plans for another instant (time travel); without an offset
 * it is read as Stockholm time. Problems a person can fix end with one line and exit code 1.
 */
import '../local/quiet-node20-warning';
import type { ReminderRunResult } from '../../shared/reminders/reminder-run.schema';
import { formatStockholm, stockholmInstant } from '../../shared/reminders/send-window';
import { DomainError } from '../errors/domain-errors';
import { CampaignRepository } from '../features/campaigns/campaign.repository';
import { createRemindersService } from '../features/reminders/reminders.module';
import { localBaseUrl } from '../local/base-url';
import { localSessionSecret } from '../local/session-secret';
import { OutboxMail } from '../mail/outbox-mail';
import { systemClock } from '../ports/clock';
import { openLocalData } from './local-data';
import { withProgress } from './progress-bar';

const ACTOR = 'cli';
const USAGE = 'usage: npm run reminders -- [--at 2026-03-18T09:00] [--dry-run] [--year 2026]';

const SKIP_REASONS: Record<string, string> = {
  campaign_not_open: 'kampanjen är inte öppen',
  outside_send_window: 'utanför sändfönstret',
  submitted: 'har skickat in',
  excused: 'undantagen',
  unsubscribed: 'har avslutat påminnelser',
  bounced: 'studsar',
  complained: 'har klagat',
  invalid_email: 'ogiltig e-postadress',
  duplicate_contact: 'dubblett',
  already_sent: 'redan skickat',
  in_progress: 'skickas av en annan körning',
  attempts_exhausted: 'för många misslyckade försök',
  max_reminders: 'max antal påminnelser',
  min_days_between: 'för tätt inpå förra',
  deferred: 'skjuts till nästa körning',
};

interface Args {
  at?: Date;
  dryRun: boolean;
  year?: number;
}

/** An ISO instant; without an offset, Stockholm wall-clock time. */
function parseAt(value: string): Date {
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  if (local) {
    const [year, month, day, hour = '0', minute = '0', second = '0'] = local.slice(1);
    return stockholmInstant({
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    });
  }
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    fail(`--at "${value}" is not a date and time, e.g. 2026-03-18T09:00 (Stockholm) or 2026-03-18T08:00:00Z.`);
  }
  return at;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (name: string) => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      const next = inline ?? argv[++i];
      if (!next) fail(`${name} needs a value. ${USAGE}`);
      return next;
    };
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--at' || arg.startsWith('--at=')) args.at = parseAt(value('--at'));
    else if (arg === '--year' || arg.startsWith('--year=')) {
      const year = Number(value('--year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(`--year must be a year such as 2026.`);
      args.year = year;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${arg}. ${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 3000);
  const baseUrl = localBaseUrl(process.env, port);
  // A fresh data folder gets the demo seed, so it has an open campaign to remind about.
  const { dataDir, store, adminEmails, close } = await openLocalData({
    whileInUse:
      'run through its API: ' +
      `POST http://localhost:${port}/api/admin/campaigns/{year}/reminders/run {"dryRun": false, "at": "…"} as the kansli.`,
  });
  try {
    const campaigns = new CampaignRepository(store);
    const year = args.year ?? (await campaigns.openYear());
    if (year === undefined) fail('no campaign is open. Open one in the console, or pass --year.');
    const campaign = await campaigns.get(year);
    if (!campaign) fail(`there is no campaign for ${year}.`);

    const reminders = createRemindersService({
      store,
      mail: new OutboxMail(store, systemClock),
      clock: systemClock,
      config: {
        baseUrl,
        // The key `npm start` signs with, so the unsubscribe links work when the server runs.
        sessionSecret: process.env.SESSION_SECRET ?? localSessionSecret(dataDir),
        adminEmails,
      },
      log: () => {},
    });
    const at = args.at ?? systemClock.now();
    console.log(
      `${args.dryRun ? 'Provkörning' : 'Påminnelser'} för ${campaign.title} (${campaign.status}) vid ${formatStockholm(at)} (Stockholm)`,
    );
    const result = await withProgress('Skickar ', (onProgress) =>
      reminders.runReminders({ campaign, at, dryRun: args.dryRun, actor: ACTOR, onProgress }),
    );
    printResult(result);
    if (result.failed.length > 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

function printResult(result: ReminderRunResult): void {
  console.log(`\nSteg: ${result.step ? `${result.step.id} (${result.step.kind})` : 'inget steg är aktuellt'}`);
  const rows = result.dryRun
    ? result.due.map((d) => ({ ...row(d), Resultat: 'skulle skickas' }))
    : [
        ...result.sent.map((s) => ({ ...row(s), Resultat: 'skickat' })),
        ...result.failed.map((f) => ({ ...row(f), Resultat: `misslyckades: ${f.error}` })),
      ];
  if (rows.length > 0) console.table(rows);
  else console.log(result.dryRun ? 'Ingen skulle få något e-postmeddelande.' : 'Inget e-postmeddelande skickades.');
  const counts = new Map<string, number>();
  for (const skip of result.skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  if (counts.size > 0) {
    console.log('\nHoppades över:');
    console.table([...counts].map(([reason, count]) => ({ Orsak: SKIP_REASONS[reason] ?? reason, Kontakter: count })));
  }
  if (!result.dryRun) {
    console.log(`\n${result.sent.length} skickade, ${result.failed.length} misslyckade. Se utkorgen på /dev/outbox.`);
  }
}

function row(entry: ReminderRunResult['due'][number]) {
  return {
    Organisation: `${entry.contact.organisationName} (${entry.contact.organisationId})`,
    Kontakt: entry.contact.name,
    'E-post': entry.contact.email,
    Steg: entry.stepId,
    Typ: entry.variant,
    Försök: entry.attempt,
  };
}

function fail(message: string): never {
  console.error(`npm run reminders: ${message}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof DomainError) fail(error.message);
  fail((error as Error)?.message?.split('\n')[0] ?? 'failed');
});
