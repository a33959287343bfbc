import { randomUUID } from 'node:crypto';
import type { Context as LambdaContext } from 'aws-lambda';
import { deployedTableStore } from '../config/aws-environment';
import { RetentionService } from '../features/privacy/retention.service';
import { type Clock, systemClock } from '../ports/clock';
import type { TableStore } from '../ports/table-store';

interface RetentionHandlerDeps {
  store: () => TableStore;
  clock?: Clock;
  /** Writes one JSON log line; console.log in Lambda. */
  write?: (line: string) => void;
}

/**
 * Builds the daily retention handler. Every log line is JSON with the invocation's request id and
 * counts only, no personal data. A failure is logged and rethrown, so Lambda retries and the
 * dead-letter queue (with its alarm) catches a run that keeps failing.
 */
export function createRetentionHandler(deps: RetentionHandlerDeps) {
  let store: TableStore | undefined;
  const write = deps.write ?? ((line: string) => console.log(line));
  return async (_event: unknown, context?: Pick<LambdaContext, 'awsRequestId'>): Promise<void> => {
    const requestId = context?.awsRequestId ?? randomUUID();
    const log = (entry: Record<string, unknown>) => write(JSON.stringify({ ...entry, requestId }));
    try {
      store ??= deps.store();
      const result = await new RetentionService(store, deps.clock ?? systemClock).run();
      log({ level: 'info', msg: 'retention done', ...result });
    } catch (error) {
      log({ level: 'error', msg: 'retention failed', error: (error as Error).name });
      throw error;
    }
  };
}

export const handler = createRetentionHandler({
  store: () => deployedTableStore(),
});
