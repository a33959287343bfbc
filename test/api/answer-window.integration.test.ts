import { describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { adminWorld, seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

/** A Lund contact's first autosave at `now`, in a campaign with these dates. */
async function firstSave(now: string, dates: { opensAt?: string; closesAt?: string }, language?: string) {
  const ctx = await seededContext({ now, campaign: dates });
  const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
  const init = withCookie(cookie, jsonRequest('PUT', { data: { respondent_name: 'Anna' }, version: 0 }));
  if (language) (init.headers as Record<string, string>)['accept-language'] = language;
  const res = await ctx.app.request(RESPONSE, init);
  return { status: res.status, body: await res.json() };
}

describe('when a campaign takes answers', () => {
  it('refuses a save before the opening time as not open yet, not as closed, in Swedish and English', async () => {
    // Act
    const swedish = await firstSave('2026-02-27T09:00:00Z', { opensAt: '2026-03-01T07:00:00.000Z' });
    const english = await firstSave('2026-02-27T09:00:00Z', { opensAt: '2026-03-01T07:00:00.000Z' }, 'en');
    // Assert
    expect(swedish.status).toBe(403);
    expect(swedish.body.error).toEqual({
      code: 'campaign_not_open_yet',
      message: 'Enkäten har inte öppnat för svar ännu.',
    });
    expect(english.body.error.message).toBe('The survey has not opened for answers yet.');
  });

  it('compares times as instants: a deadline written with an offset has passed an hour after it', async () => {
    // Arrange: 11:23+02:00 is 09:23 UTC; as text it would sort after 10:23Z and look open.
    const dates = { opensAt: '2026-03-01T07:00:00.000Z', closesAt: '2026-04-10T11:23:00+02:00' };
    // Act
    const after = await firstSave('2026-04-10T10:23:00.000Z', dates);
    const before = await firstSave('2026-04-10T09:00:00.000Z', dates);
    // Assert
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('campaign_closed');
    expect(before.status).toBe(200);
  });

  it('stores a campaign time sent with an offset as its UTC instant, so it closes when it says', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-04-10T10:23:00.000Z', campaign: true });
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    // Act: the deadline is an hour ago, written in Swedish summer time.
    const patched = await ctx.app.request(
      '/api/admin/campaigns/2026',
      withCookie(admin, jsonRequest('PATCH', { closesAt: '2026-04-10T11:23:00+02:00' })),
    );
    const save = await ctx.app.request(
      RESPONSE,
      withCookie(member, jsonRequest('PUT', { data: { respondent_name: 'Anna' }, version: 0 })),
    );
    // Assert
    expect(patched.status).toBe(200);
    expect((await patched.json()).closesAt).toBe('2026-04-10T09:23:00.000Z');
    expect(save.status).toBe(403);
  });

  it('lets an own deadline through while the campaign is closed, never once it is published', async () => {
    // Arrange: Lund has its own deadline a week after the campaign's, which has passed.
    const now = '2026-05-05T09:00:00.000Z';
    const answer = async (status: 'closed' | 'published') => {
      const ctx = await seededContext({ now, campaign: { status } });
      await new ResponseRepository(ctx.store).adminUpdate(2026, '1281', 'kommun', {
        closesAtOverride: '2026-05-07T21:59:00.000Z',
      });
      const cookie = await signIn(ctx, 'tjansteperson.1281@example.se');
      const { version } = await (await ctx.app.request(RESPONSE, { headers: { cookie } })).json();
      const res = await ctx.app.request(
        RESPONSE,
        withCookie(cookie, jsonRequest('PUT', { data: { respondent_name: 'Anna' }, version })),
      );
      return { status: res.status, body: await res.json() };
    };
    // Act
    const closed = await answer('closed');
    const published = await answer('published');
    // Assert
    expect(closed.status).toBe(200);
    expect(published.status).toBe(403);
    expect(published.body.error.code).toBe('campaign_closed');
  });
});
