import { describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { injectDynamoFault } from '../helpers/faulty-store';
import { securityWorld } from '../helpers/security-world';

/**
 * Faults are injected below the adapter, in the SDK's middleware stack: the chosen command throws
 * ProvisionedThroughputExceededException, exactly as a throttled DynamoDB would, so the real
 * adapter's translation (to StoreUnavailableError → 503) is what is tested.
 */
const RESPONSE = '/api/campaigns/2026/response';

function put(cookie: string, data: Record<string, unknown>, version: number): RequestInit {
  return {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ data, version }),
  };
}

describe('autosave under a throttled DynamoDB', () => {
  it('answers 503 store_unavailable and keeps the last good version; the retry then saves', async () => {
    const { ctx, cookies } = await securityWorld();
    const cookie = cookies.memberA ?? '';
    // A's draft is version 1 (from the world); the next autosave's write is throttled.
    const fault = injectDynamoFault(ctx.clients, { nth: 1, commands: /UpdateItem/ });
    const res = await ctx.app.request(RESPONSE, put(cookie, { respondent_name: 'Ny text' }, 1));
    fault.remove();
    expect(fault.fired).toBe(true);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'store_unavailable', message: expect.any(String) } });
    const stored = await new ResponseRepository(ctx.store).get(2026, '1281');
    expect(stored?.version).toBe(1);
    expect(stored?.data.respondent_name).not.toBe('Ny text');

    const retry = await ctx.app.request(RESPONSE, put(cookie, { respondent_name: 'Ny text' }, 1));
    expect(retry.status).toBe(200);
    expect((await retry.json()).version).toBe(2);
  });

  it('answers 503 when the session read is throttled, and writes nothing', async () => {
    const { ctx, cookies } = await securityWorld();
    const fault = injectDynamoFault(ctx.clients, { nth: 1, commands: /GetItem/ });
    const res = await ctx.app.request(RESPONSE, put(cookies.memberA ?? '', { respondent_name: 'x' }, 1));
    fault.remove();
    expect(res.status).toBe(503);
    expect((await new ResponseRepository(ctx.store).get(2026, '1281'))?.version).toBe(1);
  });

  it('never answers 500 whichever of its DynamoDB calls is throttled, and never loses an accepted version', async () => {
    for (let nth = 1; nth <= 4; nth++) {
      const { ctx, cookies } = await securityWorld();
      const fault = injectDynamoFault(ctx.clients, { nth });
      const res = await ctx.app.request(RESPONSE, put(cookies.memberA ?? '', { respondent_name: `v${nth}` }, 1));
      fault.remove();
      expect([200, 503], `fault at call ${nth}`).toContain(res.status);
      const stored = await new ResponseRepository(ctx.store).get(2026, '1281');
      if (res.status === 200) expect(stored).toMatchObject({ version: 2, data: { respondent_name: `v${nth}` } });
      else expect(stored?.version).toBe(1);
      if (!fault.fired) break;
    }
  });
});

describe('submit under a throttled DynamoDB: all or nothing', () => {
  it('either submits completely (data, score, status together) or leaves the draft exactly as it was', async () => {
    let faultsTried = 0;
    for (let nth = 1; nth <= 10; nth++) {
      const { ctx, cookies } = await securityWorld();
      const cookie = cookies.memberA ?? '';
      const answers = completeKommunAnswers();
      expect((await ctx.app.request(RESPONSE, put(cookie, answers, 1))).status).toBe(200);
      const repo = new ResponseRepository(ctx.store);
      const draft = await repo.get(2026, '1281');
      const outboxBefore = (await readOutbox(ctx.store)).length;

      const fault = injectDynamoFault(ctx.clients, { nth });
      const res = await ctx.app.request(`${RESPONSE}/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ version: 2 }),
      });
      fault.remove();
      if (!fault.fired) break;
      faultsTried++;
      expect([200, 503], `fault at call ${nth}`).toContain(res.status);
      const after = await repo.get(2026, '1281');
      if (after?.status === 'submitted') {
        // Fully happened: one write carried the data, the score and the submitter together.
        expect(after.version).toBe(3);
        expect(after.score).toBeDefined();
        expect(after.submittedBy?.email).toBe('tjansteperson.1281@example.se');
        // A lost receipt is logged, not a failed submit.
        expect(res.status, `fault at call ${nth}`).toBe(200);
      } else {
        // Not at all: the draft is untouched, no receipt went out, and a retry submits.
        expect(res.status, `fault at call ${nth}`).toBe(503);
        expect(after).toEqual(draft);
        expect((await readOutbox(ctx.store)).length).toBe(outboxBefore);
        const retry = await ctx.app.request(`${RESPONSE}/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ version: 2 }),
        });
        expect(retry.status).toBe(200);
        expect((await repo.get(2026, '1281'))?.status).toBe('submitted');
      }
    }
    expect(faultsTried).toBeGreaterThanOrEqual(4);
  });
});
