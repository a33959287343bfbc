import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { call } from '../helpers/admin-api';
import { seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

/**
 * The console's errors in English say what the Swedish says: which organisation, contact, address or
 * year, and what to do, not the code's general line ("Not found.", "It already exists."). One test
 * per kind of error, each with the Swedish beside one English answer to show it is the same message.
 *
 * The register: Lund (1281), Malmö (1280), Region Skåne (12), each with a politician and an official
 * (politiker.<code>@example.se); Göteborg (1480) is not in it. The 2026 campaign is open.
 */
let ctx: TestContext;
let admin: string;

beforeEach(async () => {
  ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
});

/** The error of a call with Accept-Language: en (or none, so Swedish, when `language` is null). */
async function errorOf(method: string, path: string, body?: unknown, language: string | null = 'en') {
  const headers: Record<string, string> = { cookie: admin };
  if (language) headers['accept-language'] = language;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await ctx.app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: json.error.code, message: json.error.message };
}

describe('an organisation or contact that is not in the register, in English', () => {
  it('names the organisation number, as the Swedish does', async () => {
    expect(await errorOf('GET', '/api/admin/organisations/1480', undefined, null)).toEqual({
      status: 404,
      code: 'not_found',
      message: 'Organisationen 1480 finns inte.',
    });
    const expected = { status: 404, code: 'not_found', message: 'Organisation 1480 does not exist.' };
    expect(await errorOf('GET', '/api/admin/organisations/1480')).toEqual(expected);
    expect(await errorOf('PATCH', '/api/admin/organisations/1480', { population: 1000 })).toEqual(expected);
    expect(
      await errorOf('POST', '/api/admin/organisations/1480/contacts', {
        name: 'Anna Andersson',
        email: 'anna@goteborg.se',
        role: 'politician',
      }),
    ).toEqual(expected);
    expect(await errorOf('POST', '/api/admin/campaigns/2026/responses/1480/remind')).toEqual(expected);
  });

  it('says the contact does not exist, for a change and a removal', async () => {
    expect(await errorOf('PATCH', '/api/admin/contacts/ingen-sadan', { name: 'X' }, null)).toMatchObject({
      status: 404,
      message: 'Kontakten finns inte.',
    });
    const expected = { status: 404, code: 'not_found', message: 'The contact does not exist.' };
    expect(await errorOf('PATCH', '/api/admin/contacts/ingen-sadan', { name: 'X' })).toEqual(expected);
    expect(await errorOf('DELETE', '/api/admin/contacts/ingen-sadan')).toEqual(expected);
  });

  it('says why a move to an unknown organisation and a membership ending before it begins are refused', async () => {
    expect(await errorOf('PATCH', '/api/admin/contacts/politiker-1281', { organisationId: '1480' })).toMatchObject({
      message: 'Organisation 1480 does not exist.',
    });
    // Against the stored start (a request with both dates is refused by its schema, with details).
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1281', { memberSince: '2020-01-01' });
    expect(await errorOf('PATCH', '/api/admin/organisations/1281', { memberUntil: '2019-12-31' })).toEqual({
      status: 400,
      code: 'invalid_input',
      message: 'The membership cannot end before it begins.',
    });
  });
});

describe('"Påminn nu" refused, in English', () => {
  it('names the organisation and the year', async () => {
    const responses = new ResponseRepository(ctx.store);
    await responses.adminUpdate(2026, '1281', 'kommun', { status: 'submitted', submittedAt: '2026-03-09T09:00:00Z' });
    await responses.adminUpdate(2026, '12', 'region', { excused: true });
    const remind = (code: string, language: string | null = 'en') =>
      errorOf('POST', `/api/admin/campaigns/2026/responses/${code}/remind`, undefined, language);

    expect(await remind('1281', null)).toMatchObject({
      message: 'Lund har redan skickat in svaren för 2026. Ingen påminnelse skickades.',
    });
    expect(await remind('1281')).toEqual({
      status: 422,
      code: 'organisation_submitted',
      message: 'Lund has already submitted its answers for 2026. No reminder was sent.',
    });
    expect(await remind('12')).toEqual({
      status: 422,
      code: 'organisation_excused',
      message: 'Region Skåne is excused from the 2026 survey. No reminder was sent.',
    });
  });

  it('names a former member and the day its membership ended', async () => {
    await call(ctx, admin, 'PATCH', '/api/admin/organisations/1280', { memberUntil: '2026-03-05' });
    expect(await errorOf('POST', '/api/admin/campaigns/2026/responses/1280/remind')).toEqual({
      status: 422,
      code: 'organisation_not_member',
      message: 'Malmö is no longer a member: the membership ended on 2026-03-05. No reminder was sent.',
    });
  });
});

