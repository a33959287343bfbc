import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../web/src/api/client';
import type { Answers, SavedDraft } from '../../web/src/api/types';
import { Autosaver, type SaveState } from '../../web/src/pages/survey/autosave';

function setup(save: (data: Answers, version: number) => Promise<SavedDraft>, base: Answers = {}) {
  const states: SaveState['kind'][] = [];
  const conflicts: unknown[] = [];
  const failures: ApiError[] = [];
  const saver = new Autosaver({
    version: 3,
    base,
    save,
    onState: (s) => states.push(s.kind),
    onConflict: (c) => conflicts.push(c),
    onFailure: (e) => failures.push(e),
    debounceMs: 1500,
    backoffMs: [1000, 2000],
  });
  return { saver, states, conflicts, failures };
}

const ok = (version: number): SavedDraft => ({ version, updatedAt: '2026-03-01T13:32:00.000Z' });

describe('Autosaver', () => {
  it('debounces changes into one save with the stored version, then uses the new one', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async (_data: Answers, version: number) => ok(version + 1));
    const { saver, states } = setup(save);
    saver.change({ a: 1 });
    saver.change({ a: 1, b: 2 });
    await vi.advanceTimersByTimeAsync(1400);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith({ a: 1, b: 2 }, 3);
    saver.change({ a: 2, b: 2 });
    await vi.advanceTimersByTimeAsync(1600);
    expect(save).toHaveBeenLastCalledWith({ a: 2, b: 2 }, 4);
    expect(states).toEqual(['pending', 'saving', 'saved', 'pending', 'saving', 'saved']);
    vi.useRealTimers();
  });

  it('skips saving when the answers are back to what is stored', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async () => ok(4));
    const { saver } = setup(save, { a: 1 });
    saver.change({ a: 2 });
    saver.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(save).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('retries with backoff on 503 and network errors, sending the newest answers', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const save = vi.fn(async (_d: Answers, version: number) => {
      calls++;
      if (calls === 1) throw new ApiError(503, 'store_unavailable', 'Lagringen svarar inte');
      if (calls === 2) throw new ApiError(0, 'network', 'offline');
      return ok(version + 1);
    });
    const { saver, states } = setup(save);
    saver.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(1500);
    expect(states.at(-1)).toBe('retrying');
    saver.change({ a: 1, b: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('retrying');
    await vi.advanceTimersByTimeAsync(2000);
    expect(states.at(-1)).toBe('saved');
    expect(save).toHaveBeenLastCalledWith({ a: 1, b: 1 }, 3);
    vi.useRealTimers();
  });

  it('stops on a version conflict and hands over mine, theirs and the base; resolve saves on their version', async () => {
    vi.useFakeTimers();
    const current = { data: { a: 9 }, version: 7, updatedAt: '2026-03-01T13:30:00.000Z' };
    const save = vi.fn(async (_d: Answers, version: number) => {
      if (version === 3) throw new ApiError(409, 'version_conflict', 'Konflikt', undefined, { error: {}, current });
      return ok(version + 1);
    });
    const { saver, conflicts, states } = setup(save, { a: 0 });
    saver.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(1500);
    expect(states.at(-1)).toBe('conflict');
    expect(conflicts).toEqual([{ current, mine: { a: 1 }, base: { a: 0 } }]);
    saver.change({ a: 2 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1); // nothing goes out while the person decides
    saver.resolve({ a: 2 }, current);
    expect(saver.stored).toEqual(current.data); // what the server holds until the merged save lands
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenLastCalledWith({ a: 2 }, 7);
    expect(states.at(-1)).toBe('saved');
    expect(saver.stored).toEqual({ a: 2 });
    vi.useRealTimers();
  });

  it('sends the merged answers when the conflict is resolved from inside onConflict (merged without asking)', async () => {
    vi.useFakeTimers();
    // Arrange: the official saved a comment; the politician's save of another comment meets a 409
    const current = { data: { B2_comment: 'Tjänstepersonens' }, version: 7, updatedAt: '2026-03-01T13:30:00.000Z' };
    const save = vi.fn(async (_d: Answers, version: number) => {
      if (version === 3) throw new ApiError(409, 'version_conflict', 'Konflikt', undefined, { error: {}, current });
      return ok(version + 1);
    });
    const states: SaveState['kind'][] = [];
    const saver: Autosaver = new Autosaver({
      version: 3,
      base: {},
      save,
      onState: (s) => states.push(s.kind),
      // As the survey page does when only one side changed each question: merge and resolve at once.
      onConflict: ({ current: theirs, mine }) => saver.resolve({ ...theirs.data, ...mine }, theirs),
      debounceMs: 1500,
    });
    // Act
    saver.change({ B1_comment: 'Politikerns' });
    await vi.advanceTimersByTimeAsync(1500);
    await vi.advanceTimersByTimeAsync(0);
    // Assert: the merged answers go out on their version, and the bar ends on "saved"
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ B2_comment: 'Tjänstepersonens', B1_comment: 'Politikerns' }, 7);
    expect(states.at(-1)).toBe('saved');
    expect(states).not.toContain('failed');
    expect(saver.stored).toEqual({ B2_comment: 'Tjänstepersonens', B1_comment: 'Politikerns' });
    expect(saver.currentVersion).toBe(8);
    expect(saver.hasUnsaved).toBe(false);
    vi.useRealTimers();
  });

  it('flush() waits for the merged save when a conflict is resolved while it runs', async () => {
    const current = { data: { a: 9 }, version: 7, updatedAt: '2026-03-01T13:30:00.000Z' };
    const save = vi.fn(async (_d: Answers, version: number) => {
      if (version === 3) throw new ApiError(409, 'version_conflict', 'Konflikt', undefined, { error: {}, current });
      return ok(version + 1);
    });
    const saver: Autosaver = new Autosaver({
      version: 3,
      base: {},
      save,
      onState: () => {},
      onConflict: ({ current: theirs, mine }) => saver.resolve({ ...theirs.data, ...mine }, theirs),
    });
    saver.change({ b: 1 });
    // Act: e.g. "Skicka in" or "Logga ut" right after typing
    await saver.flush();
    // Assert: resolved only once the merged answers are stored
    expect(save).toHaveBeenCalledTimes(2);
    expect(saver.currentVersion).toBe(8);
    expect(saver.state.kind).toBe('saved');
    expect(saver.hasUnsaved).toBe(false);
    saver.dispose();
  });

  it('gives up on errors retrying cannot fix, and flush() saves at once', async () => {
    const closed = setup(async () => {
      throw new ApiError(403, 'campaign_closed', 'Enkäten är stängd.');
    });
    closed.saver.change({ a: 1 });
    await expect(closed.saver.flush()).rejects.toThrow();
    expect(closed.states.at(-1)).toBe('failed');
    expect(closed.failures[0]?.code).toBe('campaign_closed');

    const save = vi.fn(async (_d: Answers, version: number) => ok(version + 1));
    const fine = setup(save);
    fine.saver.change({ a: 1 });
    await fine.saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    expect(fine.saver.currentVersion).toBe(4);
    expect(fine.saver.hasUnsaved).toBe(false);
  });

  it('saves while someone keeps typing (each keystroke a change) at most maxWaitMs after the first', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async (_d: Answers, version: number) => ok(version + 1));
    const { saver } = setup(save);
    // Arrange: a keystroke every 200 ms for 12 s, as textUpdateMode 'onTyping' reports them
    let text = '';
    for (let ms = 0; ms < 12_000; ms += 200) {
      text += 'x';
      saver.change({ kommentar: text });
      await vi.advanceTimersByTimeAsync(200);
    }
    // Assert: one save after 10 s, not one per keystroke, and none while the pause restarts
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toEqual({ kommentar: 'x'.repeat(50) });
    await vi.advanceTimersByTimeAsync(1500);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ kommentar: text }, 4);
    expect(saver.hasUnsaved).toBe(false);
    vi.useRealTimers();
  });

  it('sends what is pending at once with saveOnLeave when the page is left, and nothing otherwise', async () => {
    vi.useFakeTimers();
    const save = vi.fn(async (_d: Answers, version: number) => ok(version + 1));
    const saveOnLeave = vi.fn(async (_d: Answers, version: number) => ok(version + 1));
    const saver = new Autosaver({ version: 3, base: {}, save, saveOnLeave, onState: () => {}, onConflict: () => {} });
    saver.leave();
    expect(saveOnLeave).not.toHaveBeenCalled();
    // Act
    saver.change({ kommentar: 'Halvskriven' });
    saver.leave();
    // Assert
    expect(saveOnLeave).toHaveBeenCalledWith({ kommentar: 'Halvskriven' }, 3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    expect(saver.currentVersion).toBe(4);
    expect(saver.hasUnsaved).toBe(false);
    vi.useRealTimers();
  });

  it('treats a leave sender that throws at once like a failed save, keeping the answers', async () => {
    const failures: ApiError[] = [];
    const saver = new Autosaver({
      version: 3,
      base: {},
      save: async (_d, version) => ok(version + 1),
      saveOnLeave: () => {
        throw new ApiError(0, 'network', 'keepalive refused');
      },
      onState: () => {},
      onConflict: () => {},
      onFailure: (e) => failures.push(e),
      backoffMs: [1],
    });
    saver.change({ a: 1 });
    saver.leave();
    await vi.waitFor(() => expect(saver.state.kind).toBe('saved'));
    expect(saver.currentVersion).toBe(4);
    expect(failures).toEqual([]);
    saver.dispose();
  });
});

