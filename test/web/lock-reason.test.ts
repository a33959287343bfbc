import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import { lockOfAvailability, lockReasonOf, lockText } from '../../web/src/pages/survey/lock-reason';

const tSv: Translate = (key, params) => format(sv[key], params);
const tEn: Translate = (key, params) => format(en[key], params);

describe('the survey read-only notice (lockReasonOf, lockText)', () => {
  it('keeps the reason, not its words, so the notice follows a language switch', () => {
    const reason = lockReasonOf({ code: 'campaign_closed', details: undefined }, '2026-03-01T07:00:00Z')!;
    expect(lockText(reason, tSv, 'sv')).toBe(sv['survey.closed']);
    expect(lockText(reason, tEn, 'en')).toBe(en['survey.closed']);
  });

  it('words each refusal that makes the survey read-only, and no other', () => {
    const opensAt = '2026-03-01T07:00:00Z';
    expect(lockText(lockReasonOf({ code: 'already_submitted', details: undefined }, opensAt)!, tSv, 'sv')).toBe(
      sv['survey.readOnlySubmitted'],
    );
    expect(
      lockText(lockReasonOf({ code: 'campaign_not_open_yet', details: undefined }, opensAt)!, tSv, 'sv'),
    ).toContain('1 mars 2026');
    const ended = { code: 'not_a_member', details: { reason: 'ended', memberUntil: '2026-03-31' } };
    expect(lockText(lockReasonOf(ended, opensAt)!, tEn, 'en')).toContain('31 March 2026');
    expect(lockReasonOf({ code: 'version_conflict', details: undefined }, opensAt)).toBeNull();
  });
});

describe('why the survey opens read-only', () => {
  it('says the answers are submitted, not that the survey is closed, when the other contact has submitted', () => {
    const reason = lockOfAvailability({ kind: 'submitted' });
    expect(reason).toEqual({ kind: 'submitted' });
    expect(lockText(reason!, tSv, 'sv')).toBe('Svaren är inskickade och kan inte längre ändras.');
    expect(lockText(reason!, tEn, 'en')).toBe('The answers have been submitted and can no longer be changed.');
  });

  it('is closed, not yet open, or nothing while the organisation can answer', () => {
    expect(lockOfAvailability({ kind: 'closed', since: '2026-03-31T21:59:00.000Z' })).toEqual({ kind: 'closed' });
    expect(lockOfAvailability({ kind: 'upcoming', opensAt: '2026-09-01T06:00:00.000Z' })).toEqual({
      kind: 'not_open_yet',
      opensAt: '2026-09-01T06:00:00.000Z',
    });
    expect(lockOfAvailability({ kind: 'editable' })).toBeNull();
    expect(lockOfAvailability({ kind: 'editable' }, null)).toBeNull();
  });

  it('is read-only from the start, saying why, when the organisation may not answer the open campaign', () => {
    const notAMember = { reason: 'ended', memberUntil: '2026-03-31' };
    const reason = lockOfAvailability({ kind: 'editable' }, notAMember);
    expect(reason).toEqual({ kind: 'not_a_member', notMember: notAMember });
    expect(lockText(reason!, tSv, 'sv')).toContain('medlemskapet upphörde 31 mars 2026');
    // A submission stands, and a closed survey says it is closed, whatever the membership.
    expect(lockOfAvailability({ kind: 'submitted' }, notAMember)).toEqual({ kind: 'submitted' });
  });
});
