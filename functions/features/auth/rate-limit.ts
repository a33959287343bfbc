import { RateLimitedError } from '../../errors/domain-errors';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/**
 * Counts an attempt in a per-hour counter item and refuses once over the limit. The counters
 * live in the table so they hold across Lambda instances; TTL only cleans them up.
 */
export async function countAttempt(
  store: TableStore,
  options: { scope: string; subject: string; limit: number; now: Date },
): Promise<void> {
  const hour = options.now.toISOString().slice(0, 13);
  const hourEnds = Date.parse(`${hour}:00:00Z`) + 3600 * 1000;
  const item = await store.update(keys.rateCounter(options.scope, options.subject, hour), {
    add: { count: 1 },
    set: { ttl: Math.floor(options.now.getTime() / 1000) + 2 * 3600 },
  });
  if (Number(item.count) > options.limit) {
    // The counter is per clock hour, so the next attempt goes through when the hour turns.
    throw new RateLimitedError(
      'För många försök. Vänta en stund och försök igen.',
      (hourEnds - options.now.getTime()) / 1000,
    );
  }
}
