import { describe, expect, it } from 'vitest';
import { staleScoresMessage } from '../../web/src/pages/admin/editor/StaleScores';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';

describe('what the survey editor says after a save that leaves scores out of date', () => {
  it('says nothing more than "saved" when no score is stale or the count is unknown', () => {
    expect(staleScoresMessage(0)).toBeNull();
    expect(staleScoresMessage(undefined)).toBeNull();
  });

  it('names how many, in Swedish and English, one apart', () => {
    expect(staleScoresMessage(1)).toEqual({ key: 'editor.staleScoresOne', count: 1 });
    expect(staleScoresMessage(12)).toEqual({ key: 'editor.staleScores', count: 12 });
    expect(sv['editor.staleScores']).toContain('{count} inskickade svar');
    expect(en['editor.staleScores']).toContain('{count} submitted responses');
    expect(sv['editor.staleScoresAction']).toBe('Räkna om poängen nu');
  });
});
