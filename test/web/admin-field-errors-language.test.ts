import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client';
import { fieldErrors } from '../../web/src/pages/admin/lib/field-errors';

/** A 400 invalid_input as the API sends it: every detail in Swedish, and English in messageEn. */
const invalid = new ApiError(400, 'invalid_input', 'The input is not valid.', [
  {
    path: ['reminderPolicy', 'sendWindow', 'weekdays', 0],
    code: 'invalid_value',
    message: 'Okänd veckodag. Använd mon, tue, wed, thu, fri, sat eller sun.',
    messageEn: 'Unknown weekday. Use mon, tue, wed, thu, fri, sat or sun.',
  },
  { path: ['title'], code: 'too_small', message: 'För kort: förväntade string att ha >=1 tecken' },
  { path: ['closesAt'], code: 'custom', message: 'closesAt måste vara efter opensAt.', messageEn: ' ' },
]);

describe("the console's field errors follow its language", () => {
  it('shows messageEn when the console is in English', () => {
    expect(fieldErrors(invalid, ['reminderPolicy'], 'en')).toEqual({
      'sendWindow.weekdays.0': 'Unknown weekday. Use mon, tue, wed, thu, fri, sat or sun.',
    });
  });

  it('shows the Swedish message in Swedish, and when a detail has no English', () => {
    expect(fieldErrors(invalid, ['reminderPolicy'], 'sv')).toEqual({
      'sendWindow.weekdays.0': 'Okänd veckodag. Använd mon, tue, wed, thu, fri, sat eller sun.',
    });
    // Details from before messageEn, or with an empty one, fall back to the Swedish.
    expect(fieldErrors(invalid, [], 'en')).toMatchObject({
      title: 'För kort: förväntade string att ha >=1 tecken',
      closesAt: 'closesAt måste vara efter opensAt.',
    });
  });

  it('goes by the language the app is in when none is given (Swedish by default)', () => {
    expect(fieldErrors(invalid).title).toBe('För kort: förväntade string att ha >=1 tecken');
    expect(fieldErrors(invalid)['reminderPolicy.sendWindow.weekdays.0']).toMatch(/^Okänd veckodag/);
  });
});
