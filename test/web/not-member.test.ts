import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import { notMemberText } from '../../web/src/pages/survey/not-member';

const tSv: Translate = (key, params) => format(sv[key], params);
const tEn: Translate = (key, params) => format(en[key], params);

describe('the survey notice for an organisation that may not answer (403 not_a_member)', () => {
  it('names the day the membership ended, in the page language', () => {
    const error = { details: { reason: 'ended', memberSince: null, memberUntil: '2026-03-31' } };
    expect(notMemberText(error, tSv, 'sv')).toContain('31 mars 2026');
    expect(notMemberText(error, tSv, 'sv')).toMatch(/inte längre medlem/);
    expect(notMemberText(error, tEn, 'en')).toContain('31 March 2026');
  });

  it('says the organisation is not a member during the answer days when it was never in the campaign', () => {
    const error = { details: { reason: 'not_in_campaign', memberSince: '2027-01-01', memberUntil: null } };
    expect(notMemberText(error, tSv, 'sv')).toBe(sv['home.notMember.notInCampaign']);
    expect(notMemberText(error, tEn, 'en')).toBe(en['home.notMember.notInCampaign']);
  });

  it('falls back to the general notice for another reason or no details', () => {
    expect(notMemberText({ details: { reason: 'not_yet', memberSince: '2026-05-01' } }, tSv, 'sv')).toBe(
      sv['survey.notMember'],
    );
    expect(notMemberText({ details: undefined }, tEn, 'en')).toBe(en['survey.notMember']);
  });
});
