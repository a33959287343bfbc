import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerDays,
  campaignMembership,
  isCampaignMember,
  isListedInCampaign,
  type MembershipDates,
  mayEmailAbout,
  membershipOn,
  membershipSpan,
  stockholmDay,
} from '../../../shared/domain/membership';
import { isCampaignMemberSpan, mayAnswer, membershipAt } from '../../../shared/domain/membership-span';
import { stockholmInstant } from '../../../shared/reminders/index';

/** Stockholm wall-clock `YYYY-MM-DD HH:MM` as an ISO instant. */
function sthlm(local: string): string {
  const [date, time] = local.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return stockholmInstant({ year, month, day, hour, minute }).toISOString();
}

/** The 2026 campaign: takes answers from Monday 2 March 09:00 to 1 April 17:00, Stockholm time. */
const CAMPAIGN_2026 = { opensAt: sthlm('2026-03-02 09:00'), closesAt: sthlm('2026-04-01 17:00') };

describe('a campaign’s answer days', () => {
  it('run from the Stockholm date it opens to the Stockholm date it closes', () => {
    expect(answerDays(CAMPAIGN_2026)).toEqual({ first: '2026-03-02', last: '2026-04-01' });
  });

  it('are Stockholm dates, not UTC ones: opening at 00:30 local is that day, though still the day before in UTC', () => {
    // Arrange: 00:30 on 1 March in Stockholm is 23:30 on 28 February in UTC
    const campaign = { opensAt: sthlm('2026-03-01 00:30'), closesAt: sthlm('2026-04-30 17:00') };
    // Act
    const days = answerDays(campaign);
    // Assert
    expect(campaign.opensAt.slice(0, 10)).toBe('2026-02-28');
    expect(days.first).toBe('2026-03-01');
  });

  it('end the day before when the campaign closes at midnight', () => {
    const campaign = { opensAt: sthlm('2026-03-02 09:00'), closesAt: sthlm('2026-05-01 00:00') };
    expect(answerDays(campaign).last).toBe('2026-04-30');
  });
});

