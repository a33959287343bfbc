import { randomUUID } from 'node:crypto';
import type { Context as LambdaContext } from 'aws-lambda';
import type { AppDeps } from '../app-deps';
import { awsDeps } from '../config/aws-environment';
import { once } from '../config/once';
import { CampaignRepository } from '../features/campaigns/campaign.repository';
import { createRemindersService } from '../features/reminders/reminders.module';

/** Stop claiming this long before the Lambda's timeout, so a run never dies with a claim in flight. */
export const TIMEOUT_MARGIN_MS = 30_000;

type ReminderDeps = Pick<AppDeps, 'store' | 'mail' | 'clock' | 'config'>;

interface RemindersHandlerDeps {
  /** Builds the adapters once per cold start (awsDeps in Lambda). */
  deps: () => Promise<ReminderDeps>;
  /** Writes one JSON log line; console.log in Lambda. */
  write?: (line: string) => void;
}

export interface RemindersHandlerResult {
  year: number | null;
  sent: number;
  failed: number;
  due: number;
}

/**
 * The hourly reminders run (EventBridge Scheduler): for the open campaign, if any, runReminders at
 * now, for real. Log lines are JSON with the request id, ids and counts, never an email address.
 * A failure is logged and rethrown, so the dead-letter queue and its alarm catch a run that keeps
 * failing; whatever it had claimed is retried by a later run after the lease.
 */
export function createRemindersHandler(handlerDeps: RemindersHandlerDeps) {
  const ready = once(handlerDeps.deps);
  const write = handlerDeps.write ?? ((line: string) => console.log(line));
  return async (
    _event: unknown,
    context?: Partial<Pick<LambdaContext, 'awsRequestId' | 'getRemainingTimeInMillis'>>,
  ): Promise<RemindersHandlerResult> => {
    const requestId = context?.awsRequestId ?? randomUUID();
    const log = (entry: Record<string, unknown>) => write(JSON.stringify({ ...entry, requestId }));
    try {
      const deps = await ready();
      const campaigns = new CampaignRepository(deps.store);
      const openYear = await campaigns.openYear();
      const campaign = openYear === undefined ? undefined : await campaigns.get(openYear);
      if (campaign?.status !== 'open') {
        log({ level: 'info', msg: 'reminders: no open campaign' });
        return { year: null, sent: 0, failed: 0, due: 0 };
      }
      const remaining = context?.getRemainingTimeInMillis?.();
      const reminders = createRemindersService({ ...deps, log });
      const result = await reminders.runReminders({
        campaign,
        at: deps.clock.now(),
        dryRun: false,
        budgetMs: remaining === undefined ? undefined : Math.max(0, remaining - TIMEOUT_MARGIN_MS),
      });
      return { year: campaign.year, sent: result.sent.length, failed: result.failed.length, due: result.due.length };
    } catch (error) {
      log({
        level: 'error',
        msg: 'reminders run failed',
        error: (error as Error).name,
        code: (error as { code?: string }).code,
      });
      throw error;
    }
  };
}

export const handler = createRemindersHandler({ deps: () => awsDeps() });
