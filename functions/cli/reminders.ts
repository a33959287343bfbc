/**
 * `npm run reminders -- [--at ISO] [--dry-run] [--year YYYY]`: runs the reminders job against the
 * local stack's data (dynalite in DATA_DIR, default .data), as the hourly schedule does in AWS. The
 * emails land in the local outbox. `--at` plans for another instant (time travel); without an offset
 * it is read as Stockholm time. Problems a person can fix end with one line and exit code 1, and so
 * does a run the API would refuse (reminderRunBlock: a real run needs an open campaign taking answers
 * at `--at`; a dry run a campaign that is not closed or published). What it prints itself is
 * Swedish unless the locale asks for English (cli-language.ts).
 */
import '../local/quiet-node20-warning';
import { reminderRunBlock } from '../../shared/reminders/run-eligibility';
import { formatStockholm, impossibleWallClockField, stockholmInstant } from '../../shared/reminders/send-window';
import { CampaignRepository } from '../features/campaigns/campaign.repository';
import { createRemindersService } from '../features/reminders/reminders.module';
import { cliText } from '../local/cli-language';
import { failWith, runCommand } from '../local/command-line';
import { localBaseUrl } from '../local/local-settings';
import { localSessionSecret } from '../local/session-secret';
import { OutboxMail } from '../mail/outbox-mail';
import { systemClock } from '../ports/clock';
import { openLocalData } from './local-data';
import { withProgress } from './progress-bar';
import { reminderReportLines } from './reminder-report';

const ACTOR = 'cli';
const text = cliText(process.env).reminders;
// Typed here so that TypeScript narrows after a call, as it does for a declared never function.
const fail: (message: string) => never = failWith('npm run reminders');

interface Args {
  at?: Date;
  dryRun: boolean;
  year?: number;
}

/**
 * An ISO instant; without an offset, Stockholm wall-clock time. A date or time that does not exist
 * (31 November, 25:00) is refused: Date and stockholmInstant would roll it over to another day.
 */
function parseAt(value: string): Date {
  const fields = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  const [year, month, day, hour = '0', minute = '0', second = '0'] = fields?.slice(1) ?? [];
  const wall = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  const local = fields !== null && fields[0] === value;
  const at = local ? undefined : new Date(value);
  if (!fields || (at && (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())))) {
    fail(text.badAt(value));
  }
  const impossible = impossibleWallClockField(wall);
  if (impossible) fail(text.impossibleAt(value, impossible, wall));
  return at ?? stockholmInstant(wall);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (name: string) => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      const next = inline ?? argv[++i];
      if (!next) fail(text.needsValue(name));
      return next;
    };
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--at' || arg.startsWith('--at=')) args.at = parseAt(value('--at'));
    else if (arg === '--year' || arg.startsWith('--year=')) {
      const year = Number(value('--year'));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(text.badYear);
      args.year = year;
    } else if (arg === '--help' || arg === '-h') {
      console.log(text.usage);
      process.exit(0);
    } else fail(text.unknownArgument(arg));
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(process.env.PORT ?? 3000);
  // As `npm start` checks it: the default BASE_URL and the hints name this port.
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(cliText(process.env).start.badPort(process.env.PORT));
  const baseUrl = localBaseUrl(process.env, port);
  // A fresh data folder gets the demo seed, so it has an open campaign to remind about.
  const { dataDir, store, adminEmails, close } = await openLocalData({
    whileInUse: text.whileInUse({ port, dryRun: args.dryRun, year: args.year, at: args.at?.toISOString() }),
  });
  try {
    const campaigns = new CampaignRepository(store);
    const year = args.year ?? (await campaigns.openYear());
    if (year === undefined) fail(text.noOpenCampaign);
    const campaign = await campaigns.get(year);
    if (!campaign) fail(text.noCampaign(year));
    const at = args.at ?? systemClock.now();
    // The API's rule for a run the kansli asks for (422 campaign_not_open_for_reminders), checked
    // here to say it in the CLI's language with the status and dates. Thrown, not failed, so that
    // the data is closed first; runCommand prints the line and exits 1.
    const block = reminderRunBlock(campaign, at, args.dryRun);
    if (block) {
      throw new Error(
        text.refused({
          block,
          year,
          status: campaign.status,
          dryRun: args.dryRun,
          at: formatStockholm(at),
          opensAt: formatStockholm(new Date(campaign.opensAt)),
          closesAt: formatStockholm(new Date(campaign.closesAt)),
        }),
      );
    }

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
    console.log(text.heading(args.dryRun, campaign.title, campaign.status, formatStockholm(at)));
    if (args.dryRun && campaign.status === 'draft') console.log(text.draftPreview);
    const result = await withProgress(text.sending, (onProgress) =>
      reminders.runReminders({ campaign, at, dryRun: args.dryRun, actor: ACTOR, onProgress }),
    );
    for (const line of reminderReportLines(result, text)) console.log(line);
    if (result.failed.length > 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

runCommand(main, fail, cliText(process.env).failed);
