import type { Context as LambdaContext } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../functions/app';
import { OutboxMail, readOutbox } from '../../functions/mail/outbox-mail';
import type { Mail } from '../../functions/ports/mail';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { injectDynamoFault } from '../helpers/faulty-store';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { apiGatewayEvent, jsonRequest, makeTestContext, type TestContext, tokenFromText } from '../helpers/test-app';

const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const NAMES = ['Tjänsteperson Lund', 'Politiker Lund'];

/** The app as an entry point builds it, with every log line captured (and console watched too). */
function loggedApp(ctx: TestContext, mail?: Mail) {
  const lines: Array<Record<string, unknown>> = [];
  const app = createApp({
    store: ctx.store,
    mail: mail ?? new OutboxMail(ctx.store, ctx.clock),
    clock: ctx.clock,
    config: ctx.config,
    log: (entry) => lines.push(JSON.parse(JSON.stringify(entry))),
  });
  return { app, lines };
}

function consoleLines() {
  const captured: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map(String).join(' '));
    });
  }
  return captured;
}

function withCookie(init: RequestInit, cookie: string): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), cookie } };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('structured logs carry no personal data', () => {
  it('sign-in, autosave, conflicts, faults and submit log no email address or name', async () => {
    const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
    await seedOrganisations(ctx);
    await seedCampaign(ctx);
    const outbox = new OutboxMail(ctx.store, ctx.clock);
    // Every other receipt fails, so the "receipt not sent" path logs too.
    let sends = 0;
    const flakyMail: Mail = {
      send: async (message) => {
        if (message.kind === 'receipt' && sends++ % 2 === 0) throw new Error(`SES refused ${message.to[0]}`);
        return outbox.send(message);
      },
    };
    const { app, lines } = loggedApp(ctx, flakyMail);
    const printed = consoleLines();

    const email = 'tjansteperson.1281@example.se';
    await app.request('/api/auth/login-link', jsonRequest('POST', { email }));
    await app.request('/api/auth/login-link', jsonRequest('POST', { email: 'okand.person@example.se' }));
    const token = tokenFromText((await readOutbox(ctx.store)).at(-1)?.text ?? '') ?? '';
    const session = await app.request('/api/auth/session', jsonRequest('POST', { token }));
    const cookie = session.headers.get('set-cookie')?.split(';')[0] ?? '';
    await app.request('/api/auth/session', jsonRequest('POST', { token })); // reused: token_used
    const url = '/api/campaigns/2026/response';
    const answers = completeKommunAnswers();
    expect((await app.request(url, withCookie(jsonRequest('PUT', { data: answers, version: 0 }), cookie))).status).toBe(
      200,
    );
    await app.request(url, withCookie(jsonRequest('PUT', { data: answers, version: 0 }), cookie)); // 409
    // 422: an answer that does not fit its question (unknown keys are dropped, not refused).
    const refused = await app.request(url, withCookie(jsonRequest('PUT', { data: { B1: email }, version: 1 }), cookie));
    expect(refused.status).toBe(422);
    const throttle = injectDynamoFault(ctx.clients, { nth: 2 });
    expect((await app.request(url, withCookie(jsonRequest('PUT', { data: answers, version: 1 }), cookie))).status).toBe(
      503,
    );
    throttle.remove();
    const crash = injectDynamoFault(ctx.clients, { nth: 2, error: () => new TypeError(`bad ${email}`) });
    expect((await app.request(url, withCookie(jsonRequest('PUT', { data: answers, version: 1 }), cookie))).status).toBe(
      500,
    );
    crash.remove();
    const submitted = await app.request(`${url}/submit`, withCookie(jsonRequest('POST', { version: 1 }), cookie));
    expect(submitted.status).toBe(200);

    // The flow did log: the 503, the 500 and the lost receipt.
    const messages = lines.map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['request failed', 'unhandled error', 'receipt not sent']));
    for (const line of [...lines.map((l) => JSON.stringify(l)), ...printed]) {
      expect(line).not.toMatch(EMAIL_PATTERN);
      for (const name of NAMES) expect(line).not.toContain(name);
    }
    for (const line of lines.filter((l) => l.level === 'warn' || l.level === 'error')) {
      if (line.msg !== 'receipt not sent') expect(line.requestId).toEqual(expect.any(String));
    }
  });

  it('logs JSON with the Lambda request id when the app runs in the API Lambda', async () => {
    const ctx = await makeTestContext();
    const { app, lines } = loggedApp(ctx);
    const handler = handle(app);
    const fault = injectDynamoFault(ctx.clients, { nth: 1, error: () => new TypeError('boom') });
    const event = apiGatewayEvent('POST', '/api/auth/login-link', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tjansteperson.1281@example.se' }),
    });
    const res = (await handler(event as never, { awsRequestId: 'lambda-req-42' } as LambdaContext)) as {
      statusCode: number;
    };
    fault.remove();
    expect(res.statusCode).toBe(500);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'unhandled error', requestId: 'lambda-req-42' }),
    );
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(EMAIL_PATTERN);
  });
});
