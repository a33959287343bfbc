import { describe, expect, it } from 'vitest';
import { backoffDelay, SendPacer, type Timers, withBackoff } from '../../../shared/reminders/index';

/** Virtual time: sleeping advances the clock at once and is recorded. */
function virtualTimers(): Timers & { sleeps: number[]; time: number } {
  const timers = {
    time: 0,
    sleeps: [] as number[],
    now: () => timers.time,
    sleep: async (ms: number) => {
      timers.sleeps.push(ms);
      timers.time += ms;
    },
  };
  return timers;
}

class Throttled extends Error {}

describe('SendPacer', () => {
  it('starts at most the rate per second: 10/s spaces sends 100 ms apart', async () => {
    // Arrange
    const timers = virtualTimers();
    const pacer = new SendPacer(10, timers);
    const starts: number[] = [];
    // Act
    for (let i = 0; i < 5; i++) {
      await pacer.waitTurn();
      starts.push(timers.now());
    }
    // Assert
    expect(starts).toEqual([0, 100, 200, 300, 400]);
  });

  it('gives concurrent callers distinct slots', async () => {
    // Arrange: time does not move by itself, so each caller waits for its own slot
    const timers = virtualTimers();
    const frozen: Timers = { now: () => 0, sleep: timers.sleep };
    const pacer = new SendPacer(4, frozen);
    // Act
    await Promise.all([pacer.waitTurn(), pacer.waitTurn(), pacer.waitTurn()]);
    // Assert
    expect(timers.sleeps).toEqual([250, 500]);
  });

  it('does not wait when sends are already slower than the rate', async () => {
    // Arrange
    const timers = virtualTimers();
    const pacer = new SendPacer(10, timers);
    // Act
    await pacer.waitTurn();
    timers.time += 1000;
    await pacer.waitTurn();
    // Assert
    expect(timers.sleeps).toEqual([]);
  });

  it('holds everyone back after a throttling error', async () => {
    // Arrange
    const timers = virtualTimers();
    const pacer = new SendPacer(10, timers);
    await pacer.waitTurn();
    // Act
    pacer.holdFor(1000);
    await pacer.waitTurn();
    // Assert
    expect(timers.now()).toBe(1000);
  });

  it('rejects a rate of 0', () => {
    expect(() => new SendPacer(0, virtualTimers())).toThrow(RangeError);
  });
});

describe('withBackoff', () => {
  it('retries a throttled attempt with exponential waits, then succeeds', async () => {
    // Arrange
    const timers = virtualTimers();
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      if (calls <= 3) throw new Throttled('slow down');
      return 'ok';
    };
    // Act
    const result = await withBackoff(attempt, (e) => e instanceof Throttled, timers);
    // Assert
    expect(result).toBe('ok');
    expect(timers.sleeps).toEqual([250, 500, 1000]);
  });

  it('gives up after the last retry and throws the throttling error', async () => {
    // Arrange
    const timers = virtualTimers();
    const options = { retries: 2, baseMs: 100, maxMs: 1000 };
    // Act
    const run = withBackoff(
      async () => {
        throw new Throttled('slow down');
      },
      (e) => e instanceof Throttled,
      timers,
      options,
    );
    // Assert
    await expect(run).rejects.toBeInstanceOf(Throttled);
    expect(timers.sleeps).toEqual([100, 200]);
  });

  it('does not retry other errors', async () => {
    // Arrange
    const timers = virtualTimers();
    // Act
    const run = withBackoff(
      async () => {
        throw new Error('rejected');
      },
      (e) => e instanceof Throttled,
      timers,
    );
    // Assert
    await expect(run).rejects.toThrow('rejected');
    expect(timers.sleeps).toEqual([]);
  });

  it('caps the wait', () => {
    expect([0, 1, 2, 5, 6, 10].map((retry) => backoffDelay(retry))).toEqual([250, 500, 1000, 8000, 8000, 8000]);
  });
});
