import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { auditEntries, call, signInAdmin } from '../helpers/admin-api';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { submitScoredResponse } from '../helpers/seeded-context';
import { edited, withChanges } from '../helpers/survey-edits';
import { countCommands, jsonRequest, makeTestContext, signIn, type TestContext, withCookie } from '../helpers/test-app';

const CAMPAIGN = '/api/admin/campaigns/2026';
const RESPONSE = '/api/campaigns/2026/response';
const M3_TITLE = 'Har kommunen ett beslutat konsumtionsbaserat utsläppsmål?';

type Json = Record<string, unknown>;

const without = (survey: object, ...names: string[]) =>
  edited(survey, (elements) => elements.filter((e) => !names.includes(String(e.name))));

const questionNames = (survey: object): string[] => {
  const names: string[] = [];
  edited(survey, (elements) => {
    for (const e of elements) if (e.type !== 'panel' && typeof e.name === 'string') names.push(e.name);
    return elements;
  });
  return names;
};

/** An admin and the 2026 campaign in `status` (open by default) with Lund's official signed in. */
async function world(status: Campaign['status'] = 'open') {
  const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z' });
  await seedOrganisations(ctx);
  const seeded = await seedCampaign(ctx, { status });
  return { ctx, seeded, admin: await signInAdmin(ctx) };
}

async function autosave(ctx: TestContext, cookie: string, data: Json, version: number) {
  const res = await ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data, version })));
  return { status: res.status, body: (await res.json()) as Json };
}

async function storedDraft(ctx: TestContext, cookie: string): Promise<Json> {
  const res = await ctx.app.request(RESPONSE, { headers: { cookie } });
  return ((await res.json()) as { data: Json }).data;
}

