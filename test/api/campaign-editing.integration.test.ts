import { beforeEach, describe, expect, it } from 'vitest';
import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import type { TableStore } from '../../functions/ports/table-store';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { auditEntries, call, signInAdmin } from '../helpers/admin-api';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { seededContext } from '../helpers/seeded-context';
import { makeTestContext, type TestContext } from '../helpers/test-app';

const CAMPAIGN = '/api/admin/campaigns/2026';

type Json = Record<string, unknown>;

/** The bundled kommun survey with one question's title changed: an edit the kansli saves. */
function kommunWithTitle(title: string): Json {
  return withQuestion(DEFAULT_SURVEYS.kommun, 'M1', { title });
}

function regionWithTitle(title: string): Json {
  const survey = structuredClone(DEFAULT_SURVEYS.region) as Json;
  (survey as { title?: unknown }).title = title;
  return survey;
}

/** A copy of `survey` with `changes` merged into the question named `name`. */
function withQuestion(survey: object, name: string, changes: Json): Json {
  const copy = structuredClone(survey) as { pages: Array<{ elements?: Json[] }> };
  const question = copy.pages.flatMap((p) => p.elements ?? []).find((e) => e.name === name);
  if (!question) throw new Error(`no question ${name}`);
  Object.assign(question, changes);
  return copy as unknown as Json;
}

/** The named elements of a survey that are not panels, as the audit counts questions. */
function countQuestions(survey: object): number {
  const count = (elements: unknown): number =>
    (Array.isArray(elements) ? (elements as Json[]) : []).reduce(
      (n, e) => n + (e.type === 'panel' ? count(e.elements) : 1),
      0,
    );
  return (survey as { pages: Json[] }).pages.reduce((n, p) => n + count(p.elements), 0);
}

/** The kommun survey with the scoring error from the bug report: negative points for yes on M3. */
const brokenKommun = () => withQuestion(DEFAULT_SURVEYS.kommun, 'M3', { scoreTrue: -1 });

const questionTitle = (campaign: Campaign, name: string) =>
  (campaign.surveys.kommun.pages as Array<{ elements?: Json[] }>)
    .flatMap((p) => p.elements ?? [])
    .find((e) => e.name === name)?.title;

