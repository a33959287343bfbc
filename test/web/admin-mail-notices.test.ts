import { describe, expect, it } from 'vitest';
import { invitationNotice, mailNotice } from '../../web/src/pages/admin/MoveContactDialog';
import '../../web/src/pages/admin/i18n/organisation';
import { adminT } from '../helpers/translators';

/** The organisation page's sentence about an e-mail a contact change sent: sent, not sent, or none due. */
describe('the organisation page’s e-mail notices', () => {
  const t = adminT('sv');

  it('says the invitation went, or that it goes with the next run in the info tone, or nothing', () => {
    expect(invitationNotice(t, true, 'ny@lund.se')).toEqual({
      text: ' Inbjudan till enkäten skickades till ny@lund.se.',
    });
    const failed = invitationNotice(t, false, 'ny@lund.se');
    expect(failed.tone).toBe('info');
    expect(failed.text).toContain('ny@lund.se');
    expect(invitationNotice(t, undefined, 'ny@lund.se')).toEqual({ text: '' });
  });

  it('says the access e-mail went to the old address, with the same three outcomes', () => {
    const keys = { sent: 'contact.notified', notSent: 'contact.notNotified' } as const;
    expect(mailNotice(t, true, 'gammal@lund.se', keys)).toEqual({
      text: ' Ett e-postmeddelande om att tillgången har upphört har skickats till gammal@lund.se.',
    });
    expect(mailNotice(t, false, 'gammal@lund.se', keys)).toMatchObject({ tone: 'info' });
    expect(mailNotice(t, undefined, 'gammal@lund.se', keys)).toEqual({ text: '' });
  });
});
