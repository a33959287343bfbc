import type { AppConfig } from '../app-deps';
import { CampaignRepository } from '../features/campaigns/campaign.repository';
import { createRemindersService } from '../features/reminders/reminders.module';
import type { Clock } from '../ports/clock';
import type { Mail } from '../ports/mail';
import type { TableStore } from '../ports/table-store';

export interface ReminderTimer {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * The local stack's stand-in for EventBridge Scheduler: every `everyMs` it runs the reminders job
 * for the open campaign, at now, for real. A tick while a run is still going is skipped. Log lines
 * carry counts and ids only.
 */
export function startReminderTimer(input: {
  store: TableStore;
  mail: Mail;
  clock: Clock;
  config: Pick<AppConfig, 'baseUrl' | 'sessionSecret' | 'adminEmails'>;
  everyMs: number;
  log: (entry: Record<string, unknown>) => void;
}): ReminderTimer {
  const reminders = createRemindersService(input);
  const campaigns = new CampaignRepository(input.store);
  let running: Promise<void> | undefined;

  const tick = async () => {
    const year = await campaigns.openYear();
    const campaign = year === undefined ? undefined : await campaigns.get(year);
    if (campaign?.status !== 'open') return;
    await reminders.runReminders({ campaign, at: input.clock.now(), dryRun: false });
  };

  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((error: Error) =>
        input.log({
          level: 'error',
          msg: 'reminders timer run failed',
          error: error.name,
          code: (error as { code?: string }).code,
        }),
      )
      .finally(() => {
        running = undefined;
      });
  }, input.everyMs);
  timer.unref();

  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