describe('saving one survey of a campaign (the kansli’s survey editor)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ctx = await seededContext({ now: '2026-03-10T09:00:00Z', campaign: { status: 'draft' } });
    admin = await signInAdmin(ctx);
  });

  const load = async (): Promise<Campaign> => (await call(ctx, admin, 'GET', CAMPAIGN)).body;

  it('replaces only the survey sent: saving the region survey keeps the kommun survey saved before it', async () => {
    // Arrange: the kommun editor saves, then the region editor (loaded after it) saves
    const first = await load();
    const kommun = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: kommunWithTitle('Ändrad i kommunenkäten') },
      expectedUpdatedAt: first.updatedAt,
    });
    expect(kommun.status).toBe(200);
    // Act
    const region = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { region: regionWithTitle('Ändrad i regionenkäten') },
      expectedUpdatedAt: kommun.body.updatedAt,
    });
    // Assert
    expect(region.status).toBe(200);
    const stored = await load();
    expect(questionTitle(stored, 'M1')).toBe('Ändrad i kommunenkäten');
    expect((stored.surveys.region as Json).title).toBe('Ändrad i regionenkäten');
    expect(stored).not.toHaveProperty('expectedUpdatedAt');
  });

  it('refuses a save from an editor that loaded the campaign before another save, with 409 and the stored campaign', async () => {
    // Arrange: the bug's path: the region editor started from the copy loaded before the kommun save
    const stale = await load();
    const kommun = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun: kommunWithTitle('Ändrad i kommunenkäten') },
      expectedUpdatedAt: stale.updatedAt,
    });
    expect(kommun.status).toBe(200);
    // Act
    const region = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { ...stale.surveys, region: regionWithTitle('Ändrad i regionenkäten') },
      expectedUpdatedAt: stale.updatedAt,
    });
    // Assert: nothing saved; the answer carries what is stored, so the editor can offer it
    expect(region.status).toBe(409);
    expect(region.body.error.code).toBe('version_conflict');
    expect(region.body.current.updatedAt).toBe(kommun.body.updatedAt);
    expect(questionTitle(region.body.current, 'M1')).toBe('Ändrad i kommunenkäten');
    const stored = await load();
    expect(questionTitle(stored, 'M1')).toBe('Ändrad i kommunenkäten');
    expect(stored.surveys.region).toEqual(DEFAULT_SURVEYS.region);
  });

  it('tells two saves in the same millisecond apart, so the second of two colleagues is refused', async () => {
    // Arrange: the test clock stands still, as two quick saves on one instance can
    const loaded = await load();
    const a = await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'A', expectedUpdatedAt: loaded.updatedAt });
    const b = await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'B', expectedUpdatedAt: a.body.updatedAt });
    expect(b.status).toBe(200);
    expect(b.body.updatedAt > a.body.updatedAt).toBe(true);
    // Act: a colleague who loaded after A's save saves now
    const late = await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'C', expectedUpdatedAt: a.body.updatedAt });
    // Assert
    expect(late.status).toBe(409);
    expect((await load()).title).toBe('B');
  });

  it('still takes a save without expectedUpdatedAt, as clients that never sent one do', async () => {
    await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'Först' });
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'Sedan' });
    expect(res.status).toBe(200);
    expect((await load()).title).toBe('Sedan');
  });

  it('audits a survey save with the questions added, removed and changed and the size before and after', async () => {
    // Arrange: M1 retitled, the first page's last question removed, a new question in its place
    const loaded = await load();
    const kommun = withQuestion(DEFAULT_SURVEYS.kommun, 'M1', { title: 'Ny rubrik' }) as {
      pages: Array<{ name: string; elements: Json[] }>;
    };
    const [firstPage] = kommun.pages;
    if (!firstPage) throw new Error('no page');
    const removed = String(firstPage.elements.at(-1)?.name);
    expect(removed).not.toBe('M1');
    firstPage.elements = firstPage.elements.slice(0, -1);
    firstPage.elements.push({ type: 'comment', name: 'M_NY', title: 'Ny fråga' });
    const size = { pages: kommun.pages.length, questions: countQuestions(DEFAULT_SURVEYS.kommun) };
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, {
      surveys: { kommun, region: DEFAULT_SURVEYS.region },
      expectedUpdatedAt: loaded.updatedAt,
    });
    // Assert: the region survey, sent unchanged, is not mentioned; no survey copy is stored
    expect(res.status).toBe(200);
    const [entry] = await auditEntries(ctx, { year: 2026 });
    expect(entry).toMatchObject({ action: 'campaign.update.survey' });
    expect(entry?.before).toEqual({ 'surveys.kommun': size });
    expect(entry?.after).toEqual({
      'surveys.kommun': size,
      'surveys.kommun.added': ['M_NY'],
      'surveys.kommun.removed': [removed],
      'surveys.kommun.changed': ['M1'],
      'surveys.kommun.pagesChanged': [firstPage.name],
    });
    expect(JSON.stringify(entry).length).toBeLessThan(1000);
  });

  it('audits a list longer than 50 names as its first 50 and the count of the rest, as a number', async () => {
    // Arrange: 53 new questions on the first page
    const kommun = structuredClone(DEFAULT_SURVEYS.kommun) as { pages: Array<{ name: string; elements: Json[] }> };
    const added = Array.from({ length: 53 }, (_, i) => `M_NY${i + 1}`);
    kommun.pages[0]?.elements.push(...added.map((name) => ({ type: 'comment', name, title: name })));
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, { surveys: { kommun } });
    // Assert
    expect(res.status).toBe(200);
    const [entry] = await auditEntries(ctx, { year: 2026 });
    const after = entry?.after as Record<string, unknown>;
    expect(after['surveys.kommun.added']).toEqual(added.slice(0, 50));
    expect(after['surveys.kommun.added.more']).toBe(3);
  });

  it('audits a change outside the questions (the survey’s title) as settingsChanged', async () => {
    await call(ctx, admin, 'PATCH', CAMPAIGN, { surveys: { region: regionWithTitle('Ny') } });
    const [entry] = await auditEntries(ctx, { year: 2026 });
    expect(entry?.after).toEqual({
      'surveys.region': expect.objectContaining({ pages: expect.any(Number) }),
      'surveys.region.settingsChanged': true,
    });
  });

  it('refuses a survey whose scoring does not compile with 422 invalid_scoring, naming the survey and the problem', async () => {
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, { surveys: { kommun: brokenKommun() } });
    // Assert
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_scoring');
    expect(res.body.error.message).toMatch(
      /enkäten för kommuner är felaktig: frågan M3, egenskapen scoreTrue: poängen måste/,
    );
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ survey: 'kommun', question: 'M3', property: 'scoreTrue', value: -1 }),
    ]);
    const stored = await load();
    expect(stored.surveys.kommun).toEqual(DEFAULT_SURVEYS.kommun);
  });

  it('refuses to create a campaign with a survey whose scoring does not compile, and stores nothing', async () => {
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns', {
      year: 2027,
      title: 'Medlemstest 2027',
      opensAt: '2027-03-01T07:00:00.000Z',
      closesAt: '2027-04-30T21:59:00.000Z',
      surveys: { kommun: brokenKommun(), region: DEFAULT_SURVEYS.region },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_scoring');
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2027')).status).toBe(404);
  });

  it('refuses to open a campaign whose stored survey does not compile, and leaves it a draft without the open lock', async () => {
    // Arrange: a draft stored before surveys were checked
    await seedCampaign(ctx, {
      year: 2027,
      title: 'Medlemstest 2027',
      status: 'draft',
      surveys: { kommun: DEFAULT_SURVEYS.kommun, region: brokenRegion() as Campaign['surveys']['region'] },
    });
    // Act
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2027/open');
    // Assert
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_scoring');
    expect(res.body.error.message).toMatch(/enkäten för regioner/);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ survey: 'region', message: expect.any(String) }),
    ]);
    expect((await call(ctx, admin, 'GET', '/api/admin/campaigns/2027')).body.status).toBe('draft');
    expect(await new CampaignRepository(ctx.store).openYear()).toBeUndefined();
  });

  it('opens a campaign whose surveys compile', async () => {
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/open');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('open');
  });

  it('answers closing a campaign that is not open with its own code, not the reminders’ campaign_not_open', async () => {
    const res = await call(ctx, admin, 'POST', '/api/admin/campaigns/2026/close');
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({
      code: 'campaign_not_open_to_close',
      message: 'Kampanjen kan inte stängas eftersom den inte är öppen.',
      details: { status: 'draft' },
    });
  });
});

