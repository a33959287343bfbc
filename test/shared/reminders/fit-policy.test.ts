import { describe, expect, it } from 'vitest';
import { isSwedishHoliday } from '../../../shared/domain/swedish-holidays';
import {
  addDays,
  fitChoiceToCampaign,
  fitPolicyToCampaign,
  isInWindow,
  type ReminderPolicy,
  scheduleSteps,
  stockholmDate,
  stockholmInstant,
  validatePolicy,
} from '../../../shared/reminders/index';
import { makePolicy, sthlm } from './reminder-fixtures';

describe('validatePolicy with holidays', () => {
  it('rejects a last day on julafton: the next working day is after closing, and the message names the holiday', () => {
    // Arrange: closes Thursday 24 December 2026 at 23:59
    const campaign = { opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2026-12-24 23:59') };
    // Act
    const result = validatePolicy({}, campaign);
    // Assert
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: ['lastDay'],
          code: 'step_after_close',
          message:
            'Påminnelsen sista dagen skulle skickas 2026-12-24 08:00 (julafton), flyttad till sändfönstret 2026-12-28 08:00, men enkäten stänger 2026-12-24 23:59.',
          messageEn:
            'The last-day reminder would go out 2026-12-24 08:00 (Christmas Eve), moved into the send window at 2026-12-28 08:00, but the survey closes 2026-12-24 23:59.',
        },
      ],
    });
  });

  it.each([
    ['Kristi himmelsfärds dag', 'Ascension Day', 1, '2027-05-06 08:00', '2027-05-07 07:00'],
    ['midsommarafton', 'Midsummer Eve', 3, '2027-06-25 08:00', '2027-06-28 07:00'],
    ['nyårsdagen', "New Year's Day", 3, '2027-01-01 08:00', '2027-01-04 07:00'],
  ])('names the holiday a step moved from in each message’s language: %s / %s', (sv, en, days, nominal, closes) => {
    // Arrange: a reminder on the holiday, before a closing early on the next working day's morning
    const campaign = { opensAt: sthlm('2026-11-02 09:00'), closesAt: sthlm(closes) };
    const policy = { steps: [days], lastDay: false };
    expect(scheduleSteps(makePolicy(policy), campaign).find((s) => s.id === `d${days}`)?.nominalAt).toEqual(
      sthlm(nominal),
    );
    // Act
    const result = validatePolicy(policy, campaign);
    // Assert
    const error = result.ok ? undefined : result.errors.find((e) => e.code === 'step_after_close');
    expect(error?.message).toContain(`${nominal} (${sv}), flyttad till sändfönstret`);
    expect(error?.messageEn).toContain(`${nominal} (${en}), moved into the send window`);
    expect(error?.messageEn).not.toContain(sv);
  });

  it('accepts a step on juldagen that moves to the Monday before a Tuesday closing', () => {
    // Arrange: closes Tuesday 29 December 2026; 4 days before is juldagen
    const campaign = { opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2026-12-29 23:59') };
    const policy = { steps: [14, 4] };
    // Act
    const result = validatePolicy(policy, campaign);
    // Assert
    expect(result).toMatchObject({ ok: true, warnings: [] });
    const d4 = scheduleSteps(makePolicy(policy), campaign).find((step) => step.id === 'd4');
    expect(d4?.dueAt).toEqual(sthlm('2026-12-28 08:00'));
  });
});