describe('Autosaver after dispose() (the page is gone)', () => {
  /** A save answered only when the test says so, as a slow or failing network would. */
  function deferredSave() {
    const calls: Array<{ data: Answers; version: number; answer: (r: SavedDraft | Error) => void }> = [];
    const save = vi.fn(
      (data: Answers, version: number) =>
        new Promise<SavedDraft>((resolve, reject) => {
          calls.push({ data, version, answer: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
        }),
    );
    return { save, calls };
  }
  const unavailable = () => new ApiError(503, 'store_unavailable', 'Lagringen svarar inte');

  it('lets a request in flight finish, but a failure retries nothing and calls nobody', async () => {
    vi.useFakeTimers();
    const { save, calls } = deferredSave();
    const { saver, states, conflicts, failures } = setup(save);
    saver.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(1);
    const before = [...states];
    // Act: the page goes while the save is on its way, which then fails as the network does (a
    // retry already waiting is cancelled by dispose() as before)
    saver.dispose();
    calls[0]?.answer(unavailable());
    await vi.advanceTimersByTimeAsync(120_000);
    // Assert
    expect(save).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(states).toEqual(before);
    expect(conflicts).toEqual([]);
    expect(failures).toEqual([]);
    // Nor does anything the gone page still calls start again.
    saver.change({ a: 2 });
    saver.retryNow();
    saver.leave();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(save).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });

  it('asks nobody about a conflict or a refusal met after it', async () => {
    const current = { data: { a: 9 }, version: 7, updatedAt: '2026-03-01T13:30:00.000Z' };
    for (const error of [
      new ApiError(409, 'version_conflict', 'Konflikt', undefined, { error: {}, current }),
      new ApiError(403, 'campaign_closed', 'Enkäten är stängd.'),
    ]) {
      const { save, calls } = deferredSave();
      const { saver, states, conflicts, failures } = setup(save);
      saver.change({ a: 1 });
      const flushed = saver.flush();
      saver.dispose();
      calls[0]?.answer(error);
      await expect(flushed).rejects.toThrow();
      expect(states).toEqual(['pending', 'saving']);
      expect(conflicts).toEqual([]);
      expect(failures).toEqual([]);
    }
  });

  it('ends a flush begun before it: what was typed meanwhile goes once, a failure is given up', async () => {
    vi.useFakeTimers();
    const { save, calls } = deferredSave();
    const { saver } = setup(save);
    saver.change({ a: 1 });
    await vi.advanceTimersByTimeAsync(1500);
    saver.change({ a: 1, b: 2 });
    // Act: the page's clean-up, leaving with a save in flight and newer answers waiting
    const flushed = saver.flush();
    saver.dispose();
    calls[0]?.answer(ok(4));
    await vi.advanceTimersByTimeAsync(0);
    // Assert: the newer answers go once, on the version the first save got
    expect(calls).toHaveLength(2);
    expect(calls[1]?.data).toEqual({ a: 1, b: 2 });
    expect(calls[1]?.version).toBe(4);
    calls[1]?.answer(unavailable());
    await expect(flushed).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(save).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });
});
