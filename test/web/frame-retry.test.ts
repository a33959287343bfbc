import { describe, expect, it } from 'vitest';
import { retryEachFrame } from '../../web/src/pages/survey/frame-retry';

/** Frames run by hand: `tick()` runs what the last frame scheduled. */
function frames() {
  let queue: Array<() => void> = [];
  return {
    nextFrame: (callback: () => void) => {
      queue.push(callback);
    },
    tick() {
      const due = queue;
      queue = [];
      for (const callback of due) callback();
    },
    get pending() {
      return queue.length;
    },
  };
}

describe('retrying once a frame until survey-core has drawn', () => {
  it('first tries on the next frame, and stops once the attempt succeeds', () => {
    const clock = frames();
    let attempts = 0;
    retryEachFrame(() => ++attempts >= 3, { nextFrame: clock.nextFrame });
    expect(attempts).toBe(0);
    for (let i = 0; i < 10; i++) clock.tick();
    expect(attempts).toBe(3);
    expect(clock.pending).toBe(0);
  });

  it('gives up after the given number of failed attempts, once', () => {
    const clock = frames();
    let attempts = 0;
    let gaveUp = 0;
    retryEachFrame(
      () => {
        attempts++;
        return false;
      },
      { frames: 5, giveUp: () => gaveUp++, nextFrame: clock.nextFrame },
    );
    for (let i = 0; i < 20; i++) clock.tick();
    expect(attempts).toBe(5);
    expect(gaveUp).toBe(1);
  });

  it('tries 30 frames by default and does not give up when it succeeds on the last one', () => {
    const clock = frames();
    let attempts = 0;
    let gaveUp = false;
    retryEachFrame(() => ++attempts === 30, { giveUp: () => (gaveUp = true), nextFrame: clock.nextFrame });
    for (let i = 0; i < 40; i++) clock.tick();
    expect(attempts).toBe(30);
    expect(gaveUp).toBe(false);
  });
});
