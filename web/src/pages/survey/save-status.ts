import type { SaveState } from './autosave';

/** What the save bar leads with: the autosaver's state, a number out of range, or one being typed. */
export interface SaveStatusView {
  shown: SaveState['kind'] | 'unrecorded' | 'typing';
  /** The look (colour and dot), as a save state's. */
  look: SaveState['kind'];
  /** Whether "Inte sparat – … behöver rättas" (with "Gå till svaret") goes beside the state shown. */
  withUnrecorded: boolean;
}

/**
 * What the save bar says. A save that cannot get through (retrying, failed, a conflict) comes
 * first, with a number out of range beside it: someone offline must not be told only to correct an
 * answer. Otherwise a number out of range (it cannot be saved until corrected) and a number being
 * typed (recorded when the field is left) come before the state, so the bar never says "Sparat"
 * beside an unsaved value.
 */
export function saveStatusView(state: SaveState['kind'], unrecorded: number, typingNumber: boolean): SaveStatusView {
  if (state === 'retrying' || state === 'failed' || state === 'conflict') {
    return { shown: state, look: state, withUnrecorded: unrecorded > 0 };
  }
  if (unrecorded > 0) return { shown: 'unrecorded', look: 'failed', withUnrecorded: true };
  if (typingNumber && (state === 'saved' || state === 'idle')) {
    return { shown: 'typing', look: 'pending', withUnrecorded: false };
  }
  return { shown: state, look: state, withUnrecorded: false };
}
