import { describe, expect, it } from 'vitest';
import {
  FRESHNESS_MIN_GAP_MS,
  FRESHNESS_POLL_MS,
  freshnessAction,
  refreshedBy,
  refreshedMessage,
  shouldRead,
} from '../../web/src/pages/survey/freshness';

const idle = { visible: true, signedIn: true, locked: false, reading: false, lastReadAt: null, now: 1_000_000 };

describe('shouldRead', () => {
  it('reads a shown, signed-in, editable page', () => {
    expect(shouldRead(idle)).toBe(true);
  });

  it('never reads while the tab is hidden, signed out or the survey locked', () => {
    expect(shouldRead({ ...idle, visible: false })).toBe(false);
    expect(shouldRead({ ...idle, signedIn: false })).toBe(false);
    expect(shouldRead({ ...idle, locked: true })).toBe(false);
  });

  it('reads once for visibilitychange and focus together, and not while a read is under way', () => {
    expect(shouldRead({ ...idle, reading: true })).toBe(false);
    expect(shouldRead({ ...idle, lastReadAt: idle.now - 100 })).toBe(false);
    expect(shouldRead({ ...idle, lastReadAt: idle.now - FRESHNESS_MIN_GAP_MS })).toBe(true);
  });

  it('polls between one and five minutes apart, far more often than the gap it keeps', () => {
    expect(FRESHNESS_POLL_MS).toBeGreaterThanOrEqual(60_000);
    expect(FRESHNESS_POLL_MS).toBeLessThanOrEqual(300_000);
    expect(shouldRead({ ...idle, lastReadAt: idle.now - FRESHNESS_POLL_MS })).toBe(true);
  });
});

describe('freshnessAction', () => {
  const local = { version: 4, unsaved: false, save: 'saved' as const };

  it('does nothing when the stored version has not moved past what the page knows', () => {
    expect(freshnessAction({ version: 4, status: 'draft' }, local)).toBe('none');
    // The page's own save went through while the read was under way.
    expect(freshnessAction({ version: 4, status: 'draft' }, { ...local, version: 5 })).toBe('none');
  });

  it('loads the stored answers quietly when nothing of the person is unsaved', () => {
    expect(freshnessAction({ version: 5, status: 'draft' }, local)).toBe('load');
    expect(freshnessAction({ version: 5, status: 'draft' }, { ...local, save: 'idle' })).toBe('load');
  });

  it('takes the conflict path of a refused save when the person has unsaved changes', () => {
    expect(freshnessAction({ version: 5, status: 'draft' }, { ...local, unsaved: true, save: 'pending' })).toBe(
      'conflict',
    );
  });

  it('leaves a save under way, a retry, a conflict being decided or a failure to the autosave', () => {
    for (const save of ['saving', 'retrying', 'conflict', 'failed'] as const) {
      expect(freshnessAction({ version: 5, status: 'draft' }, { ...local, unsaved: true, save })).toBe('none');
    }
  });

  it('locks when the other contact submitted, or the organisation may no longer answer, whatever is unsaved', () => {
    expect(freshnessAction({ version: 5, status: 'submitted' }, local)).toBe('lock');
    expect(freshnessAction({ version: 4, status: 'submitted' }, { ...local, unsaved: true, save: 'saving' })).toBe(
      'lock',
    );
    expect(freshnessAction({ version: 4, status: 'draft', notAMember: { reason: 'ended' } }, local)).toBe('lock');
    expect(freshnessAction({ version: 4, status: 'draft', notAMember: null }, local)).toBe('none');
  });
});

describe('the notice after a quiet load', () => {
  const time = (iso: string) => iso.slice(11, 16);

  it('says who saved and when, as far as the response tells', () => {
    const both = refreshedBy({
      updatedAt: '2026-11-28T14:05:00.000Z',
      updatedBy: { name: 'Lars Olsson' },
    });
    expect(refreshedMessage(both, time)).toEqual({
      key: 'survey.fresh.byAt',
      values: { name: 'Lars Olsson', time: '14:05' },
    });
    expect(refreshedMessage(refreshedBy({ updatedAt: '2026-11-28T14:05:00.000Z' }), time)).toEqual({
      key: 'survey.fresh.at',
      values: { time: '14:05' },
    });
    expect(refreshedMessage(refreshedBy({ updatedBy: { name: 'Lars Olsson' } }), time)).toEqual({
      key: 'survey.fresh.by',
      values: { name: 'Lars Olsson' },
    });
    expect(refreshedMessage(refreshedBy({}), time)).toEqual({ key: 'survey.fresh.plain', values: {} });
  });
});
