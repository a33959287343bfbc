/**
 * Autosave for the shared draft: debounced saves with the stored version, retries with backoff
 * when the network or the store is briefly away, and a stop on a version conflict until the
 * person has decided. Free of React and the DOM so it can be unit-tested with fake timers.
 */
import { ApiError } from '../../api/client';
import type { Answers, ConflictCurrent, SavedDraft } from '../../api/types';
import { changedQuestions } from './conflict-merge';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'retrying'; attempt: number; inMs: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; code: string; message: string };

export interface AutosaverOptions {
  version: number;
  /** What the server holds at `version`. */
  base: Answers;
  save: (data: Answers, version: number) => Promise<SavedDraft>;
  /**
   * How `leave()` sends: a request that outlives the page (fetch with keepalive). Defaults to `save`.
   */
  saveOnLeave?: (data: Answers, version: number) => Promise<SavedDraft>;
  onState: (state: SaveState) => void;
  /** A 409 version_conflict: the page asks the person, then calls `resolve`. */
  onConflict: (conflict: { current: ConflictCurrent; mine: Answers; base: Answers }) => void;
  /** Anything that retrying cannot fix (closed campaign, already submitted, invalid data). */
  onFailure?: (error: ApiError) => void;
  debounceMs?: number;
  /**
   * The longest a change waits while the person keeps typing (every keystroke restarts the
   * debounce): after this, it is saved even if the typing goes on. Default 10 s.
   */
  maxWaitMs?: number;
  backoffMs?: number[];
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Autosaver {
  private version: number;
  private base: Answers;
  /** The newest answers not yet stored, if any. */
  private latest: Answers | null = null;
  private timer: unknown = null;
  /** When the oldest change not yet sent was made (for `maxWaitMs`). */
  private pendingSince: number | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private blocked = false;
  /** A conflict was resolved while its failed request still counted as in flight: send once it ends. */
  private sendAfterFlight = false;
  private disposed = false;
  private stateValue: SaveState = { kind: 'idle' };
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly backoffMs: number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: AutosaverOptions) {
    this.version = options.version;
    this.base = options.base;
    this.debounceMs = options.debounceMs ?? 1500;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.now = options.now ?? (() => Date.now());
    this.backoffMs = options.backoffMs ?? [1000, 2000, 4000, 8000, 15000, 30000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get state(): SaveState {
    return this.stateValue;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** What the server holds at `currentVersion`, as far as this page knows. */
  get stored(): Answers {
    return this.base;
  }

  /** True while something typed is not yet stored. */
  get hasUnsaved(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  /** Call with all answers after every change. */
  change(data: Answers): void {
    if (this.disposed) return;
    if (changedQuestions(this.base, data).length === 0 && !this.inFlight) {
      this.latest = null;
      this.pendingSince = null;
      this.cancelTimer();
      return;
    }
    this.latest = data;
    if (this.blocked) return;
    if (this.stateValue.kind === 'retrying') return; // the retry timer sends the newest answers
    this.cancelTimer();
    if (!this.inFlight) this.setState({ kind: 'pending' });
    const now = this.now();
    this.pendingSince ??= now;
    // Each change restarts the pause, but never past maxWaitMs after the first unsent change.
    const delay = Math.max(0, Math.min(this.debounceMs, this.pendingSince + this.maxWaitMs - now));
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  /**
   * The page is being hidden or left (tab hidden, closed or reloaded): send what is pending now,
   * with `saveOnLeave`, without waiting for the pause. Nothing happens while blocked or saving.
   */
  leave(): void {
    if (this.disposed || this.blocked || this.inFlight || this.latest === null) return;
    void this.run(this.options.saveOnLeave ?? this.options.save);
  }

  /** Saves now, e.g. before submitting; resolves once everything typed is stored. */
  async flush(): Promise<void> {
    this.cancelTimer();
    for (let round = 0; round < 5; round++) {
      // A request can start another as it ends (answers merged after a conflict): wait for all.
      while (this.inFlight) await this.inFlight;
      if (this.blocked) throw new Error(`autosave ${this.stateValue.kind}`);
      if (this.latest === null) return;
      // The last attempt failed and waits for its retry: not stored.
      if (round > 0 && this.stateValue.kind === 'retrying') throw new Error('autosave retrying');
      this.cancelTimer();
      await this.run();
    }
    if (this.hasUnsaved) throw new Error(`autosave ${this.stateValue.kind}`);
  }

  /** After a conflict: store `merged` on top of the server's `current` version. */
  resolve(merged: Answers, current: ConflictCurrent): void {
    if (this.disposed) return;
    this.version = current.version;
    this.base = current.data;
    this.blocked = false;
    this.attempt = 0;
    if (changedQuestions(this.base, merged).length === 0) {
      this.latest = null;
      this.setState({ kind: 'saved', at: current.updatedAt ?? new Date().toISOString() });
      return;
    }
    this.latest = merged;
    if (this.inFlight) {
      // Resolved from inside onConflict (merged without asking): the refused request has not
      // finished yet, so the merged answers go out as soon as it has.
      this.sendAfterFlight = true;
      this.setState({ kind: 'pending' });
      return;
    }
    void this.run();
  }

  /** A conflict found outside autosave (e.g. a 409 on submit): stop and ask, as for a save. */
  conflictWith(current: ConflictCurrent, mine: Answers): void {
    if (this.disposed) return;
    this.cancelTimer();
    this.blocked = true;
    this.latest = mine;
    this.setState({ kind: 'conflict' });
    this.options.onConflict({ current, mine, base: this.base });
  }

  /**
   * The page is gone: no more timers, retries or callbacks. A request already sent may finish, and
   * a `flush()` begun before still sends what was pending once; a save that then fails is given up
   * (retried from a page that is gone, it would carry a stale version and meet the next visit's
   * save as a conflict).
   */
  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private setState(state: SaveState): void {
    if (state.kind === 'pending' && this.stateValue.kind === 'pending') return;
    this.stateValue = state;
    if (!this.disposed) this.options.onState(state);
  }

  private run(save = this.options.save): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const data = this.latest;
    if (data === null || this.blocked) return Promise.resolve();
    this.latest = null;
    this.pendingSince = null;
    this.cancelTimer();
    this.setState({ kind: 'saving' });
    // A sender that throws at once (e.g. a body too large to send) fails like a refused request.
    this.inFlight = new Promise<SavedDraft>((resolve) => resolve(save(data, this.version)))
      .then(
        (saved) => {
          this.version = saved.version;
          this.base = data;
          this.attempt = 0;
          this.setState({ kind: 'saved', at: saved.updatedAt });
        },
        (error: unknown) => this.handleError(error, data),
      )
      .finally(() => {
        this.inFlight = null;
        const resolved = this.sendAfterFlight;
        this.sendAfterFlight = false;
        if (this.latest === null || this.blocked) return;
        if (resolved) void this.run();
        // Changes typed while saving go out after the usual pause.
        else if (this.stateValue.kind === 'saved') this.change(this.latest);
      });
    return this.inFlight;
  }

  private handleError(error: unknown, data: Answers): void {
    // Newer answers typed meanwhile win over the ones that failed.
    this.latest = this.latest ?? data;
    // Nobody left to ask or to retry for: stop, so that a flush still running ends too.
    if (this.disposed) {
      this.blocked = true;
      return;
    }
    const apiError = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
    const current = apiError.conflictCurrent;
    if (apiError.status === 409 && apiError.code === 'version_conflict' && current) {
      this.blocked = true;
      this.setState({ kind: 'conflict' });
      this.options.onConflict({ current, mine: this.latest, base: this.base });
      return;
    }
    if (apiError.transient) {
      const inMs = this.backoffMs[Math.min(this.attempt, this.backoffMs.length - 1)] ?? 30000;
      this.attempt += 1;
      this.setState({ kind: 'retrying', attempt: this.attempt, inMs });
      this.timer = this.setTimer(() => {
        this.timer = null;
        void this.run();
      }, inMs);
      return;
    }
    this.blocked = true;
    this.setState({ kind: 'failed', code: apiError.code, message: apiError.message });
    this.options.onFailure?.(apiError);
  }

  /** After a failure the person can try again by hand (e.g. after fixing an answer). */
  retryNow(): void {
    if (this.disposed) return;
    this.blocked = false;
    this.attempt = 0;
    if (this.latest !== null) void this.run();
  }
}
