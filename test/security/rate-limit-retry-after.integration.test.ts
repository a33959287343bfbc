import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../functions/errors/domain-errors';
import { httpHeadersOf } from '../../functions/errors/http-error-map';
import { seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext } from '../helpers/test-app';

const EMAIL = 'tjansteperson.1281@example.se';

describe('a refused sign-in link says when to try again', () => {
  it('answers 429 rate_limited with Retry-After: the seconds until the hour’s counter lets a link through', async () => {
    // Arrange: one link per address an hour, at 09:40:00.250 UTC
    const ctx = await makeTestContext({
      now: '2026-03-10T09:40:00.250Z',
      config: { loginLinksPerEmailPerHour: 1, loginLinksPerIpPerHour: 1000 },
    });
    await seedOrganisations(ctx);
    const ask = () => ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: EMAIL }));
    expect((await ask()).status).toBe(202);
    // Act
    const refused = await ask();
    // Assert: 19 min 59.75 s left of the hour, rounded up to whole seconds
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect(refused.headers.get('retry-after')).toBe('1200');
    // And the limit does let the next one through once that time has passed.
    ctx.clock.advance(1200 * 1000);
    expect((await ask()).status).toBe(202);
  });

  it('counts down as the hour runs out, never below one second', async () => {
    const ctx = await makeTestContext({
      now: '2026-03-10T09:59:59.900Z',
      config: { loginLinksPerEmailPerHour: 1000, loginLinksPerIpPerHour: 1 },
    });
    await seedOrganisations(ctx);
    const ask = () => ctx.app.request('/api/auth/login-link', jsonRequest('POST', { email: EMAIL }));
    expect((await ask()).status).toBe(202);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('is set by the error map from the time the domain error carries, not by the domain', () => {
    expect(httpHeadersOf(new RateLimitedError('x', 42))).toEqual({ 'Retry-After': '42' });
    expect(httpHeadersOf(new RateLimitedError('x', 0.2))).toEqual({ 'Retry-After': '1' });
  });
});
