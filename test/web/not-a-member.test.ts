import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { sv } from '../../web/src/i18n/sv';
import { notMemberText } from '../../web/src/lib/not-a-member';
import { siteT } from '../helpers/translators';

/** The page's t over the real dictionaries. */
const translator = siteT;

describe('why an organisation may not answer (the home page’s and the survey’s notice)', () => {
  it('says the membership ended, and on which day, in both languages', () => {
    const ended = { reason: 'ended' as const, memberSince: '2019-01-01', memberUntil: '2026-03-15' };
    expect(notMemberText(ended, translator('sv'), 'sv')).toBe(
      'Er organisation är inte längre medlem i Klimatkommunerna (medlemskapet upphörde 15 mars 2026) och kan inte svara på enkäten. Kontakta kansliet om det inte stämmer.',
    );
    expect(notMemberText(ended, translator('en'), 'en')).toBe(
      'Your organisation is no longer a member of Klimatkommunerna (the membership ended on 15 March 2026) and cannot answer the survey. Contact the secretariat if that is wrong.',
    );
  });

  it('says from which day a membership that has not begun may answer', () => {
    const notYet = { reason: 'not_yet' as const, memberSince: '2026-03-20' };
    expect(notMemberText(notYet, translator('sv'), 'sv')).toContain('blir medlem i Klimatkommunerna 20 mars 2026');
    expect(notMemberText(notYet, translator('en'), 'en')).toContain(
      'becomes a member of Klimatkommunerna on 20 March 2026',
    );
  });

  it('reads a refused save’s details as well (403 not_a_member), and falls back to the general notice', () => {
    const refused = { reason: 'ended', memberSince: null, memberUntil: '2026-03-31' };
    expect(notMemberText(refused, translator('sv'), 'sv')).toContain('medlemskapet upphörde 31 mars 2026');
    expect(notMemberText({}, translator('en'), 'en')).toBe(en['survey.notMember']);
    expect(notMemberText({ reason: 'not_yet' }, translator('sv'), 'sv')).toBe(sv['survey.notMember']);
  });

  it('says the campaign is not the organisation’s when it is a member on none of its days', () => {
    const outside = { reason: 'not_in_campaign' as const, memberUntil: '2025-12-31' };
    expect(notMemberText(outside, translator('sv'), 'sv')).toContain('under de dagar enkäten tar emot svar');
    expect(notMemberText(outside, translator('en'), 'en')).toContain('on the days the survey takes answers');
  });
});
