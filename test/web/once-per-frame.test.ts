import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FrameClock, oncePerFrame } from '../../web/src/pages/survey/once-per-frame';

/** Frames run by hand: `tick()` runs what was asked for before it, `cancelled` what was dropped. */
function frames() {
  let next = 1;
  let queue = new Map<number, () => void>();
  const cancelled: number[] = [];
  const clock: FrameClock = {
    request(callback) {
      queue.set(next, callback);
      return next++;
    },
    cancel(handle) {
      cancelled.push(handle);
      queue.delete(handle);
    },
  };
  return {
    clock,
    cancelled,
    tick() {
      const due = queue;
      queue = new Map();
      for (const callback of due.values()) callback();
    },
    get pending() {
      return queue.size;
    },
  };
}

describe('oncePerFrame', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('runs once in the next frame however often it is scheduled before it, and not before', () => {
    const f = frames();
    let runs = 0;
    const redraw = oncePerFrame(() => runs++, f.clock);
    for (let i = 0; i < 200; i++) redraw.schedule();
    expect(runs).toBe(0);
    expect(f.pending).toBe(1);
    f.tick();
    expect(runs).toBe(1);
    f.tick();
    expect(runs).toBe(1);
  });

  it('asks for a new frame once the last one has run', () => {
    const f = frames();
    let runs = 0;
    const redraw = oncePerFrame(() => runs++, f.clock);
    redraw.schedule();
    f.tick();
    redraw.schedule();
    redraw.schedule();
    f.tick();
    expect(runs).toBe(2);
  });

  it('a change made while it runs is drawn in the frame after', () => {
    const f = frames();
    let runs = 0;
    const redraw = oncePerFrame(() => {
      runs++;
      if (runs === 1) redraw.schedule();
    }, f.clock);
    redraw.schedule();
    f.tick();
    expect(runs).toBe(1);
    expect(f.pending).toBe(1);
    f.tick();
    expect(runs).toBe(2);
  });

  it('cancel drops the run asked for, and scheduling after it asks again', () => {
    const f = frames();
    let runs = 0;
    const redraw = oncePerFrame(() => runs++, f.clock);
    redraw.schedule();
    redraw.cancel();
    f.tick();
    expect(runs).toBe(0);
    expect(f.cancelled).toEqual([1]);
    redraw.schedule();
    f.tick();
    expect(runs).toBe(1);
  });

  it('cancel with nothing asked for cancels nothing', () => {
    const f = frames();
    const redraw = oncePerFrame(() => {}, f.clock);
    redraw.cancel();
    redraw.schedule();
    f.tick();
    redraw.cancel();
    expect(f.cancelled).toEqual([]);
  });

  it('uses the browser’s animation frames by default', () => {
    const f = frames();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => f.clock.request(callback));
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => f.clock.cancel(handle));
    let runs = 0;
    const redraw = oncePerFrame(() => runs++);
    redraw.schedule();
    redraw.schedule();
    f.tick();
    expect(runs).toBe(1);
    redraw.schedule();
    redraw.cancel();
    expect(f.cancelled).toEqual([2]);
  });
});
