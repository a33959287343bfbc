import { beforeEach, describe, expect, it } from 'vitest';
import { MAIN_SECTORS } from '../../shared/emissions-import/sectors';
import { LUND, MALMO } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

/**
 * GET /api/admin/imports/{id}/rollback-preview: what a rollback would do and warn about, before
 * the kansli confirms it. It must answer what the rollback then answers, and write nothing.
 */

const YEAR = 2026;
/** One sector of a year Lund has no figures for yet. */
const lundCsv = (tonnes: number) =>
  `Kommunkod;Kommun;År;Sektor;Utsläpp (ton CO2e);Invånare\r\n1281;Lund;2023;Transporter;${tonnes};129000\r\n`;

/** The eight sectors inside the territorial total, by their Swedish names as exports write them. */
const TERRITORIAL = MAIN_SECTORS.filter((sector) => sector.id !== 'utrikes-transporter').map((s) => s.nameSv);
/** Lund's rows: for each year, the sectors given (1 000 t each). */
const lundYears = (years: Record<number, readonly string[]>) =>
  'Kommunkod;Kommun;År;Sektor;Utsläpp (ton CO2e);Invånare\r\n' +
  Object.entries(years)
    .flatMap(([year, sectors]) => sectors.map((sector) => `1281;Lund;${year};${sector};1000;129000\r\n`))
    .join('');

let ctx: TestContext;
let admin: string;

async function post(path: string) {
  return ctx.app.request(path, withCookie(admin, jsonRequest('POST', {})));
}

async function upload(csv: string): Promise<{ id: string }> {
  const body = new FormData();
  body.append('file', new File([new TextEncoder().encode(csv)], 'lund-2023.csv'));
  const res = await ctx.app.request('/api/admin/imports', { method: 'POST', body, headers: { cookie: admin } });
  expect(res.status).toBe(201);
  return res.json();
}

async function committed(csv: string): Promise<string> {
  const { id } = await upload(csv);
  expect((await post(`/api/admin/imports/${id}/commit`)).status).toBe(200);
  return id;
}

const preview = (id: string) => ctx.app.request(`/api/admin/imports/${id}/rollback-preview`, withCookie(admin));

async function lund2023() {
  const res = await ctx.app.request(`/api/admin/organisations/${LUND.id}/emissions`, withCookie(admin));
  return ((await res.json()) as Array<{ year: number; tonnesCO2e: number; importId: string }>).filter(
    (v) => v.year === 2023,
  );
}

beforeEach(async () => {
  ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations: [LUND, MALMO], campaign: true }));
  await submitAnswers(ctx, 'tjansteperson.1281@example.se');
});

