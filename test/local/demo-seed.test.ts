import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoContacts, parseDemoOrganisations } from '../../functions/local/seed/demo-organisations';
import { demoCampaigns, demoResponses } from '../../functions/local/seed/seed-campaigns';
import { isSwedishHoliday } from '../../shared/domain/swedish-holidays';
import { closingDay, stockholmDate, validatePolicy, weekdayOf } from '../../shared/reminders/index';
import { ReminderPolicySchema } from '../../shared/reminders/reminder-policy.schema';
import { score } from '../../shared/scoring/score';
import { validateDraft } from '../../shared/survey-validation/validate-draft';
import { validateSubmission } from '../../shared/survey-validation/validate-submission';

const organisations = parseDemoOrganisations(
  readFileSync(path.resolve(import.meta.dirname, '../../shared/domain/organisations-demo.csv'), 'utf8'),
);
const contacts = new Map(
  organisations.map((organisation, index) => [organisation.id, demoContacts(organisation, index)]),
);
// The day a reviewer found the demo's d2 reminder on juldagen and its last day on a Sunday after closing.
const NOW = new Date('2026-11-27T15:40:40Z');
const responses = demoResponses({ campaigns: demoCampaigns(NOW), organisations, contacts, now: NOW });
const submitted = responses.filter((response) => response.status === 'submitted');
const label = (response: (typeof responses)[number]) => `${response.campaign.year} ${response.organisation.name}`;

describe('the demo seed’s responses', () => {
  it('has submissions from most organisations in the two closed years and a few this year', () => {
    const count = (year: number) => submitted.filter((response) => response.campaign.year === year).length;
    expect([count(2024), count(2025), count(2026)]).toEqual([22, 25, 4]);
    expect(responses.filter((response) => response.status === 'draft')).toHaveLength(14);
  });

  it('submits only answers that submit itself would accept unchanged: required ones given, hidden ones dropped', () => {
    for (const response of submitted) {
      // Arrange
      const survey = response.campaign.surveys[response.organisation.type];
      // Act
      const checked = validateSubmission(survey, response.data);
      // Assert
      expect(
        checked.ok ? [] : checked.details.map((detail) => `${detail.question}: ${detail.code}`),
        label(response),
      ).toEqual([]);
      expect(checked.ok && checked.data, label(response)).toEqual(response.data);
    }
  }, 120_000);

  it('keeps no answer to a follow-up question whose question says no', () => {
    for (const response of submitted) {
      if (response.data.E4 === false) expect(response.data, label(response)).not.toHaveProperty('E4_kw');
      if (response.data.U4 === false) expect(response.data, label(response)).not.toHaveProperty('U4_kg');
    }
    // The seed does answer follow-ups when they are shown.
    expect(submitted.some((response) => response.data.E4 === true && typeof response.data.E4_kw === 'number')).toBe(
      true,
    );
  });

  it('stores drafts that autosave would accept', () => {
    for (const response of responses.filter((candidate) => candidate.status === 'draft')) {
      const survey = response.campaign.surveys[response.organisation.type];
      const checked = validateDraft(survey, response.data);
      expect(checked.ok && checked.data, label(response)).toEqual(response.data);
    }
  });

  it('spreads the closed years’ submissions over every band, with a few that miss a basic requirement', () => {
    for (const year of [2024, 2025]) {
      const bands = new Map<string, number>();
      for (const response of submitted.filter((candidate) => candidate.campaign.year === year)) {
        const result = score(response.campaign.surveys[response.organisation.type], response.data);
        const band = result.gatePassed ? (result.band ?? '?') : 'inget betyg';
        bands.set(band, (bands.get(band) ?? 0) + 1);
      }
      expect([...bands.keys()].sort(), String(year)).toEqual(['A', 'B', 'C', 'D', 'inget betyg']);
    }
  });

  it('is the same every time for the same clock', () => {
    const again = demoResponses({ campaigns: demoCampaigns(NOW), organisations, contacts, now: NOW });
    expect(again).toEqual(responses);
  });
});

describe('the demo seed’s campaigns', () => {
  it('store a reminder policy that saves again unchanged, for a seed run on any day of a year and a month', () => {
    // Deadlines from 31 May 2026 to 1 July 2027: every holiday of the year, two midsommars.
    for (let day = 0; day < 397; day++) {
      // Arrange: a different hour each day, so the seed's time of day varies too
      const now = new Date(Date.UTC(2026, 4, 1, day % 24, 17) + day * 86_400_000);
      // Act
      const campaigns = demoCampaigns(now);
      // Assert
      for (const campaign of Object.values(campaigns)) {
        const dates = { opensAt: new Date(campaign.opensAt), closesAt: new Date(campaign.closesAt) };
        const where = `${now.toISOString()}: ${campaign.year}`;
        const result = validatePolicy(campaign.reminderPolicy, dates);
        expect(result.ok && result.policy, where).toEqual(campaign.reminderPolicy);
      }
      // The open campaign closes at the end of a working day, so it keeps every default step.
      const closes = closingDay(new Date(campaigns.current.closesAt));
      expect(['sat', 'sun'].includes(weekdayOf(closes)) || isSwedishHoliday(closes), now.toISOString()).toBe(false);
      expect(campaigns.current.reminderPolicy, now.toISOString()).toEqual(ReminderPolicySchema.parse({}));
      expect(stockholmDate(new Date(campaigns.current.opensAt))).toEqual(
        stockholmDate(new Date(now.getTime() - 7 * 86_400_000)),
      );
    }
  });

  it('keeps a given policy, fitted to each campaign’s dates', () => {
    // Act: a policy whose 40-day step does not fit the 37 days from now to the open campaign's deadline
    const campaigns = demoCampaigns(NOW, { steps: [40, 10], minDaysBetween: 2 });
    // Assert
    expect(campaigns.current.reminderPolicy).toEqual(ReminderPolicySchema.parse({ steps: [10], minDaysBetween: 2 }));
    expect(campaigns.last.reminderPolicy).toEqual(ReminderPolicySchema.parse({ steps: [40, 10], minDaysBetween: 2 }));
  });
});
