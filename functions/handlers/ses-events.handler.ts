import { randomUUID } from 'node:crypto';
import type { Context as LambdaContext } from 'aws-lambda';
import { parseSesFeedback } from '../../shared/reminders/ses-feedback';
import { deployedTableStore } from '../config/aws-environment';
import { createEmailStateService } from '../features/reminders/email-state.service';
import { type Clock, systemClock } from '../ports/clock';
import type { TableStore } from '../ports/table-store';

interface SesEventsHandlerDeps {
  store: () => TableStore;
  clock?: Clock;
  /** Writes one JSON log line; console.log in Lambda. */
  write?: (line: string) => void;
}

/**
 * SES bounce and complaint events, through SNS: marks the contacts with those addresses `bounced`
 * or `complained`, so the reminders job stops mailing them and the kansli sees it on the
 * organisation. Logs counts and ids only. A store failure is rethrown so SNS/Lambda retry and the
 * dead-letter queue catches what keeps failing; a message that is not feedback is counted and dropped.
 */
export function createSesEventsHandler(deps: SesEventsHandlerDeps) {
  let store: TableStore | undefined;
  const write = deps.write ?? ((line: string) => console.log(line));
  return async (event: unknown, context?: Pick<LambdaContext, 'awsRequestId'>) => {
    const requestId = context?.awsRequestId ?? randomUUID();
    const log = (entry: Record<string, unknown>) => write(JSON.stringify({ ...entry, requestId }));
    const { marks, ignored } = parseSesFeedback(event);
    try {
      store ??= deps.store();
      const service = createEmailStateService({ store, clock: deps.clock ?? systemClock, log });
      const outcome = await service.applyFeedback(marks);
      log({
        level: 'info',
        msg: 'ses feedback handled',
        bounces: marks.filter((mark) => mark.state === 'bounced').length,
        complaints: marks.filter((mark) => mark.state === 'complained').length,
        ignored: ignored.length,
        ...outcome,
      });
      return { ...outcome, ignored: ignored.length };
    } catch (error) {
      log({ level: 'error', msg: 'ses feedback failed', error: (error as Error).name });
      throw error;
    }
  };
}

export const handler = createSesEventsHandler({
  store: () => deployedTableStore(),
});
