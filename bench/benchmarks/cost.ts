import { cpuShare, FUNCTION_MEMORY_MB } from '../../infra/function-memory';
import { AWS_PRICES, PRICES_CHECKED_ON } from '../lib/aws-prices';
import type { Benchmark } from '../lib/context';

const ORGANISATIONS = 311;
const CONTACTS = ORGANISATIONS * 2;
const AUTOSAVES_PER_ORG = 50;
const REMINDER_ROUNDS = 3;
const REPORT_VIEWS = 100;
/**
 * A report view: the page, its script, stylesheet and chart chunk from S3 through CloudFront
 * (assumed), and the report data, which CloudFront does not cache (`/api/*`), from the report API.
 */
const STATIC_REQUESTS_PER_VIEW = 4;
const BYTES_PER_VIEW = 400 * 1024;

interface Line {
  what: string;
  /** Operation measured by an earlier benchmark, or undefined for a modelled line. */
  operation?: string;
  invocations: number;
  emails?: number;
  /** The Lambda that runs it (its memory is what infra/function-memory.ts deploys). */
  fn: keyof typeof FUNCTION_MEMORY_MB;
}

/**
 * GB-seconds a Lambda of `memoryMb` bills for work that took `ms` on one full local core. The work
 * is taken as CPU-bound, so a function with a fraction of a vCPU takes 1/share as long (an upper
 * bound: the waits for DynamoDB do not stretch).
 */
function gbSecondsFor(ms: number, memoryMb: number): number {
  const billedMs = Math.max(1, Math.ceil(ms / cpuShare(memoryMb)));
  return (billedMs / 1000) * (memoryMb / 1024);
}

/**
 * 8. Cost of one annual cycle for 311 organisations (622 contacts), priced with on-demand
 * eu-north-1 prices. DynamoDB units, request counts and handling times come from the
 * dynamodb and growth benchmarks of this run (in-process time stands in for Lambda duration);
 * what cannot be measured yet is listed as missing, and the total is then marked partial.
 */
