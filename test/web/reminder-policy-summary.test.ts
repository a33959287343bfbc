import { describe, expect, it } from 'vitest';
import { format } from '../../web/src/i18n';
import type { AdminT } from '../../web/src/pages/admin/i18n';
import { en as enStrings } from '../../web/src/pages/admin/i18n/en';
import { sv as svStrings } from '../../web/src/pages/admin/i18n/sv';
import { policySummary } from '../../web/src/pages/admin/RemindersPanel';

const DEFAULTS = {
  invitationOnOpen: true,
  steps: [14, 7, 2],
  lastDay: true,
  minDaysBetween: 3,
  maxReminders: 4,
  sendWindow: { weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' },
};
const sv: AdminT = (key, params) => format(svStrings[key], params);
const en: AdminT = (key, params) => format(enStrings[key], params);

describe('the policy summary of a campaign whose dates left steps out', () => {
  it('says which chosen steps are not sent because of the dates, and that they come back', () => {
    // Arrange: the deadline is on julafton, so "sista dagen" and the 2-day step were left out
    const applied = { ...DEFAULTS, steps: [14, 7], lastDay: false };
    // Act
    const lines = policySummary(applied, sv, DEFAULTS);
    const english = policySummary(applied, en, DEFAULTS);
    // Assert
    expect(lines.slice(-2)).toEqual([
      'Påminnelsen 2 dagar före sista svarsdag skickas inte eftersom datumen inte tillåter det. Det kommer tillbaka om datumen ändras så att det får plats, och nästa års kampanj börjar med det.',
      'Påminnelsen på morgonen sista dagen skickas inte eftersom datumen inte tillåter det. Det kommer tillbaka om datumen ändras så att det får plats, och nästa års kampanj börjar med det.',
    ]);
    expect(english.at(-1)).toMatch(/^The reminder on the morning of the last day is not sent because the dates/);
  });

  it('has no such line when nothing was left out', () => {
    expect(policySummary(DEFAULTS, sv)).toHaveLength(5);
    expect(policySummary({ ...DEFAULTS, lastDay: false }, sv)).toHaveLength(5);
  });
});
