/** Waiting for survey-core to draw before moving focus. */

export interface FrameRetryOptions {
  /** How many attempts, one a frame; 30 is about half a second. */
  frames?: number;
  /** Called once every attempt has failed. */
  giveUp?: () => void;
  /** Schedules the next attempt; the browser's next animation frame unless a test gives another. */
  nextFrame?: (callback: () => void) => void;
}

/**
 * Runs `attempt` once a frame, from the next frame on, until it returns true or has failed
 * `frames` times, then calls `giveUp`. survey-core draws a page or question some frames after it
 * is told to show it, so focus can only move there once it exists.
 */
export function retryEachFrame(attempt: () => boolean, options: FrameRetryOptions = {}): void {
  const { frames = 30, giveUp, nextFrame = (callback) => requestAnimationFrame(callback) } = options;
  let failed = 0;
  const run = () => {
    if (attempt()) return;
    if (++failed < frames) nextFrame(run);
    else giveUp?.();
  };
  nextFrame(run);
}
