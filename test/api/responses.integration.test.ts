import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { sampleAnswers } from '../../shared/scoring/sample-answers';
import { signInAdmin } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

async function put(ctx: TestContext, cookie: string, data: Record<string, unknown>, version: number) {
  return ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data, version })));
}

async function submit(ctx: TestContext, cookie: string, version: number) {
  return ctx.app.request(`${RESPONSE}/submit`, withCookie(cookie, jsonRequest('POST', { version })));
}

describe('shared organisation drafts', () => {
  let ctx: TestContext;
  let official: string;
  let politician: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
    politician = await signIn(ctx, 'politiker.1281@example.se');
  });

  it('starts as not_started with version 0', async () => {
    const res = await ctx.app.request(RESPONSE, { headers: { cookie: official } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: {}, version: 0, status: 'not_started' });
  });

  it('saves a draft that the other contact of the organisation then reads', async () => {
    // Arrange
    const data = { respondent_name: 'Erik', B1: true };
    // Act
    const saved = await put(ctx, official, data, 0);
    const read = await ctx.app.request(RESPONSE, { headers: { cookie: politician } });
    // Assert
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 1, updatedBy: { email: 'tjansteperson.1281@example.se' } });
    expect(await read.json()).toMatchObject({
      data,
      version: 1,
      status: 'draft',
      updatedBy: { name: 'Tjänsteperson Lund' },
    });
  });

  it('answers 409 with the stored version when the other contact saved first, and never overwrites', async () => {
    // Arrange: both start from version 1
    await put(ctx, official, { B1: true }, 0);
    expect((await put(ctx, politician, { B1: true, B2: false }, 1)).status).toBe(200);
    // Act: the official saves on the stale version
    const stale = await put(ctx, official, { B1: false }, 1);
    // Assert
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('version_conflict');
    expect(body.current).toMatchObject({
      data: { B1: true, B2: false },
      version: 2,
      updatedBy: { name: 'Politiker Lund' },
    });
    const stored = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
    expect(stored.data).toEqual({ B1: true, B2: false });
  });

  it('lets the member resolve a conflict by saving against the version the 409 carried', async () => {
    await put(ctx, official, { B1: true }, 0);
    await put(ctx, politician, { B1: true, B2: false }, 1);
    const conflict = await (await put(ctx, official, { B1: false }, 1)).json();
    const merged = { ...conflict.current.data, B3: true };
    const res = await put(ctx, official, merged, conflict.current.version);
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe(3);
  });

  it('keeps other organisations out: a contact of Malmö reads and writes only Malmö', async () => {
    await put(ctx, official, { B1: true }, 0);
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    const read = await (await ctx.app.request(RESPONSE, { headers: { cookie: malmo } })).json();
    expect(read).toMatchObject({ data: {}, version: 0 });
    expect((await put(ctx, malmo, { B1: false }, 1)).status).toBe(409);
    const lund = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
    expect(lund.data).toEqual({ B1: true });
  });

  it('ignores an organisation id smuggled into the URL or body', async () => {
    const res = await ctx.app.request(`${RESPONSE}?organisationId=1280`, {
      ...jsonRequest('PUT', { data: { B1: true }, version: 0, organisationId: '1280' }),
      headers: { 'content-type': 'application/json', cookie: official },
    });
    expect(res.status).toBe(200);
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    expect((await (await ctx.app.request(RESPONSE, { headers: { cookie: malmo } })).json()).version).toBe(0);
  });

  it('refuses an admin, who has no organisation, with 403', async () => {
    const admin = await signIn(ctx, 'kansli@example.se');
    expect((await ctx.app.request(RESPONSE, { headers: { cookie: admin } })).status).toBe(403);
  });

  it('refuses an anonymous caller with 401', async () => {
    expect((await ctx.app.request(RESPONSE)).status).toBe(401);
  });

  it('shows the member their campaign with the survey for their organisation type', async () => {
    const region = await signIn(ctx, 'politiker.12@example.se');
    const kommun = await (await ctx.app.request('/api/campaigns/current', { headers: { cookie: official } })).json();
    const skane = await (await ctx.app.request('/api/campaigns/current', { headers: { cookie: region } })).json();
    expect(kommun).toMatchObject({ year: 2026, status: 'open', closesAtForOrganisation: '2026-04-30T21:59:00.000Z' });
    expect(kommun.survey.pages.map((p: { name: string }) => p.name)).toContain('transporter');
    expect(JSON.stringify(skane.survey.title)).toMatch(/region/i);
  });

  it('lists the organisation and its contacts', async () => {
    const res = await (await ctx.app.request('/api/my/organisation', { headers: { cookie: official } })).json();
    expect(res.organisation).toMatchObject({ id: '1281', name: 'Lund', type: 'kommun' });
    expect(res.contacts.map((c: { role: string }) => c.role).sort()).toEqual(['official', 'politician']);
  });
});