/** The region survey with a visibility condition the scoring cannot evaluate. */
function brokenRegion(): Json {
  const survey = structuredClone(DEFAULT_SURVEYS.region) as { pages: Array<{ elements?: Json[] }> };
  const first = survey.pages.flatMap((p) => p.elements ?? []).find((e) => typeof e.name === 'string');
  if (!first) throw new Error('the region survey has no question');
  first.visibleIf = 'iif({x} = 1, true, false)';
  return survey as unknown as Json;
}

describe('a save racing another between the read and the write', () => {
  it('answers 409 version_conflict with what the other save stored, not a 422', async () => {
    // Arrange: once armed, a colleague's save lands just before this instance writes the campaign
    let colleague: (() => Promise<void>) | undefined;
    const wrap = (inner: TableStore): TableStore =>
      new Proxy(inner, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target);
          if (prop !== 'put') return typeof value === 'function' ? value.bind(target) : value;
          const put: TableStore['put'] = async (item, condition) => {
            const before = colleague;
            if (before && item.pk.startsWith('CAMPAIGN#')) {
              colleague = undefined;
              await before();
            }
            return target.put(item, condition);
          };
          return put;
        },
      });
    const ctx = await makeTestContext({ now: '2026-03-10T09:00:00Z', wrapStore: wrap });
    await seedOrganisations(ctx);
    const seeded = await seedCampaign(ctx, { status: 'draft' });
    const admin = await signInAdmin(ctx);
    const repo = new CampaignRepository(ctx.store);
    colleague = () =>
      repo.replace({ ...seeded, title: 'Kollegans titel', updatedAt: '2026-03-10T08:59:00.000Z' }, seeded.updatedAt);
    // Act
    const res = await call(ctx, admin, 'PATCH', CAMPAIGN, { title: 'Min titel', expectedUpdatedAt: seeded.updatedAt });
    // Assert
    expect(colleague).toBeUndefined();
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('version_conflict');
    expect(res.body.current).toMatchObject({ title: 'Kollegans titel', updatedAt: '2026-03-10T08:59:00.000Z' });
    expect((await repo.get(2026))?.title).toBe('Kollegans titel');
  });
});