describe('editing the survey of an open campaign: removing questions must be confirmed', () => {
  it('refuses a save that removes M3 while members answer, listing it with its title, and the draft keeps its answer', async () => {
    // Arrange: the reviewer's path: a contact has answered M3 in a draft
    const { ctx, seeded, admin } = await world();
    const official = await signIn(ctx, 'tjansteperson.1281@example.se');
    expect((await autosave(ctx, official, { M3: true, M4: 'ja' }, 0)).status).toBe(200);
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
    });
    // Assert: 409 with the removal listed; nothing stored, so the next autosave keeps M3
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('questions_removed');
    expect(res.body.error.message).toMatch(
      /tar bort frågor som medlemmarna kan ha svarat på: M3 i enkäten för kommuner/,
    );
    expect(res.body.error.details).toEqual([{ survey: 'kommun', questions: [{ name: 'M3', title: M3_TITLE }] }]);
    expect((await call(ctx, admin, 'GET', CAMPAIGN)).body.surveys.kommun).toEqual(DEFAULT_SURVEYS.kommun);
    expect((await autosave(ctx, official, { M3: true, M4: 'nej' }, 1)).status).toBe(200);
    expect(await storedDraft(ctx, official)).toEqual({ M3: true, M4: 'nej' });
    expect(await auditEntries(ctx, { year: 2026 })).toEqual([]);
  });

  it('saves when the request confirms exactly the questions removed, and audits the removal', async () => {
    // Arrange: a whole block cut, as a slip in the JSON editor does
    const { ctx, seeded, admin } = await world();
    const block = ['M3', 'M3_url', 'M3_comment'];
    // Act: confirmed in another order than the survey's
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, ...block) },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M3_comment', 'M3', 'M3_url'] },
    });
    // Assert: stored without the block; the confirmation itself is not stored
    expect(res.status).toBe(200);
    expect(questionNames(res.body.surveys.kommun)).not.toContain('M3');
    expect(res.body).not.toHaveProperty('confirmRemovedQuestions');
    const [entry] = await auditEntries(ctx, { year: 2026 });
    expect(entry?.after).toMatchObject({ 'surveys.kommun.removed': block });
  });

  it.each([
    ['names another question', { kommun: ['M4'] }],
    ['names only some of the removed questions', { kommun: ['M3'] }],
    ['names more than were removed', { kommun: ['M3', 'M3_url', 'M3_comment', 'M4'] }],
    ['is given for the other survey type', { region: ['M3', 'M3_url', 'M3_comment'] }],
  ])('refuses a confirmation that %s, with the removal as it is', async (_case, confirmRemovedQuestions) => {
    const { ctx, seeded, admin } = await world();
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3', 'M3_url', 'M3_comment') },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('questions_removed');
    expect(res.body.error.details).toEqual([
      {
        survey: 'kommun',
        questions: [
          { name: 'M3', title: M3_TITLE },
          { name: 'M3_url', title: expect.any(String) },
          { name: 'M3_comment', title: expect.any(String) },
        ],
      },
    ]);
    expect((await call(ctx, admin, 'GET', CAMPAIGN)).body.surveys.kommun).toEqual(DEFAULT_SURVEYS.kommun);
  });

  it('counts a renamed question and one hidden for good as removed: autosave drops their answers too', async () => {
    const { ctx, seeded, admin } = await world();
    let kommun = withChanges(DEFAULT_SURVEYS.kommun, 'M3', { name: 'M3_ny' });
    kommun = withChanges(kommun, 'M4', { visible: false });
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun },
      expectedUpdatedAt: seeded.updatedAt,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([
      {
        survey: 'kommun',
        questions: [
          { name: 'M3', title: M3_TITLE },
          { name: 'M4', title: 'Har kommunen en koldioxidbudget?' },
        ],
      },
    ]);
  });

  it('lists the removals of both surveys sent together, and one confirmed survey does not cover the other', async () => {
    // Arrange: a question removed from each survey; a confirmation names them per survey
    const { ctx, seeded, admin } = await world();
    const regionQuestion = questionNames(DEFAULT_SURVEYS.region)[3]!;
    const surveys = {
      kommun: without(DEFAULT_SURVEYS.kommun, 'M3'),
      region: without(DEFAULT_SURVEYS.region, regionQuestion),
    };
    // Act
    const partly = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys,
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M3'] },
    });
    const fully = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys,
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M3'], region: [regionQuestion] },
    });
    // Assert
    expect(partly.status).toBe(409);
    expect(partly.body.error.details).toEqual([
      { survey: 'kommun', questions: [{ name: 'M3', title: M3_TITLE }] },
      { survey: 'region', questions: [{ name: regionQuestion, title: expect.any(String) }] },
    ]);
    expect(partly.body.error.message).toMatch(/M3 i enkäten för kommuner; .+ i enkäten för regioner/);
    expect(fully.status).toBe(200);
  });

  it('needs no confirmation to add or change questions, and sends no extra request for it', async () => {
    // Arrange
    const { ctx, seeded, admin } = await world();
    const kommun = edited(withChanges(DEFAULT_SURVEYS.kommun, 'M3', { title: 'Ny rubrik' }), (elements) =>
      elements.some((e) => e.name === 'M4b') ? [...elements, { type: 'comment', name: 'M_NY', title: 'Ny' }] : elements,
    );
    const commands = countCommands(ctx.clients);
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, { surveys: { kommun }, expectedUpdatedAt: seeded.updatedAt });
    // Assert: no Query of the campaign's responses
    expect(res.status).toBe(200);
    expect(questionNames(res.body.surveys.kommun)).toContain('M_NY');
    // One Query: the count of submitted scores the change makes stale (campaign.service.ts,
    // staleScores); the removal guard itself sends none for an added question.
    expect(commands.calls.filter((c) => c.startsWith('Query'))).toEqual(['QueryCommand']);
    expect(res.body.staleScores).toBe(0);
  });

  it('puts a removed question back without confirmation, though the answers autosave dropped meanwhile stay gone', async () => {
    // Arrange: removal confirmed; the contact's next autosave no longer keeps M3
    const { ctx, seeded, admin } = await world();
    const official = await signIn(ctx, 'tjansteperson.1281@example.se');
    await autosave(ctx, official, { M3: true }, 0);
    const removed = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M3'] },
    });
    expect(removed.status).toBe(200);
    expect((await autosave(ctx, official, { M3: true, M4: 'ja' }, 1)).status).toBe(200);
    // Act
    const back = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: DEFAULT_SURVEYS.kommun },
      expectedUpdatedAt: removed.body.updatedAt,
    });
    // Assert: what the dialog warns about
    expect(back.status).toBe(200);
    expect(await storedDraft(ctx, official)).toEqual({ M4: 'ja' });
  });

  it('answers the English text to a client that prefers English, with the same details', async () => {
    const { ctx, seeded, admin } = await world();
    const res = await ctx.app.request(
      CAMPAIGN,
      withCookie(
        admin,
        jsonRequest(
          'PATCH',
          { surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') }, expectedUpdatedAt: seeded.updatedAt },
          { 'accept-language': 'en' },
        ),
      ),
    );
    const body = (await res.json()) as { error: { code: string; message: string; details: unknown } };
    expect(res.status).toBe(409);
    expect(body.error.message).toMatch(/^The change removes questions that members may have answered/);
    expect(body.error.details).toEqual([{ survey: 'kommun', questions: [{ name: 'M3', title: M3_TITLE }] }]);
  });

  it('refuses a confirmation that is not a list of names per survey type with 400', async () => {
    const { ctx, seeded, admin } = await world();
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: ['M3'],
    });
    expect(res.status).toBe(400);
  });
});

describe('removing questions outside an open campaign', () => {
  it.each(['draft', 'closed'] as const)(
    'needs no confirmation in a %s campaign without responses, at the cost of one Query for the guard',
    async (status) => {
      const { ctx, seeded, admin } = await world(status);
      const commands = countCommands(ctx.clients);
      const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
        surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
        expectedUpdatedAt: seeded.updatedAt,
      });
      expect(res.status).toBe(200);
      expect(questionNames(res.body.surveys.kommun)).not.toContain('M3');
      // The removal guard's one Query (any responses?), and outside a draft the stale-score count's.
      expect(commands.calls.filter((c) => c.startsWith('Query'))).toHaveLength(status === 'draft' ? 1 : 2);
    },
  );

  it('needs one in a closed campaign with stored responses: reopened organisations save against the survey', async () => {
    // Arrange
    const { ctx, seeded, admin } = await world('closed');
    await submitScoredResponse(ctx, 2026, '1281', { M3: true });
    // Act
    const refused = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
    });
    const confirmed = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M3'] },
    });
    // Assert
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual([{ survey: 'kommun', questions: [{ name: 'M3', title: M3_TITLE }] }]);
    expect(confirmed.status).toBe(200);
  });

  it('ignores a confirmation where none is needed (a draft campaign), whatever it names', async () => {
    const { ctx, seeded, admin } = await world('draft');
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: without(DEFAULT_SURVEYS.kommun, 'M3') },
      expectedUpdatedAt: seeded.updatedAt,
      confirmRemovedQuestions: { kommun: ['M4'] },
    });
    expect(res.status).toBe(200);
  });
});