describe('draft and submit validation', () => {
  let ctx: TestContext;
  let official: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: true });
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
  });

  it.each([
    ['a value of the wrong type', { B1: 'yes please' }, 'B1'],
    ['a choice that is not among the choices', { M1: 'klimatneutral_1990' }, 'M1'],
  ])('rejects a draft with %s with 422 invalid_response', async (_case, data, question) => {
    const res = await put(ctx, official, data, 0);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_response');
    expect(body.error.details.map((d: { question: string }) => d.question)).toContain(question);
    expect((await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json()).version).toBe(0);
  });

  it('refuses a number DynamoDB cannot store with 422 on that question, and the next good save goes through', async () => {
    // Act: M2 (a year) far beyond 2^53 - 1; the write itself would fail, as would every later save
    const res = await put(ctx, official, { M1: 'klimatneutral_2030', M2: 1e21 }, 0);
    // Assert
    expect(res.status, await res.clone().text()).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_response');
    expect(body.error.details).toEqual([expect.objectContaining({ question: 'M2', code: 'number_not_storable' })]);
    expect(body.error.details[0].messageEn).toMatch(/too large or too small/);
    expect((await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json()).version).toBe(0);
    expect((await put(ctx, official, { M1: 'klimatneutral_2030', M2: 2035 }, 0)).status).toBe(200);
  });

  it.each([2 ** 53, -1e21, 9.9e125, 1e-200])(
    'refuses %s on a number question with 422 number_not_storable',
    async (n) => {
      const res = await put(ctx, official, { M2: n }, 0);
      expect(res.status, await res.clone().text()).toBe(422);
      expect((await res.json()).error.details).toEqual([
        expect.objectContaining({ question: 'M2', code: 'number_not_storable' }),
      ]);
    },
  );

  it('stores the largest safe integer', async () => {
    expect((await put(ctx, official, { M2: Number.MAX_SAFE_INTEGER }, 0)).status).toBe(200);
  });

  it('refuses a text with a control character (a paste) with 422 on that question, in Swedish and English', async () => {
    // Act
    const res = await put(ctx, official, { M1: 'klimatneutral_2030', respondent_name: 'Eva\u0000Ek' }, 0);
    // Assert
    expect(res.status, await res.clone().text()).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_response');
    expect(body.error.details).toEqual([
      {
        question: 'respondent_name',
        code: 'control_character',
        message: expect.stringMatching(/styrtecken/),
        messageEn: expect.stringMatching(/control character/),
      },
    ]);
    expect((await put(ctx, official, { M1: 'klimatneutral_2030', respondent_name: 'Eva Ek' }, 0)).status).toBe(200);
  });

  it('accepts a partial draft', async () => {
    expect((await put(ctx, official, { M1: 'klimatneutral_2030' }, 0)).status).toBe(200);
  });

  it('saves a draft with a key that is not a question, and stores it without that key', async () => {
    // Act
    const res = await put(ctx, official, { not_a_question: 'x', M1: 'klimatneutral_2030' }, 0);
    // Assert
    expect(res.status).toBe(200);
    const view = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
    expect(view.data).toEqual({ M1: 'klimatneutral_2030' });
  });

  describe('after the kansli removes a question the draft has answered', () => {
    /** The kansli takes M8 and M1_comment out of the open campaign's kommun survey. */
    async function removeQuestions(...names: string[]) {
      const admin = await signInAdmin(ctx);
      const campaign = await (
        await ctx.app.request('/api/admin/campaigns/2026', { headers: { cookie: admin } })
      ).json();
      const kommun = structuredClone(campaign.surveys.kommun);
      for (const page of kommun.pages) {
        page.elements = page.elements.filter((element: { name: string }) => !names.includes(element.name));
      }
      const patched = await ctx.app.request(
        '/api/admin/campaigns/2026',
        // The campaign is open, so the removal must be confirmed (survey-question-removal tests that).
        withCookie(
          admin,
          jsonRequest('PATCH', {
            surveys: { ...campaign.surveys, kommun },
            confirmRemovedQuestions: { kommun: names },
          }),
        ),
      );
      expect(patched.status, await patched.clone().text()).toBe(200);
    }

    it('keeps saving: the removed answers are dropped, the new edit is stored', async () => {
      // Arrange
      const draft = { M1: 'klimatneutral_2030', M8: 'https://lund.se/klimat', M1_comment: 'Se bilaga' };
      expect((await put(ctx, official, draft, 0)).status).toBe(200);
      await removeQuestions('M8', 'M1_comment');
      // Act: the open page still holds the removed answers and sends them with the next edit
      const res = await put(ctx, official, { ...draft, M3: true }, 1);
      // Assert
      expect(res.status, await res.clone().text()).toBe(200);
      const view = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
      expect(view.version).toBe(2);
      expect(view.data).toEqual({ M1: 'klimatneutral_2030', M3: true });
    });

    it('submits a draft stored before the change without the removed answers', async () => {
      // Arrange
      const data = { ...completeKommunAnswers(), M8: 'https://lund.se/klimat', M1_comment: 'Se bilaga' };
      expect((await put(ctx, official, data, 0)).status).toBe(200);
      await removeQuestions('M8', 'M1_comment');
      // Act
      const res = await submit(ctx, official, 1);
      // Assert
      expect(res.status, await res.clone().text()).toBe(200);
      const view = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
      expect(view.status).toBe('submitted');
      expect(view.data).not.toHaveProperty('M8');
      expect(view.data).not.toHaveProperty('M1_comment');
    });
  });

  it('refuses to submit with required questions missing, in Swedish, and stays a draft', async () => {
    await put(ctx, official, { B1: true }, 0);
    const res = await submit(ctx, official, 1);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_response');
    expect(body.error.details.length).toBeGreaterThan(5);
    expect(body.error.details[0].message).toMatch(/[åäö]|svar|krävs|obligatorisk/i);
    expect((await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json()).status).toBe('draft');
  });

  it('answers a submit with nothing saved with the required questions still to answer, as for a partial draft', async () => {
    // Act: no draft stored, version 0 (what the page holds before the first save)
    const empty = await submit(ctx, official, 0);
    // Assert: the same 422 as a partial draft's, listing every required question (in both languages)
    expect(empty.status).toBe(422);
    const body = await empty.json();
    expect(body.error.code).toBe('invalid_response');
    const details = body.error.details as Array<{ question: string; code: string; message: string; messageEn: string }>;
    expect(details.length).toBeGreaterThan(5);
    expect(details.every((d) => d.code === 'survey_required' && d.message && d.messageEn)).toBe(true);
    await put(ctx, official, { respondent_name: 'Erik' }, 0);
    const partial = (await (await submit(ctx, official, 1)).json()).error.details as Array<{ question: string }>;
    expect(details.map((d) => d.question)).toEqual(['respondent_name', ...partial.map((d) => d.question)]);
  });

  it('answers nothing_to_submit, in Swedish or English, when nothing is saved and the survey requires nothing', async () => {
    // Arrange: the kansli makes every question optional
    const admin = await signInAdmin(ctx);
    const campaign = await (await ctx.app.request('/api/admin/campaigns/2026', { headers: { cookie: admin } })).json();
    const optional = JSON.parse(
      JSON.stringify(campaign.surveys.kommun).replaceAll('"isRequired":true', '"isRequired":false'),
    );
    const patched = await ctx.app.request(
      '/api/admin/campaigns/2026',
      withCookie(admin, jsonRequest('PATCH', { surveys: { ...campaign.surveys, kommun: optional } })),
    );
    expect(patched.status, await patched.clone().text()).toBe(200);
    // Act
    const swedish = await submit(ctx, official, 0);
    const english = await ctx.app.request(
      `${RESPONSE}/submit`,
      withCookie(official, jsonRequest('POST', { version: 0 }, { 'accept-language': 'en' })),
    );
    // Assert
    expect(swedish.status).toBe(422);
    expect((await swedish.json()).error).toEqual({
      code: 'nothing_to_submit',
      message: 'Det finns inga sparade svar att skicka in. Svara på minst en fråga först.',
    });
    expect((await english.json()).error.message).toBe(
      'There are no saved answers to submit. Answer at least one question first.',
    );
    expect((await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json()).status).toBe(
      'not_started',
    );
  });

  it('submits a complete answer, scores it, makes it read-only and emails every contact a receipt', async () => {
    // Arrange
    const data = completeKommunAnswers();
    expect((await put(ctx, official, data, 0)).status).toBe(200);
    const seen = new Set((await readOutbox(ctx.store)).map((m) => m.id));
    // Act
    const res = await submit(ctx, official, 1);
    // Assert
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'submitted' });
    const view = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
    expect(view.status).toBe('submitted');
    const receipts = (await readOutbox(ctx.store)).filter((m) => !seen.has(m.id) && m.kind === 'receipt');
    expect(receipts.flatMap((m) => m.to).sort()).toEqual([
      'politiker.1281@example.se',
      'tjansteperson.1281@example.se',
    ]);
    expect(receipts[0]?.text).toMatch(/Lund har skickat in Medlemstest 2026/);
    expect((await put(ctx, official, data, 2)).status).toBe(409);
    const again = await submit(ctx, official, 2);
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_submitted');
  });

  it('drops a tampered answer to a hidden follow-up question when submitting', async () => {
    // Arrange: M4 = nej hides M4b, but the payload answers it anyway
    const data = { ...completeKommunAnswers(), M4: 'nej', M4b: true };
    await put(ctx, official, data, 0);
    // Act
    expect((await submit(ctx, official, 1)).status).toBe(200);
    // Assert
    const view = await (await ctx.app.request(RESPONSE, { headers: { cookie: official } })).json();
    expect(view.data.M4).toBe('nej');
    expect(view.data).not.toHaveProperty('M4b');
  });

  it('refuses to submit a version other than the stored one', async () => {
    await put(ctx, official, completeKommunAnswers(), 0);
    const res = await submit(ctx, official, 7);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('version_conflict');
  });

  it('accepts the seeded demo answers as drafts', async () => {
    const [sample] = sampleAnswers(DEFAULT_SURVEYS.kommun, 1, 42);
    expect((await put(ctx, official, sample ?? {}, 0)).status).toBe(200);
  });
});

