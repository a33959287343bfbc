/** Time for pacing and backoff; tests pass a virtual one so nothing really waits. */
export interface Timers {
  /** Monotonic milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimers: Timers = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces sends `1000 / ratePerSecond` ms apart, however many workers ask: each caller reserves the
 * next free slot and sleeps until it. Over any second at most `ratePerSecond` sends start (plus the
 * one on the boundary), which is how SES counts its maximum send rate.
 */
export class SendPacer {
  private nextSlot = Number.NEGATIVE_INFINITY;
  readonly intervalMs: number;

  constructor(
    ratePerSecond: number,
    private readonly timers: Timers,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('Sändtakten måste vara större än 0.');
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Resolves at this caller's slot. */
  async waitTurn(): Promise<void> {
    const now = this.timers.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.timers.sleep(slot - now);
  }

  /** After a throttling error: no one starts again before `ms` from now. */
  holdFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.timers.now() + ms);
  }
}

export interface BackoffOptions {
  /** Retries after the first try. */
  retries: number;
  baseMs: number;
  maxMs: number;
}

/**
 * 250 ms, 0.5 s, 1 s, 2 s, 4 s, 8 s: about 16 s in all, which outlasts SES's per-second throttling
 * and stays well inside a run's time budget.
 */
export const DEFAULT_THROTTLE_BACKOFF: BackoffOptions = { retries: 6, baseMs: 250, maxMs: 8000 };

/** The wait before retry number `retry` (0-based): exponential, capped. */
export function backoffDelay(retry: number, options: BackoffOptions = DEFAULT_THROTTLE_BACKOFF): number {
  return Math.min(options.maxMs, options.baseMs * 2 ** retry);
}

/**
 * Runs `attempt`, and again after an exponential wait each time it fails with an error `isRetryable`
 * accepts, at most `options.retries` times; any other error, or the last retryable one, is thrown.
 */
export async function withBackoff<T>(
  attempt: () => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  timers: Timers,
  options: BackoffOptions = DEFAULT_THROTTLE_BACKOFF,
  onRetry?: (delayMs: number) => void,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || retry >= options.retries) throw error;
      const delay = backoffDelay(retry, options);
      onRetry?.(delay);
      await timers.sleep(delay);
    }
  }
}