describe('the rollback preview', () => {
  it('answers, before the rollback and writing nothing, what the rollback then does and its warnings', async () => {
    // Arrange: an import the published year rests on
    const id = await committed(lundCsv(400_000));
    ctx.clock.advance(60_000);
    expect((await post(`/api/admin/campaigns/${YEAR}/publish`)).status).toBe(201);
    const counter = countCommands(ctx.clients);
    // Act
    const res = await preview(id);
    const writes = counter.writes();
    const stored = await lund2023();
    const rollback = await post(`/api/admin/imports/${id}/rollback`);
    // Assert
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      id,
      state: 'committed',
      fileName: 'lund-2023.csv',
      alreadyRolledBack: false,
      result: { restored: 0, deleted: 1 },
      organisations: 1,
      years: [2023, 2023],
    });
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: 'published_year_rollback',
        message: expect.stringContaining(`Klimatläget ${YEAR}`),
        messageEn: expect.stringContaining(`Klimatläget ${YEAR}`),
      }),
    ]);
    // Nothing written: the value and the import's state are as they were.
    expect(writes).toBe(0);
    expect(stored).toEqual([expect.objectContaining({ tonnesCO2e: 400_000, importId: id })]);
    expect(rollback.status).toBe(200);
    const done = await rollback.json();
    expect(done.warnings).toEqual(body.warnings);
    expect(done.result).toEqual(body.result);
    // Once rolled back, the preview says so and warns about nothing, as a repeated rollback answers.
    expect(await (await preview(id)).json()).toMatchObject({
      state: 'rolled_back',
      alreadyRolledBack: true,
      result: { restored: 0, deleted: 1 },
      warnings: [],
    });
  });

  it('gives no warning for an import saved after the publish, and says what it restores', async () => {
    // Arrange
    const earlier = await committed(lundCsv(400_000));
    ctx.clock.advance(60_000);
    await post(`/api/admin/campaigns/${YEAR}/publish`);
    ctx.clock.advance(60_000);
    const later = await committed(lundCsv(410_000));
    // Act
    const res = await preview(later);
    // Assert
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      result: { restored: 1, deleted: 0 },
      organisations: 1,
      years: [2023, 2023],
      warnings: [],
    });
    expect((await post(`/api/admin/imports/${later}/rollback`)).status).toBe(200);
    expect(await lund2023()).toEqual([expect.objectContaining({ tonnesCO2e: 400_000, importId: earlier })]);
  });

  it('refuses as the rollback would: superseded (422 naming the values), not committed (409), unknown (404)', async () => {
    // Arrange
    const earlier = await committed(lundCsv(400_000));
    const later = await committed(lundCsv(410_000));
    const previewed = await upload(lundCsv(420_000));
    // Act
    const superseded = await preview(earlier);
    const rollback = await post(`/api/admin/imports/${earlier}/rollback`);
    const notCommitted = await preview(previewed.id);
    const unknown = await preview('00000000-0000-4000-8000-000000000000');
    // Assert
    expect(superseded.status).toBe(422);
    const refusal = await superseded.json();
    expect(refusal.error).toMatchObject({
      code: 'import_superseded',
      details: { count: 1, values: [{ organisationId: LUND.id, year: 2023, sector: 'transporter', importId: later }] },
    });
    expect(rollback.status).toBe(422);
    expect((await rollback.json()).error).toEqual(refusal.error);
    expect(notCommitted.status).toBe(409);
    expect((await notCommitted.json()).error.code).toBe('import_not_committed');
    expect(unknown.status).toBe(404);
  });

  it('warns, in the preview and the rollback’s answer alike, when the rollback leaves a year with only some sectors', async () => {
    // Arrange: the first import has 2022 whole and 2023 transport alone; the second completes 2023
    await committed(lundYears({ 2022: TERRITORIAL, 2023: ['Transporter'] }));
    const completing = await committed(lundYears({ 2023: TERRITORIAL.slice(1) }));
    const counter = countCommands(ctx.clients);
    // Act
    const res = await preview(completing);
    const previewReads = counter.reads();
    counter.reset();
    const rollback = await post(`/api/admin/imports/${completing}/rollback`);
    const rollbackReads = counter.reads();
    // Assert: 2023 is left with transport alone, as the first import's preview warned
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ result: { restored: 0, deleted: 7 }, organisations: 1, years: [2023, 2023] });
    expect(body.warnings).toEqual([
      {
        row: null,
        column: null,
        code: 'partial_year',
        message: expect.stringContaining('Lund (1281) får år med bara några av de sektorer'),
        messageEn: expect.stringContaining('Lund (1281) gets years with only some of the sectors'),
      },
    ]);
    expect(body.warnings[0].message).toContain('2023: 1 av 8 (Transporter). 2023 blir organisationens senaste år');
    expect(body.warnings[0].messageEn).toContain('2023: 1 of 8 (Transport). 2023 becomes its latest year');
    expect(rollback.status).toBe(200);
    const done = await rollback.json();
    expect(done).toMatchObject({ state: 'rolled_back', result: body.result });
    expect(done.warnings).toEqual(body.warnings);
    // Reads: the session, the import, its plan (one query), Lund's values (one query), the published
    // years (one query) and, as there is a warning, the organisation's name (one BatchGetItem); no
    // Scan. The rollback reads the same before it writes.
    expect(counter.calls).not.toContainEqual(expect.stringMatching(/Scan/));
    expect(previewReads).toBe(6);
    expect(rollbackReads).toBe(6);
  });

  it('warns about the year that becomes the latest when the rollback removes the latest year', async () => {
    // Arrange: 2022 has transport alone; the import rolled back brought a whole 2023
    await committed(lundYears({ 2021: TERRITORIAL, 2022: ['Transporter'] }));
    const next = await committed(lundYears({ 2023: TERRITORIAL }));
    // Act
    const res = await preview(next);
    // Assert
    expect(res.status).toBe(200);
    const { warnings } = await res.json();
    expect(warnings).toEqual([expect.objectContaining({ code: 'partial_year' })]);
    expect(warnings[0].message).toContain('2022: 1 av 8 (Transporter). 2022 blir organisationens senaste år');
  });

  it('gives no partial-year warning when the rollback leaves whole years, and reads no name then', async () => {
    // Arrange: whole years, and an import of a whole new year and changed values of an older one
    await committed(lundYears({ 2021: TERRITORIAL, 2022: TERRITORIAL }));
    const next = await committed(
      lundYears({ 2023: TERRITORIAL }).replace(/\r\n$/, '\r\n1281;Lund;2022;Transporter;2000;129000\r\n'),
    );
    const counter = countCommands(ctx.clients);
    // Act
    const res = await preview(next);
    const reads = counter.reads();
    const rollback = await post(`/api/admin/imports/${next}/rollback`);
    // Assert
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ result: { restored: 1, deleted: 8 }, years: [2022, 2023], warnings: [] });
    // The session, the import, its plan, Lund's values and the published years: no name is read.
    expect(reads).toBe(5);
    expect(counter.calls).not.toContain('BatchGetItemCommand');
    expect(rollback.status).toBe(200);
    expect((await rollback.json()).warnings).toEqual([]);
  });

  it('is the kansli’s only', async () => {
    // Arrange
    const id = await committed(lundCsv(400_000));
    const member = await signIn(ctx, 'politiker.1281@example.se');
    // Act
    const anonymous = await ctx.app.request(`/api/admin/imports/${id}/rollback-preview`);
    const asMember = await ctx.app.request(`/api/admin/imports/${id}/rollback-preview`, withCookie(member));
    // Assert
    expect(anonymous.status).toBe(401);
    expect(asMember.status).toBe(403);
  });
});
