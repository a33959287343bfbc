import { describe, expect, it } from 'vitest';
import { registerPendingSave, savePending } from '../../web/src/lib/pending-saves';

describe('saves an open page owes before signing out', () => {
  it('runs every registered save and answers whether all of them stored everything', async () => {
    // Arrange
    const stored: string[] = [];
    const stopSurvey = registerPendingSave(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stored.push('survey');
    });
    // Act + Assert: waits for the save, which stores
    expect(await savePending()).toEqual({ kind: 'saved' });
    expect(stored).toEqual(['survey']);

    const stopFailing = registerPendingSave(async () => {
      throw new Error('autosave conflict');
    });
    const stopThrowing = registerPendingSave(() => {
      throw new Error('thrown at once');
    });
    expect(await savePending()).toEqual({ kind: 'failed' });
    expect(stored).toEqual(['survey', 'survey']);

    // A page that is gone owes nothing.
    stopFailing();
    stopThrowing();
    stopSurvey();
    expect(await savePending()).toEqual({ kind: 'saved' });
    expect(stored).toHaveLength(2);
  });

  it('tells answers that need correcting (a number out of range) from a save that failed', async () => {
    // Arrange: the survey stores the rest, but one answer is out of range
    let lang = 'sv';
    const corrected: string[] = [];
    const stopSurvey = registerPendingSave(async () => ({
      questions: () => [lang === 'sv' ? 'Antal laddpunkter' : 'Number of charging points'],
      correct: () => corrected.push('T1'),
    }));
    // Act
    const outcome = await savePending();
    // Assert: named in the language shown when asked, and "Stanna och rätta" reaches the page's answer
    expect(outcome.kind).toBe('to-correct');
    if (outcome.kind !== 'to-correct') return;
    expect(outcome.questions()).toEqual(['Antal laddpunkter']);
    lang = 'en';
    expect(outcome.questions()).toEqual(['Number of charging points']);
    outcome.correct();
    expect(corrected).toEqual(['T1']);

    // A save that failed outweighs it: trying again is the advice then, with the answers said beside it.
    const stopFailing = registerPendingSave(async () => {
      throw new Error('store unavailable');
    });
    const both = await savePending();
    expect(both.kind).toBe('failed');
    expect(both.kind === 'failed' && both.toCorrect?.questions()).toEqual(['Number of charging points']);
    stopFailing();
    stopSurvey();
  });
});
