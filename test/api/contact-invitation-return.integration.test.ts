import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/store/table-design';
import { call } from '../helpers/admin-api';
import { campaignMailTo, invitedReminderWorld, LUND_ID, MALMO_ID } from '../helpers/reminder-setup';

/**
 * A contact moved back to an organisation whose invitation it had at an address it no longer has.
 * The move keeps the address, so the console claims the invitation without reading the entry first;
 * the claim is refused (the entry was sent), and only the read after that refusal finds it was for
 * the other address and takes it over. Without that read the new address would get no invitation
 * from the organisation until a run's catch-up.
 */
describe('the invitation to a contact moved back with another address', () => {
  it('goes to the new address although the organisation invited the old one', async () => {
    const { ctx, admin } = await invitedReminderWorld();
    const added = await call(ctx, admin, 'POST', `/api/admin/organisations/${LUND_ID}/contacts`, {
      name: 'Anna Andersson',
      email: 'anna.andersson@lund.se',
      role: 'politician',
    });
    expect(added.body.invited).toBe(true);
    const path = `/api/admin/contacts/${added.body.contact.id}`;
    const away = await call(ctx, admin, 'PATCH', path, { organisationId: MALMO_ID, email: 'anna.andersson@malmo.se' });
    expect(away.body.invited).toBe(true);

    // Act
    const back = await call(ctx, admin, 'PATCH', path, { organisationId: LUND_ID });

    // Assert (the test clock stands still, so both mails have one send time)
    expect(back.status).toBe(200);
    expect(back.body.invited).toBe(true);
    expect((await campaignMailTo(ctx, 'anna.andersson@malmo.se')).map((mail) => mail.subject).sort()).toEqual([
      'Inbjudan: Medlemstest 2026 för Lund',
      'Inbjudan: Medlemstest 2026 för Malmö',
    ]);
    // The earlier send stays in the log beside the new one.
    expect(await ctx.store.get(keys.reminder(2026, LUND_ID, added.body.contact.id, 'invitation'))).toMatchObject({
      state: 'sent',
      email: 'anna.andersson@malmo.se',
      previous: [expect.objectContaining({ email: 'anna.andersson@lund.se', state: 'sent' })],
    });
  });
});
