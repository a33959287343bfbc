import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { auditEntries, call, signInAdmin } from '../helpers/admin-api';
import { seededContext } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const CAMPAIGN = '/api/admin/campaigns/2026';

type Json = Record<string, unknown>;
type Page = { name: string; elements: Json[] };

/** The bundled kommun survey with question M3 (page "mal") copied, as it is, onto the page "energi". */
function kommunWithM3Twice(): Json {
  const survey = structuredClone(DEFAULT_SURVEYS.kommun) as unknown as { pages: Page[] };
  const m3 = survey.pages.find((p) => p.name === 'mal')!.elements.find((e) => e.name === 'M3')!;
  survey.pages.find((p) => p.name === 'energi')!.elements.push(structuredClone(m3));
  return survey as unknown as Json;
}

describe('a survey that uses one question name on two pages (the API, as the editor)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: { status: 'draft' } });
    admin = await signInAdmin(ctx);
  });

  const load = async (): Promise<Campaign> => (await call(ctx, admin, 'GET', CAMPAIGN)).body;

  /** PATCH through app.request(), in the language asked for. */
  const patch = async (body: unknown, acceptLanguage?: string) => {
    const res = await ctx.app.request(CAMPAIGN, {
      method: 'PATCH',
      headers: {
        cookie: admin,
        'content-type': 'application/json',
        ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('refuses the save with 422 duplicate_name naming the name and both pages, and writes nothing', async () => {
    // Arrange
    const before = await load();
    const auditBefore = (await auditEntries(ctx, { year: 2026 })).length;
    // Act
    const res = await patch({ surveys: { kommun: kommunWithM3Twice() }, expectedUpdatedAt: before.updatedAt });
    // Assert: the API's error format, in Swedish, with where the name is as details
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('duplicate_name');
    expect(res.body.error.message).toContain('I enkäten för kommuner används ett namn två gånger');
    expect(res.body.error.message).toContain('frågenamnet "M3" finns både på sidan "mal" och på sidan "energi"');
    expect(res.body.error.message).toContain('Inget sparades.');
    expect(res.body.error.details).toEqual([
      expect.objectContaining({
        survey: 'kommun',
        kind: 'element',
        name: 'M3',
        first: expect.objectContaining({ page: 'mal' }),
        again: expect.objectContaining({ page: 'energi' }),
      }),
    ]);
    // Nothing written: the same version and survey, no audit entry.
    const after = await load();
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.surveys.kommun).toEqual(DEFAULT_SURVEYS.kommun);
    expect((await auditEntries(ctx, { year: 2026 })).length).toBe(auditBefore);
  });

  it('says it in English to a client that asks for English', async () => {
    const res = await patch({ surveys: { kommun: kommunWithM3Twice() } }, 'en-GB,en;q=0.9');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('duplicate_name');
    expect(res.body.error.message).toBe(
      'In the survey for municipalities a name is used twice: the question name "M3" is on both the page "mal" ' +
        'and the page "energi". Each question and each page needs a name of its own. Nothing was saved.',
    );
  });

  it('refuses a new campaign whose survey uses a name twice, and stores no campaign', async () => {
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-03-01T07:00:00.000Z',
      closesAt: '2027-04-30T21:59:00.000Z',
      surveys: { kommun: kommunWithM3Twice(), region: DEFAULT_SURVEYS.region },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('duplicate_name');
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2027')).status).toBe(404);
  });

  it('still saves a survey whose page shares its name with a question', async () => {
    const survey = structuredClone(DEFAULT_SURVEYS.kommun) as unknown as { pages: Page[] };
    survey.pages.find((p) => p.name === 'mal')!.name = 'M3';
    const res = await patch({ surveys: { kommun: survey } });
    expect(res.status).toBe(200);
  });
});
