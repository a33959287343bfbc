import { describe, expect, it } from 'vitest';
import { answersEnd, closedEarly, laterOwnDeadline } from '../../../shared/domain/answer-window';

// Deadline 30 April 23:59 Swedish time.
const CAMPAIGN = { closesAt: '2026-04-30T21:59:00.000Z' };
const EARLY = { ...CAMPAIGN, closedAt: '2026-04-10T08:00:00.000Z' };

describe('answersEnd and closedEarly', () => {
  it('is the deadline without a close, or with a close at or after it', () => {
    expect(answersEnd(CAMPAIGN)).toBe(CAMPAIGN.closesAt);
    expect(answersEnd({ ...CAMPAIGN, closedAt: '2026-05-02T08:00:00.000Z' })).toBe(CAMPAIGN.closesAt);
    expect(answersEnd({ ...CAMPAIGN, closedAt: CAMPAIGN.closesAt })).toBe(CAMPAIGN.closesAt);
    expect(closedEarly(CAMPAIGN)).toBe(false);
  });

  it('is the close when the kansli closed before the deadline', () => {
    expect(answersEnd(EARLY)).toBe(EARLY.closedAt);
    expect(closedEarly(EARLY)).toBe(true);
  });
});

describe('laterOwnDeadline', () => {
  it('counts an own deadline later than the campaign’s end', () => {
    expect(laterOwnDeadline(CAMPAIGN, '2026-05-10T21:59:00.000Z')).toBe('2026-05-10T21:59:00.000Z');
    expect(laterOwnDeadline(CAMPAIGN, '2026-04-20T21:59:00.000Z')).toBeNull();
    expect(laterOwnDeadline(CAMPAIGN, undefined)).toBeNull();
  });

  it('counts one between an early close and the planned deadline', () => {
    expect(laterOwnDeadline(EARLY, '2026-04-20T21:59:00.000Z')).toBe('2026-04-20T21:59:00.000Z');
    expect(laterOwnDeadline(EARLY, '2026-04-09T21:59:00.000Z')).toBeNull();
  });

  it('compares instants, not strings: an offset sorts with UTC', () => {
    expect(laterOwnDeadline(EARLY, '2026-04-10T09:00:00+02:00')).toBeNull();
    expect(laterOwnDeadline(EARLY, '2026-04-10T11:00:00+02:00')).toBe('2026-04-10T11:00:00+02:00');
  });
});
