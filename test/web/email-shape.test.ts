import { describe, expect, it } from 'vitest';
import { format } from '../../web/src/i18n';
import { isEmailShaped } from '../../web/src/lib/email';
import { personErrors } from '../../web/src/pages/admin/components';
import type { AdminT } from '../../web/src/pages/admin/i18n';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { addressError } from '../../web/src/pages/admin/lib/erasure';

const tSv: AdminT = (key, params) => format(sv[key], params);

describe('the e-mail shape check', () => {
  it('takes something, an @ and a domain with a dot', () => {
    for (const address of ['asa@example.se', 'a.b+c@kommun.region.se', 'Åsa@Exempel.SE']) {
      expect(isEmailShaped(address), address).toBe(true);
    }
  });

  it('refuses a missing part, a second @ or spaces', () => {
    for (const address of [
      '',
      'asa',
      'asa@',
      '@example.se',
      'asa@example',
      'asa@@example.se',
      'a s@example.se',
      ' asa@example.se',
    ]) {
      expect(isEmailShaped(address), address).toBe(false);
    }
  });

  it('is the check behind the console’s address fields, which trim first', () => {
    expect(addressError(' asa@example.se ', tSv)).toBeUndefined();
    expect(addressError('asa@example', tSv)).toBe(sv['error.email']);
    expect(personErrors('Åsa', ' asa@example.se ', tSv)).toEqual({});
    expect(personErrors('Åsa', 'asa@example', tSv)).toEqual({ email: sv['error.email'] });
  });
});
