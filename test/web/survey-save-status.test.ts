import { describe, expect, it } from 'vitest';
import { saveStatusView } from '../../web/src/pages/survey/save-status';

describe('the survey’s save bar', () => {
  it('says a save that cannot get through first, with a number out of range beside it', () => {
    for (const state of ['retrying', 'failed', 'conflict'] as const) {
      expect(saveStatusView(state, 1, false)).toEqual({ shown: state, look: state, withUnrecorded: true });
      expect(saveStatusView(state, 0, true)).toEqual({ shown: state, look: state, withUnrecorded: false });
    }
  });

  it('never says "Sparat" beside a number out of range or one being typed', () => {
    expect(saveStatusView('saved', 2, false)).toEqual({ shown: 'unrecorded', look: 'failed', withUnrecorded: true });
    expect(saveStatusView('saving', 1, true)).toEqual({ shown: 'unrecorded', look: 'failed', withUnrecorded: true });
    expect(saveStatusView('saved', 0, true)).toEqual({ shown: 'typing', look: 'pending', withUnrecorded: false });
    expect(saveStatusView('idle', 0, true)).toEqual({ shown: 'typing', look: 'pending', withUnrecorded: false });
    // Saving already: the bar says so, a number being typed or not.
    expect(saveStatusView('saving', 0, true)).toEqual({ shown: 'saving', look: 'saving', withUnrecorded: false });
    expect(saveStatusView('saved', 0, false)).toEqual({ shown: 'saved', look: 'saved', withUnrecorded: false });
  });
});