describe('an address that is taken, or an admin that is not one, in English', () => {
  it('names the address and who holds it', async () => {
    expect(
      await errorOf('POST', '/api/admin/admins', { email: 'politiker.1281@example.se', name: 'Politiker Lund' }),
    ).toEqual({
      status: 409,
      code: 'email_is_contact',
      message:
        'politiker.1281@example.se is a contact of organisation 1281 and cannot also be an administrator. Remove the contact or give it another address first.',
    });
    expect(
      await errorOf('POST', '/api/admin/organisations/1280/contacts', {
        name: 'Kansliet',
        email: 'kansli@example.se',
        role: 'official',
      }),
    ).toEqual({
      status: 409,
      code: 'email_is_admin',
      message:
        'The address kansli@example.se belongs to an administrator and cannot be used for a member contact. Use another address.',
    });
    const taken = await errorOf('PATCH', '/api/admin/contacts/politiker-1280', { email: 'politiker.1281@example.se' });
    expect(taken).toMatchObject({ status: 409, code: 'already_exists' });
    expect(taken.message).toMatch(/^The address .*is already used by a contact of .*1281/);
  });

  it('names the address that is not an administrator, or is one through the configuration', async () => {
    expect(await errorOf('DELETE', '/api/admin/admins/nobody%40example.se')).toEqual({
      status: 404,
      code: 'not_found',
      message: 'nobody@example.se is not an administrator.',
    });
    expect(await errorOf('DELETE', '/api/admin/admins/kansli%40example.se')).toEqual({
      status: 422,
      code: 'admin_from_config',
      message:
        'kansli@example.se is an administrator through the configuration (ADMIN_EMAILS) and is removed there, not here.',
    });
  });
});

describe('a year with no report, in English', () => {
  it('names the year', async () => {
    expect(await errorOf('GET', '/api/klimatlaget/2026')).toEqual({
      status: 404,
      code: 'not_published',
      message: 'Klimatläget 2026 is not published yet.',
    });
    expect(await errorOf('GET', '/api/klimatlaget/2023')).toEqual({
      status: 404,
      code: 'no_survey',
      message: 'There is no Klimatläget for 2023: no member survey was run that year.',
    });
  });
});

describe('a campaign that cannot be opened or changed, in English', () => {
  it('names the campaign already open, and says what a published one allows', async () => {
    await seedCampaign(ctx, {
      year: 2027,
      title: 'Medlemstest 2027',
      status: 'draft',
      opensAt: '2027-03-01T07:00:00.000Z',
      closesAt: '2027-04-30T21:59:00.000Z',
    });
    await seedCampaign(ctx, {
      year: 2025,
      title: 'Medlemstest 2025',
      status: 'published',
      opensAt: '2025-03-01T07:00:00.000Z',
      closesAt: '2025-04-30T21:59:00.000Z',
    });
    expect(await errorOf('POST', '/api/admin/campaigns/2027/open')).toEqual({
      status: 422,
      code: 'another_campaign_open',
      message: 'The 2026 campaign is already open. Close it first.',
    });
    expect(await errorOf('PATCH', '/api/admin/campaigns/2025', { title: 'Nytt namn' })).toEqual({
      status: 422,
      code: 'campaign_published',
      message:
        'A published campaign cannot be changed: the survey, the dates and the answers are locked. An error in the points is corrected with an adjustment on the review page and published as a new version.',
    });
  });
});

describe('a contacts import that cannot be saved, in English', () => {
  it('says what to do, and how many errors the file has', async () => {
    expect(
      await errorOf('POST', '/api/admin/contacts/import/00000000-0000-4000-8000-000000000000/commit', { replace: [] }),
    ).toEqual({
      status: 404,
      code: 'not_found',
      message: 'The import does not exist. Upload the file again.',
    });
    const preview = await call(ctx, admin, 'POST', '/api/admin/contacts/import', {
      csv: 'kod;namn;e-post;roll\n1281;Anna Andersson;inte-en-adress;politiker',
    });
    expect(preview.status).toBe(201);
    expect(await errorOf('POST', `/api/admin/contacts/import/${preview.body.id}/commit`, { replace: [] })).toEqual({
      status: 422,
      code: 'import_has_errors',
      message: 'The file has 1 error. Correct them and upload the file again.',
    });
  });
});

describe('an unsubscribe link that is not valid, asked for as JSON in English', () => {
  it('says what is wrong with the link and what to do, as the page does', async () => {
    const res = await ctx.app.request('/api/unsubscribe?token=x', {
      headers: { accept: 'application/json', 'accept-language': 'en' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({
      code: 'invalid_input',
      message: 'The link to stop reminders is not valid. Copy the whole link from the email.',
    });
  });
});
