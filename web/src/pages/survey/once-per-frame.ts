/** Batching survey-core's change events into one redraw a frame. */

/** Asks for and cancels a frame: the browser's animation frames unless a test gives others. */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface OncePerFrame {
  /** Runs `fn` in the next frame, once however many times this is called before then. */
  schedule(): void;
  /** Drops a run not yet made (an effect's clean-up); `schedule` asks for a new one after it. */
  cancel(): void;
}

/**
 * `fn` at most once a frame. survey-core fires a change for each question, and setting the answers
 * as a whole (a merge, last year's answers) changes hundreds at once: the page redraws once.
 * `schedule` and `cancel` keep their identity, so they can be added to and removed from events.
 */
export function oncePerFrame(fn: () => void, frames: FrameClock = animationFrames): OncePerFrame {
  let pending: number | null = null;
  return {
    schedule() {
      if (pending !== null) return;
      pending = frames.request(() => {
        // Cleared first: a change made by `fn` itself is drawn in the frame after.
        pending = null;
        fn();
      });
    },
    cancel() {
      if (pending === null) return;
      frames.cancel(pending);
      pending = null;
    },
  };
}
