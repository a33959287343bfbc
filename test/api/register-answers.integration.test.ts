import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

describe('the organisation’s name in a submitted response comes from the register', () => {
  let ctx: TestContext;
  let official: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx, [LUND]);
    await seedCampaign(ctx);
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
  });

  it('stores the register’s name at submit, whatever the draft held in the read-only question', async () => {
    // Arrange: a caller of the API puts another name in the read-only "organisation" answer
    const draft = { ...completeKommunAnswers(), organisation: 'Malmö stad (inte Lund)' };
    const saved = await ctx.app.request(
      RESPONSE,
      withCookie(official, jsonRequest('PUT', { data: draft, version: 0 })),
    );
    expect(saved.status).toBe(200);
    // Act
    const submitted = await ctx.app.request(
      `${RESPONSE}/submit`,
      withCookie(official, jsonRequest('POST', { version: 1 })),
    );
    // Assert: what the review page and the export read
    expect(submitted.status).toBe(200);
    const stored = await new ResponseRepository(ctx.store).get(2026, LUND.id);
    expect(stored?.status).toBe('submitted');
    expect(stored?.data.organisation).toBe('Lund');
  });
});
