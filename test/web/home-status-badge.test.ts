import { describe, expect, it } from 'vitest';
import { homeStatus, surveyAvailability } from '../../web/src/api/member';
import type { CurrentCampaign, SurveyResponse } from '../../web/src/api/types';
import { en } from '../../web/src/i18n/en';
import { sv } from '../../web/src/i18n/sv';

const campaign = (overrides: Partial<CurrentCampaign> = {}): CurrentCampaign => ({
  year: 2026,
  title: 'Medlemstest 2026',
  status: 'open',
  opensAt: '2026-03-01T07:00:00.000Z',
  closesAt: '2026-05-01T15:00:00.000Z',
  survey: {},
  ...overrides,
});
const notStarted: SurveyResponse = { data: {}, version: 0, status: 'not_started' };
const draft: SurveyResponse = {
  data: { q1: 'ja' },
  version: 3,
  status: 'draft',
  updatedAt: '2026-04-01T10:00:00.000Z',
  updatedBy: { name: 'Erik Nilsson', email: 'tjansteperson.1281@example.se' },
};
const submitted: SurveyResponse = { ...draft, status: 'submitted', submittedAt: '2026-04-10T10:00:00.000Z' };

const badgeOf = (c: CurrentCampaign, r: SurveyResponse, now: string) =>
  homeStatus(r, surveyAvailability(c, r, new Date(now)));

/** The home page's status badge: what the organisation's answers are, and whether that can still change. */
describe('the status badge on the home page', () => {
  it('says "Ej inskickad" when the survey closed or was published and nobody started', () => {
    for (const status of ['closed', 'published'] as const) {
      expect(badgeOf(campaign({ status }), notStarted, '2026-06-01T10:00:00Z'), status).toBe('unsubmitted');
    }
    // Past the deadline of a campaign still marked open: no answers are taken either.
    expect(badgeOf(campaign(), notStarted, '2026-05-02T10:00:00Z')).toBe('unsubmitted');
  });

  it('says "Ej inskickad" for a draft that was never sent, not "Utkast"', () => {
    for (const status of ['closed', 'published'] as const) {
      expect(badgeOf(campaign({ status }), draft, '2026-06-01T10:00:00Z'), status).toBe('unsubmitted');
    }
  });

  it('keeps the response status while the survey takes answers, or has yet to open', () => {
    expect(badgeOf(campaign(), notStarted, '2026-04-01T10:00:00Z')).toBe('not_started');
    expect(badgeOf(campaign(), draft, '2026-04-01T10:00:00Z')).toBe('draft');
    expect(badgeOf(campaign({ status: 'draft' }), notStarted, '2026-02-01T10:00:00Z')).toBe('not_started');
    // Closed, but with an extension of its own still running: it may still send.
    const extended = campaign({ status: 'closed', closesAtForOrganisation: '2026-05-15T15:00:00.000Z' });
    expect(badgeOf(extended, draft, '2026-05-10T10:00:00Z')).toBe('draft');
  });

  it('says "Inskickad" once submitted, open or closed', () => {
    expect(badgeOf(campaign(), submitted, '2026-04-11T10:00:00Z')).toBe('submitted');
    expect(badgeOf(campaign({ status: 'published' }), submitted, '2026-06-01T10:00:00Z')).toBe('submitted');
  });

  it('has its words in both languages', () => {
    expect(sv['status.unsubmitted']).toBe('Ej inskickad');
    expect(en['status.unsubmitted']).toBe('Not submitted');
  });
});