describe('fitPolicyToCampaign', () => {
  it('keeps a policy that fits as it is', () => {
    // Arrange
    const campaign = { opensAt: sthlm('2027-03-01 09:00'), closesAt: sthlm('2027-03-31 17:00') };
    // Act
    const fit = fitPolicyToCampaign({}, campaign);
    // Assert
    expect(fit).toEqual({ ok: true, policy: makePolicy(), removed: [], warnings: [] });
  });

  it('takes out the steps on juldagen and a Sunday closing day, and says why', () => {
    // Arrange: the demo campaign as a seed on 27 November 2026 15:40 made it, closing Sunday 27 December
    const campaign = { opensAt: new Date('2026-11-20T15:40:40Z'), closesAt: new Date('2026-12-27T15:40:40Z') };
    // Act
    const fit = fitPolicyToCampaign({}, campaign);
    // Assert
    expect(fit).toEqual({
      ok: true,
      policy: { ...makePolicy(), steps: [14, 7], lastDay: false },
      removed: [
        {
          step: 'd2',
          code: 'step_after_close',
          message:
            'Påminnelsen 2 dagar före stängning skulle skickas 2026-12-25 08:00 (juldagen), flyttad till sändfönstret 2026-12-28 08:00, men enkäten stänger 2026-12-27 16:40.',
          messageEn:
            'The reminder 2 days before closing would go out 2026-12-25 08:00 (Christmas Day), moved into the send window at 2026-12-28 08:00, but the survey closes 2026-12-27 16:40.',
        },
        {
          step: 'last-day',
          code: 'step_after_close',
          message:
            'Påminnelsen sista dagen skulle skickas 2026-12-27 08:00, flyttad till sändfönstret 2026-12-28 08:00, men enkäten stänger 2026-12-27 16:40.',
          messageEn:
            'The last-day reminder would go out 2026-12-27 08:00, moved into the send window at 2026-12-28 08:00, but the survey closes 2026-12-27 16:40.',
        },
      ],
      warnings: [],
    });
  });

  it('takes out the steps before the invitation of a short campaign and the last day of a Saturday closing', () => {
    // Arrange: 10 days from Wednesday 3 to Saturday 13 March 2027
    const campaign = { opensAt: sthlm('2027-03-03 09:00'), closesAt: sthlm('2027-03-13 12:00') };
    // Act
    const fit = fitPolicyToCampaign({ steps: [30, 14, 7, 2], lastDay: true }, campaign);
    // Assert
    expect(fit.ok && fit.policy).toEqual({ ...makePolicy(), steps: [7, 2], lastDay: false });
    expect(fit.ok && fit.removed.map((removed) => [removed.step, removed.code])).toEqual([
      ['d30', 'step_before_open'],
      ['d14', 'step_before_open'],
      ['last-day', 'step_after_close'],
    ]);
  });

  it('takes everything out of a campaign with no working day: Christmas Eve to Boxing Day', () => {
    // Arrange
    const campaign = { opensAt: sthlm('2026-12-24 09:00'), closesAt: sthlm('2026-12-26 23:59') };
    // Act
    const fit = fitPolicyToCampaign({}, campaign);
    // Assert
    expect(fit.ok && fit.policy).toEqual({ ...makePolicy(), invitationOnOpen: false, steps: [], lastDay: false });
    expect(validatePolicy(fit.ok ? fit.policy : {}, campaign).ok).toBe(true);
  });

  it.each([
    ['an invalid field', { steps: [-1] }, 'negative_days'],
    ['an unknown field', { stepz: [1] }, 'invalid_value'],
  ])('gives back the errors of %s instead of fitting', (_name, policy, code) => {
    // Arrange
    const campaign = { opensAt: sthlm('2027-03-01 09:00'), closesAt: sthlm('2027-03-31 17:00') };
    // Act
    const fit = fitPolicyToCampaign(policy, campaign);
    // Assert
    expect(fit).toMatchObject({ ok: false, errors: [expect.objectContaining({ code })] });
  });

  it('gives back the error of dates in the wrong order', () => {
    // Arrange
    const campaign = { opensAt: sthlm('2027-03-31 09:00'), closesAt: sthlm('2027-03-01 17:00') };
    // Act
    const fit = fitPolicyToCampaign({}, campaign);
    // Assert
    expect(fit).toMatchObject({ ok: false, errors: [{ code: 'campaign_dates' }] });
  });

  it('makes the defaults valid for campaigns opening on every day of 2026–2027, taking out only what cannot be sent', () => {
    const lengths = [1, 2, 4, 9, 16, 30, 45];
    const openTimes = [
      [0, 0],
      [8, 0],
      [13, 30],
      [18, 0],
    ] as const;
    const closeTimes = [
      [0, 0],
      [7, 30],
      [12, 0],
      [17, 0],
      [23, 59],
    ] as const;
    const defaults = makePolicy();
    const restored = (policy: ReminderPolicy, step: string): ReminderPolicy => {
      if (step === 'invitation') return { ...policy, invitationOnOpen: true };
      if (step === 'last-day') return { ...policy, lastDay: true };
      return { ...policy, steps: [...policy.steps, Number(step.slice(1))] };
    };
    let checked = 0;
    for (let day = 0; day < 730; day++) {
      const date = addDays({ year: 2026, month: 1, day: 1 }, day);
      const [openHour, openMinute] = openTimes[day % openTimes.length]!;
      const opensAt = stockholmInstant({ ...date, hour: openHour, minute: openMinute });
      // The length turns a step further each week, so every length meets every weekday and season.
      {
        const length = lengths[(day + Math.floor(day / 7)) % lengths.length]!;
        const [closeHour, closeMinute] = closeTimes[Math.floor(day / 3) % closeTimes.length]!;
        const closesAt = stockholmInstant({ ...addDays(date, length), hour: closeHour, minute: closeMinute });
        if (closesAt <= opensAt) continue;
        const campaign = { opensAt, closesAt };
        const where = `${opensAt.toISOString()} → ${closesAt.toISOString()}`;
        // Act
        const fit = fitPolicyToCampaign({}, campaign);
        // Assert
        expect(fit.ok, where).toBe(true);
        if (!fit.ok) continue;
        // Stored, it saves again unchanged.
        const again = validatePolicy(fit.policy, campaign);
        expect(again.ok && again.policy, where).toEqual(fit.policy);
        // Only steps were taken out, and each one taken out could not be sent.
        expect({ ...fit.policy, invitationOnOpen: true, lastDay: true, steps: defaults.steps }, where).toEqual(
          defaults,
        );
        expect(
          defaults.steps.filter((days) => fit.policy.steps.includes(days)),
          where,
        ).toEqual(fit.policy.steps);
        for (const removed of fit.removed) {
          expect(validatePolicy(restored(fit.policy, removed.step), campaign).ok, `${where} ${removed.step}`).toBe(
            false,
          );
        }
        // What is left goes out inside the window, on a working day, while the campaign is open.
        for (const step of scheduleSteps(fit.policy, campaign)) {
          expect(isInWindow(fit.policy.sendWindow, step.dueAt), `${where} ${step.id}`).toBe(true);
          expect(isSwedishHoliday(stockholmDate(step.dueAt)), `${where} ${step.id}`).toBe(false);
          expect(step.dueAt >= opensAt && step.dueAt < closesAt, `${where} ${step.id}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });
});

describe('fitChoiceToCampaign: the kansli’s policy against what was chosen before', () => {
  // Closes on julafton 2026: neither "sista dagen" nor a step 0 days before can go out.
  const julafton = { opensAt: sthlm('2026-11-23 09:00'), closesAt: sthlm('2026-12-24 23:59') };

  it('leaves out a step chosen before that the dates cannot hold, and refuses one the choice turns on, with its path', () => {
    // Act
    const kept = fitChoiceToCampaign({ minDaysBetween: 4 }, julafton, {});
    const turnedOn = fitChoiceToCampaign({ steps: [14, 7, 2] }, julafton, { lastDay: false, steps: [14, 7, 2] });
    const noneBefore = fitChoiceToCampaign({}, julafton, undefined);
    // Assert
    expect(kept).toMatchObject({ ok: true, policy: { lastDay: false, minDaysBetween: 4 } });
    expect(kept.ok && kept.removed.map((removed) => removed.step)).toEqual(['last-day']);
    expect(turnedOn).toMatchObject({
      ok: false,
      errors: [{ path: ['lastDay'], code: 'step_after_close', message: expect.stringContaining('julafton') }],
    });
    expect(noneBefore).toMatchObject({ ok: false, errors: [{ path: ['lastDay'] }] });
  });

  it('names a new day by its place in the steps the kansli sent', () => {
    // Act: 40 days before on a month-long campaign is before the invitation; 14 was chosen before
    const result = fitChoiceToCampaign({ steps: [40, 14], lastDay: false }, julafton, { steps: [14], lastDay: false });
    // Assert
    expect(result).toMatchObject({ ok: false, errors: [{ path: ['steps', 0], code: 'step_before_open' }] });
  });
});
