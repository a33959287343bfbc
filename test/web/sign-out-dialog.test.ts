import { describe, expect, it } from 'vitest';
import { loadDictionary, type Translate, translate } from '../../web/src/i18n/index';
import { PendingSaveFailed, registerPendingSave, savePending } from '../../web/src/lib/pending-saves';
import { signOutDialog } from '../../web/src/lib/sign-out-dialog';

const sv: Translate = (key, params) => translate('sv', key, params);
const en: Translate = (key, params) => translate('en', key, params);

/** What the survey page answers when its save failed and a number is out of range as well. */
function failingWithAnswerToCorrect(titles: string[], corrected: string[]) {
  return registerPendingSave(async () => {
    throw new PendingSaveFailed({ questions: () => titles, correct: () => corrected.push(titles[0] ?? '') });
  });
}

describe('"Logga ut" with a failed save and a number out of range', () => {
  it('keeps the answers to correct beside the failed save', async () => {
    // Arrange
    const corrected: string[] = [];
    const stop = failingWithAnswerToCorrect(['Antal laddpunkter'], corrected);
    // Act
    const outcome = await savePending();
    stop();
    // Assert
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.toCorrect?.questions()).toEqual(['Antal laddpunkter']);
  });

  it('says both: the save failed, and which answer needs correcting; staying goes to that answer', async () => {
    // Arrange
    const corrected: string[] = [];
    const stop = failingWithAnswerToCorrect(['Antal laddpunkter'], corrected);
    const outcome = await savePending();
    stop();
    if (outcome.kind === 'saved') throw new Error('expected a problem');
    // Act
    const view = signOutDialog(outcome, sv);
    // Assert
    expect(view.title).toBe('Dina senaste ändringar är inte sparade');
    expect(view.body).toEqual([
      'Något du har fyllt i kunde inte sparas. Loggar du ut nu går det förlorat. Stanna kvar och försök igen, eller logga ut ändå.',
      'Dessutom behöver svaret på ”Antal laddpunkter” rättas innan det kan sparas.',
    ]);
    expect(view.stay).toBe('Stanna kvar');
    view.afterStay?.();
    expect(corrected).toEqual(['Antal laddpunkter']);
  });

  it('counts several answers, in English too', async () => {
    await loadDictionary('en');
    const outcome = {
      kind: 'failed' as const,
      toCorrect: { questions: () => ['A', 'B'], correct: () => {} },
    };
    expect(signOutDialog(outcome, sv).body[1]).toBe('Dessutom behöver 2 svar rättas innan de kan sparas.');
    expect(signOutDialog(outcome, en).body).toEqual([
      'Something you filled in could not be saved. If you sign out now, it is lost. Stay and try again, or sign out anyway.',
      'Also, 2 answers need correcting before they can be saved.',
    ]);
  });

  it('words a failed save alone, and answers to correct alone, as before', () => {
    const failed = signOutDialog({ kind: 'failed' }, sv);
    expect(failed.body).toHaveLength(1);
    expect(failed.afterStay).toBeUndefined();
    const correct = signOutDialog({ kind: 'to-correct', questions: () => ['Nettonollår'], correct: () => {} }, sv);
    expect(correct).toMatchObject({
      title: 'Ett svar är inte sparat',
      body: [
        'Svaret på ”Nettonollår” behöver rättas innan det kan sparas. Loggar du ut nu försvinner det. Allt annat du har fyllt i är sparat.',
      ],
      stay: 'Stanna och rätta',
    });
  });
});
