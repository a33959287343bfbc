import { describe, expect, it } from 'vitest';
import { format } from '../../web/src/i18n';
import { personErrors, reasonError } from '../../web/src/pages/admin/components';
import type { AdminT } from '../../web/src/pages/admin/i18n';
import { sv } from '../../web/src/pages/admin/i18n/sv';

const tSv: AdminT = (key, params) => format(sv[key], params);

// The console says the API's own refusal at the field before sending, as it does for an empty one.
describe("the console's check of visible text", () => {
  it('refuses a name with a NUL or only zero-width spaces, beside the name', () => {
    expect(personErrors('Åsa\u0000', 'asa@example.se', tSv).name).toMatch(/styrtecken/);
    expect(personErrors('\u200b\u200b', 'asa@example.se', tSv).name).toMatch(/synliga tecken/);
    expect(personErrors('Åsa\nÖgren', 'asa@example.se', tSv).name).toMatch(/en rad/);
    expect(personErrors('Åsa Ögren', 'asa@example.se', tSv)).toEqual({});
  });

  it('refuses a reason of NULs or soft hyphens, keeps one with line breaks', () => {
    expect(reasonError('\u0000\u0000\u0000', tSv)).toMatch(/styrtecken/);
    expect(reasonError('\u00ad\u00ad\u00ad', tSv)).toMatch(/synliga tecken/);
    expect(reasonError('Ny\nkontakt', tSv)).toBeUndefined();
    expect(reasonError('ab', tSv)).toBe(sv['error.reasonRequired']);
  });
});