export const costPerCycle: Benchmark = {
  name: 'cost',
  title: 'Cost per annual cycle (311 organisations)',
  async run(ctx, rows) {
    const ops = ctx.shared.operations;
    const lines: Line[] = [
      // Invitations: one run of the reminders job (the dry run's reads), one email per contact.
      {
        what: 'invitations (a reminders run + 622 emails)',
        operation: 'remindersDryRun',
        invocations: 1,
        emails: CONTACTS,
        fn: 'scheduledJob',
      },
      { what: 'login links (one per contact)', operation: 'loginLink', invocations: CONTACTS, fn: 'memberApi' },
      { what: 'sign-ins', operation: 'session', invocations: CONTACTS, fn: 'memberApi' },
      { what: 'survey page loads (campaign)', operation: 'campaignCurrent', invocations: CONTACTS, fn: 'memberApi' },
      { what: 'survey page loads (response)', operation: 'responseView', invocations: CONTACTS, fn: 'memberApi' },
      {
        what: '50 autosaves per organisation',
        operation: 'autosave',
        invocations: ORGANISATIONS * AUTOSAVES_PER_ORG,
        fn: 'memberApi',
      },
      { what: 'submit (receipts to both contacts)', operation: 'submit', invocations: ORGANISATIONS, fn: 'memberApi' },
      {
        what: '3 reminder rounds (every contact, worst case)',
        operation: 'remindersDryRun',
        invocations: REMINDER_ROUNDS,
        emails: REMINDER_ROUNDS * CONTACTS,
        fn: 'scheduledJob',
      },
      { what: 'publish', operation: 'publish', invocations: 1, fn: 'adminApi' },
      {
        what: `report data (${REPORT_VIEWS} views)`,
        operation: 'reportView',
        invocations: REPORT_VIEWS,
        fn: 'reportApi',
      },
      { what: 'export.xlsx (once)', operation: 'export', invocations: 1, fn: 'adminApi' },
    ];

    let dynamo = 0;
    let lambda = 0;
    let api = 0;
    let ses = 0;
    let readUnits = 0;
    let writeUnits = 0;
    let gbSeconds = 0;
    const missing: string[] = [];
    for (const line of lines) {
      const emails = line.emails ?? 0;
      const measured = line.operation ? ops[line.operation] : undefined;
      if (line.operation && !measured) {
        missing.push(line.what);
        ses += emails * AWS_PRICES.sesEmail;
        continue;
      }
      if (!measured) continue;
      const scale = measured.count && measured.count !== ORGANISATIONS ? ORGANISATIONS / measured.count : 1;
      const r = measured.cost.readUnits * scale * line.invocations;
      const w = measured.cost.writeUnits * scale * line.invocations;
      readUnits += r;
      writeUnits += w;
      dynamo += r * AWS_PRICES.dynamoReadRequestUnit + w * AWS_PRICES.dynamoWriteRequestUnit;
      gbSeconds += gbSecondsFor(measured.ms * scale, FUNCTION_MEMORY_MB[line.fn]) * line.invocations;
      lambda += line.invocations * AWS_PRICES.lambdaRequest;
      api += line.invocations * AWS_PRICES.httpApiRequest;
      ses += (emails + (measured.emails ?? 0) * line.invocations) * AWS_PRICES.sesEmail;
    }
    lambda += gbSeconds * AWS_PRICES.lambdaGbSecondArm;
    // Cold starts: assume every contact's session starts one (an upper bound); init is billed. The
    // member API reads no secret (sessions need no key); the secret is read by the reminders runs
    // and by the report API to check unsubscribe links: at most one read per run and per contact.
    const coldStarts = CONTACTS;
    const coldMs = ctx.shared.coldStartMs;
    const secrets = (1 + REMINDER_ROUNDS + CONTACTS) * AWS_PRICES.secretsManagerCall;
    if (coldMs === undefined) missing.push('cold starts (cold-start benchmark did not run)');
    else lambda += coldStarts * gbSecondsFor(coldMs, FUNCTION_MEMORY_MB.memberApi) * AWS_PRICES.lambdaGbSecondArm;
    const views =
      REPORT_VIEWS * STATIC_REQUESTS_PER_VIEW * (AWS_PRICES.cloudFrontHttpsRequest + AWS_PRICES.s3Get) +
      REPORT_VIEWS * AWS_PRICES.cloudFrontHttpsRequest +
      ((REPORT_VIEWS * BYTES_PER_VIEW) / 1024 ** 3) * AWS_PRICES.cloudFrontPerGb;
    const total = dynamo + lambda + api + ses + secrets + views;

    const usd = (value: number) => Math.round(value * 10000) / 10000;
    rows.measured({
      metric: `USD per cycle${missing.length ? ' (PARTIAL)' : ''}`,
      value: usd(total),
      unit: 'USD',
      budget: { kind: 'max', max: 1 },
      deterministic: true,
      note: `${missing.length ? `not measured yet, left out: ${missing.join('; ')}. ` : ''}DynamoDB ${usd(dynamo)} (${Math.round(readUnits)} RRU, ${Math.round(writeUnits)} WRU), Lambda ${usd(lambda)} (${gbSeconds.toFixed(1)} GB-s + ${coldStarts} cold starts), HTTP API ${usd(api)}, SES ${usd(ses)}, Secrets Manager ${usd(secrets)}, ${REPORT_VIEWS} report views: CloudFront and S3 ${usd(views)} (their data requests are in the lines above). Prices: eu-north-1 on-demand, ${PRICES_CHECKED_ON}, bench/lib/aws-prices.ts${ctx.quick ? '; quick run: measured at tiny N, scaled' : ''}`,
    });
    rows.info('DynamoDB request units per cycle', Math.round(readUnits + writeUnits), 'RRU+WRU');
  },
};
