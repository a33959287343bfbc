import { beforeEach, describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT_BYTES } from '../../functions/app';
import { signUnsubscribeToken } from '../../functions/features/reminders/unsubscribe-token';
import { UNSUBSCRIBE_TOKEN_MAX_LENGTH } from '../../shared/reminders/reminder-run.schema';
import { seedOrganisations } from '../helpers/seed-fixtures';
import { makeTestContext, TEST_BASE_URL, type TestContext } from '../helpers/test-app';

const PATH = '/api/unsubscribe';

/** What a browser sends: no Accept for JSON, a form or a link. */
function browser(
  init: { method?: string; body?: string; type?: string; language?: string; headers?: Record<string, string> } = {},
): RequestInit {
  const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...init.headers };
  if (init.type) headers['content-type'] = init.type;
  if (init.language) headers['accept-language'] = init.language;
  return { method: init.method ?? 'GET', headers, body: init.body };
}

async function expectSwedishErrorPage(res: Response, status = 400) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  expect(html).toContain('<html lang="sv">');
  expect(html).toContain('<h1>Det gick inte</h1>');
  expect(html).toContain('<p lang="en">In English: ');
  expect(html).not.toContain('"error"');
  return html;
}

describe('unsubscribe in a browser', () => {
  let ctx: TestContext;
  let token: string;

  beforeEach(async () => {
    ctx = await makeTestContext();
    await seedOrganisations(ctx);
    token = signUnsubscribeToken(ctx.config.sessionSecret, { organisationId: '1281', contactId: 'politiker-1281' });
  });

  it('shows the HTML error page, not JSON, for a link with the token twice', async () => {
    const link = `${PATH}?token=${encodeURIComponent(token)}&token=${encodeURIComponent(token)}`;
    const html = await expectSwedishErrorPage(await ctx.app.request(link, browser()));
    expect(html).toContain('Länken för att avsluta påminnelser är ogiltig. Kopiera hela länken från e-posten.');
    const english = await ctx.app.request(link, browser({ language: 'en-GB,en;q=0.9' }));
    expect(english.status).toBe(400);
    const page = await english.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('The link to stop reminders is not valid. Copy the whole link from the email.');
    // A client asking for JSON still gets the API's error format.
    const json = await ctx.app.request(link, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(400);
    expect((await json.json()).error.code).toBe('invalid_input');
  });

  it('shows the HTML error page for a form with two token fields, and unsubscribes nobody', async () => {
    const body = `token=${encodeURIComponent(token)}&token=${encodeURIComponent(token)}`;
    await expectSwedishErrorPage(
      await ctx.app.request(PATH, browser({ method: 'POST', type: 'application/x-www-form-urlencoded', body })),
    );
    const check = await ctx.app.request(`${PATH}?token=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
    });
    expect((await check.json()).emailState).toBe('ok');
  });

  it('caps the token: a longer one gets the error page before any check, by link or by form', async () => {
    expect(token.length).toBeLessThan(UNSUBSCRIBE_TOKEN_MAX_LENGTH);
    const long = `${token}${'A'.repeat(UNSUBSCRIBE_TOKEN_MAX_LENGTH)}`;
    await expectSwedishErrorPage(await ctx.app.request(`${PATH}?token=${long}`, browser()));
    await expectSwedishErrorPage(
      await ctx.app.request(
        PATH,
        browser({ method: 'POST', type: 'application/x-www-form-urlencoded', body: `token=${'B'.repeat(100_000)}` }),
      ),
    );
    // The longest token allowed is still only checked, not refused for its length.
    const json = await ctx.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'x'.repeat(UNSUBSCRIBE_TOKEN_MAX_LENGTH + 1) }),
    });
    expect(json.status).toBe(400);
    expect((await json.json()).error.details[0]).toMatchObject({ path: ['token'] });
  });

  it('shows the HTML error page for a form the browser sends as text/plain (415)', async () => {
    const html = await expectSwedishErrorPage(
      await ctx.app.request(PATH, browser({ method: 'POST', type: 'text/plain', body: `token=${token}` })),
      415,
    );
    expect(html).toContain('In English: ');
  });

  it('shows the HTML error page when the link names nobody any more (404)', async () => {
    const gone = signUnsubscribeToken(ctx.config.sessionSecret, { organisationId: '1281', contactId: 'nobody' });
    await expectSwedishErrorPage(await ctx.app.request(`${PATH}?token=${encodeURIComponent(gone)}`, browser()), 404);
  });

  it('shows the HTML error page when another site posts the form (403 csrf), and unsubscribes nobody', async () => {
    const body = `token=${encodeURIComponent(token)}`;
    const post = (headers: Record<string, string>, language?: string) =>
      ctx.app.request(
        PATH,
        browser({
          method: 'POST',
          type: 'application/x-www-form-urlencoded',
          body,
          headers,
          ...(language ? { language } : {}),
        }),
      );
    const html = await expectSwedishErrorPage(await post({ origin: 'https://evil.example' }), 403);
    expect(html).toContain('Begäran kom från en annan webbplats och avvisades.');
    expect(html).toContain('The request came from another site and was refused.');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    const english = await post({ 'sec-fetch-site': 'cross-site' }, 'en-GB,en;q=0.9');
    expect(english.status).toBe(403);
    expect(english.headers.get('content-type')).toContain('text/html');
    expect(await english.text()).toContain('<html lang="en">');
    // A client asking for JSON keeps the error format.
    const json = await ctx.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ token }),
    });
    expect(json.status).toBe(403);
    expect((await json.json()).error.code).toBe('csrf');
    // The page's own form, from the site itself, still goes through.
    expect((await post({ origin: TEST_BASE_URL })).status).toBe(200);
  });

  it('shows the HTML error page for a body over the limit (413)', async () => {
    const body = `token=${encodeURIComponent(token)}&pad=${'x'.repeat(JSON_BODY_LIMIT_BYTES)}`;
    const html = await expectSwedishErrorPage(
      await ctx.app.request(PATH, browser({ method: 'POST', type: 'application/x-www-form-urlencoded', body })),
      413,
    );
    expect(html).toContain('In English: ');
    const check = await ctx.app.request(`${PATH}?token=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
    });
    expect((await check.json()).emailState).toBe('ok');
    const json = await ctx.app.request(PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, pad: 'x'.repeat(JSON_BODY_LIMIT_BYTES) }),
    });
    expect(json.status).toBe(413);
    expect((await json.json()).error.code).toBe('payload_too_large');
  });

  it('leaves every other route’s csrf and 413 answers in the error format, even to a browser form', async () => {
    const form = (headers: Record<string, string>, body: string) =>
      ctx.app.request(
        '/api/auth/login-link',
        browser({ method: 'POST', type: 'application/x-www-form-urlencoded', body, headers }),
      );
    const csrf = await form({ origin: 'https://evil.example' }, 'email=a%40example.se');
    expect(csrf.status).toBe(403);
    expect(csrf.headers.get('content-type')).toContain('application/json');
    expect((await csrf.json()).error.code).toBe('csrf');
    const large = await form({}, `email=${'x'.repeat(JSON_BODY_LIMIT_BYTES)}`);
    expect(large.status).toBe(413);
    expect((await large.json()).error.code).toBe('payload_too_large');
  });

  it('documents the 403 csrf and 413 of the POST as the page as well as the error format', async () => {
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    const responses = doc.paths[PATH].post.responses;
    for (const status of ['403', '413']) {
      expect([status, Object.keys(responses[status].content)]).toEqual([status, ['text/html', 'application/json']]);
    }
    expect(responses['403'].description).toContain('csrf');
  });
});