describe('deadlines', () => {
  let ctx: TestContext;
  let official: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-04-30T21:00:00Z', campaign: true });
    official = await signIn(ctx, 'tjansteperson.1281@example.se');
  });

  it('accepts a save one hour before closesAt and refuses it after with 403 campaign_closed', async () => {
    expect((await put(ctx, official, { B1: true }, 0)).status).toBe(200);
    ctx.clock.set('2026-04-30T22:00:00Z');
    const late = await put(ctx, official, { B1: false }, 1);
    expect(late.status).toBe(403);
    expect((await late.json()).error.code).toBe('campaign_closed');
  });

  it('refuses a submit after closesAt', async () => {
    await put(ctx, official, completeKommunAnswers(), 0);
    ctx.clock.set('2026-05-01T08:00:00Z');
    const res = await submit(ctx, official, 1);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('campaign_closed');
  });

  it('lets an admin reopen a submitted response with a later deadline for that organisation only', async () => {
    // Arrange: Lund submits; the campaign deadline passes
    await put(ctx, official, completeKommunAnswers(), 0);
    expect((await submit(ctx, official, 1)).status).toBe(200);
    ctx.clock.set('2026-05-02T08:00:00Z');
    const admin = await signIn(ctx, 'kansli@example.se');
    // Act
    const reopen = await ctx.app.request('/api/admin/campaigns/2026/responses/1281/reopen', {
      ...jsonRequest('POST', { closesAt: '2026-05-09T21:59:00Z', reason: 'Fel i transportsvaren' }),
      headers: { 'content-type': 'application/json', cookie: admin },
    });
    // Assert
    expect(reopen.status).toBe(200);
    const lund = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await put(ctx, lund, { ...completeKommunAnswers(), T5: false }, 2)).status).toBe(200);
    const current = await (await ctx.app.request('/api/campaigns/current', { headers: { cookie: lund } })).json();
    expect(current.closesAtForOrganisation).toBe('2026-05-09T21:59:00.000Z');
    const malmo = await signIn(ctx, 'tjansteperson.1280@example.se');
    expect((await put(ctx, malmo, { B1: true }, 0)).status).toBe(403);
  });

  it('requires a reason to reopen', async () => {
    const admin = await signIn(ctx, 'kansli@example.se');
    const res = await ctx.app.request('/api/admin/campaigns/2026/responses/1281/reopen', {
      ...jsonRequest('POST', { closesAt: '2026-05-09T21:59:00Z' }),
      headers: { 'content-type': 'application/json', cookie: admin },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify((await res.json()).error.details)).toMatch(/reason/);
  });

  it('refuses a member reopening their own response', async () => {
    const res = await ctx.app.request('/api/admin/campaigns/2026/responses/1281/reopen', {
      ...jsonRequest('POST', { reason: 'Vi vill ändra' }),
      headers: { 'content-type': 'application/json', cookie: official },
    });
    expect(res.status).toBe(403);
  });
});