describe('membership on a day', () => {
  it('counts both register dates as member days, and a missing date as open', () => {
    const member = { memberSince: '2019-01-01', memberUntil: '2025-12-31' };
    expect(membershipOn(member, '2018-12-31')).toBe('not_yet');
    expect(membershipOn(member, '2019-01-01')).toBe('member');
    expect(membershipOn(member, '2025-12-31')).toBe('member');
    expect(membershipOn(member, '2026-01-01')).toBe('ended');
    expect(membershipOn({}, '1990-06-01')).toBe('member');
    expect(membershipOn({ memberSince: null, memberUntil: null }, '2100-01-01')).toBe('member');
  });

  it('reads the day of an instant in Stockholm time', () => {
    expect(stockholmDay(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(stockholmDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('who is in a campaign', () => {
  it.each([
    ['a member with no dates', {}, true],
    ['a member since before the campaign', { memberSince: '2019-01-01' }, true],
    ['Luleå, member until the end of the year before', { memberSince: '2019-01-01', memberUntil: '2025-12-31' }, false],
    ['a member that left in January, before the campaign opened', { memberUntil: '2026-01-31' }, false],
    ['a member whose last day is the opening day', { memberUntil: '2026-03-02' }, true],
    ['a member that leaves while the campaign runs', { memberUntil: '2026-03-15' }, true],
    ['a member that joins while the campaign runs', { memberSince: '2026-03-20' }, true],
    ['a member whose first day is the closing day', { memberSince: '2026-04-01' }, true],
    ['a member that joins in September, after the campaign closed', { memberSince: '2026-09-01' }, false],
  ])('%s: %s', (_case, membership, expected) => {
    expect(isCampaignMember(membership, CAMPAIGN_2026)).toBe(expected);
  });

  it.each([
    ['ended before the first answer day', { memberUntil: '2026-03-01' }, 'ended'],
    ['begins after the last answer day', { memberSince: '2026-04-02' }, 'not_yet'],
    ['covers an answer day', { memberSince: '2026-04-01', memberUntil: '2026-12-31' }, 'member'],
  ] as const)('says why an organisation is out of it: a membership that %s', (_case, membership, expected) => {
    expect(campaignMembership(membership, CAMPAIGN_2026)).toBe(expected);
  });

  it('lists an organisation with a response item even when it is not a member, so answers given stay visible', () => {
    const former = { memberUntil: '2025-12-31' };
    expect(isListedInCampaign(former, CAMPAIGN_2026, true)).toBe(true);
    expect(isListedInCampaign(former, CAMPAIGN_2026, false)).toBe(false);
    expect(isListedInCampaign({}, CAMPAIGN_2026, false)).toBe(true);
  });
});

describe('who may be emailed about a campaign', () => {
  it('never a former member, whatever the day', () => {
    const lulea = { memberSince: '2019-01-01', memberUntil: '2025-12-31' };
    expect(mayEmailAbout(lulea, CAMPAIGN_2026, new Date(CAMPAIGN_2026.opensAt))).toBe(false);
    expect(mayEmailAbout(lulea, CAMPAIGN_2026, new Date(sthlm('2026-03-18 08:00')))).toBe(false);
  });

  it('a member that leaves mid-campaign up to and including its last day, and not after', () => {
    const leaving = { memberUntil: '2026-03-15' };
    expect(mayEmailAbout(leaving, CAMPAIGN_2026, new Date(CAMPAIGN_2026.opensAt))).toBe(true);
    expect(mayEmailAbout(leaving, CAMPAIGN_2026, new Date(sthlm('2026-03-15 23:59')))).toBe(true);
    expect(mayEmailAbout(leaving, CAMPAIGN_2026, new Date(sthlm('2026-03-18 08:00')))).toBe(false);
  });

  it('a member that joins mid-campaign from its first day, and not before', () => {
    const joining = { memberSince: '2026-03-20' };
    expect(mayEmailAbout(joining, CAMPAIGN_2026, new Date(CAMPAIGN_2026.opensAt))).toBe(false);
    expect(mayEmailAbout(joining, CAMPAIGN_2026, new Date(sthlm('2026-03-20 00:00')))).toBe(true);
  });

  it('not an organisation outside the campaign, even on a day it is a member (an extension after closing)', () => {
    const joinedAfter = { memberSince: '2026-04-05' };
    expect(mayEmailAbout(joinedAfter, CAMPAIGN_2026, new Date(sthlm('2026-04-10 10:00')))).toBe(false);
  });
});

describe('the rule on instants (membership-span.ts), as sign-in stores it and autosave checks it', () => {
  it('runs from the Stockholm midnight that begins the first day to the one that ends the last', () => {
    // Arrange: winter time (UTC+1) at the start, summer time (UTC+2) at the end
    const span = membershipSpan({ memberSince: '2019-01-01', memberUntil: '2026-06-30' });
    // Assert
    expect(span).toEqual({
      memberSince: '2019-01-01',
      memberUntil: '2026-06-30',
      startsAt: '2018-12-31T23:00:00.000Z',
      endsAt: '2026-06-30T22:00:00.000Z',
    });
    expect(membershipSpan({})).toEqual({});
    expect(membershipSpan({ memberSince: null, memberUntil: null })).toEqual({});
  });

  it('a member that leaves mid-campaign may answer up to midnight after its last day, and not after', () => {
    const leaving = membershipSpan({ memberUntil: '2026-03-15' });
    expect(mayAnswer(leaving, CAMPAIGN_2026, new Date(sthlm('2026-03-15 23:59')))).toBe(true);
    expect(mayAnswer(leaving, CAMPAIGN_2026, new Date(sthlm('2026-03-16 00:00')))).toBe(false);
    expect(membershipAt(leaving, new Date(sthlm('2026-03-16 00:00')))).toBe('ended');
  });

  it('an organisation outside the campaign may not answer it, even while a member', () => {
    const joinedAfter = membershipSpan({ memberSince: '2026-04-05' });
    expect(isCampaignMemberSpan(joinedAfter, CAMPAIGN_2026)).toBe(false);
    expect(mayAnswer(joinedAfter, CAMPAIGN_2026, new Date(sthlm('2026-04-10 10:00')))).toBe(false);
  });

  it('agrees with the rule on Stockholm dates for any membership, campaign and moment', () => {
    // Dates around the campaign, DST changes included; campaigns open and close at any minute.
    const day = fc.integer({ min: 0, max: 120 }).map((offset) => {
      const date = new Date(Date.UTC(2026, 1, 1 + offset));
      return date.toISOString().slice(0, 10);
    });
    const anyMinute = fc.integer({ min: 0, max: 120 * 24 * 60 }).map((minutes) => {
      return new Date(Date.UTC(2026, 1, 1) - 3_600_000 + minutes * 60_000).toISOString();
    });
    // The edges that matter: a Stockholm midnight, and a millisecond either side of one.
    const nearMidnight = fc.tuple(day, fc.constantFrom(-1, 0, 1)).map(([date, shift]) => {
      const midnight = Date.parse(membershipSpan({ memberSince: date }).startsAt!);
      return new Date(midnight + shift).toISOString();
    });
    const instant = fc.oneof(anyMinute, nearMidnight);
    const membership = fc
      .record({ since: fc.option(day, { nil: undefined }), until: fc.option(day, { nil: undefined }) })
      .filter(({ since, until }) => !since || !until || since <= until)
      .map(({ since, until }): MembershipDates => ({ memberSince: since, memberUntil: until }));
    const campaign = fc
      .tuple(instant, instant)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => (a < b ? { opensAt: a, closesAt: b } : { opensAt: b, closesAt: a }));
    fc.assert(
      fc.property(membership, campaign, instant, (dates, window, at) => {
        const span = membershipSpan(dates);
        expect(isCampaignMemberSpan(span, window)).toBe(isCampaignMember(dates, window));
        expect(membershipAt(span, new Date(at))).toBe(membershipOn(dates, stockholmDay(new Date(at))));
        expect(mayAnswer(span, window, new Date(at))).toBe(mayEmailAbout(dates, window, new Date(at)));
      }),
      { numRuns: 2000 },
    );
  });
});
