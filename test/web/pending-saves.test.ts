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
    expect(await savePending()).toBe(true);
    expect(stored).toEqual(['survey']);

    const stopFailing = registerPendingSave(async () => {
      throw new Error('autosave conflict');
    });
    const stopThrowing = registerPendingSave(() => {
      throw new Error('thrown at once');
    });
    expect(await savePending()).toBe(false);
    expect(stored).toEqual(['survey', 'survey']);

    // A page that is gone owes nothing.
    stopFailing();
    stopThrowing();
    stopSurvey();
    expect(await savePending()).toBe(true);
    expect(stored).toHaveLength(2);
  });
});
