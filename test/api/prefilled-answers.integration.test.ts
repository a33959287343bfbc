import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import {
  fourKommunerWorld,
  REPORT_YEAR,
  sheetRows,
  storeEmissions,
  TERRITORIAL_SECTORS,
  territorial2022,
  UPPSALA,
} from '../helpers/published-year-world';
import { LUND, MALMO, seedCampaign } from '../helpers/seed-fixtures';
import { submitScoredResponse } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { signIn, type TestContext, withCookie } from '../helpers/test-app';

const M0 = 'M0_emissions_per_inhabitant';
/** What a caller of the API stores in the read-only M0, instead of what the page would fill in. */
const BOGUS = 999;
const EXPORT = `/api/admin/campaigns/${REPORT_YEAR}/export`;

/** 2025 in every territorial sector: 240 000 t for 120 000 inhabitants, 2 t each. */
const territorial2025 = () =>
  TERRITORIAL_SECTORS.map((sector) => ({ year: 2025, sector, tonnesCO2e: 30_000, population: 120_000 }));

/** The kommun survey's M0 cell of one organisation in the CSV export ('' when empty). */
async function csvM0(ctx: TestContext, admin: string, code: string): Promise<string> {
  const res = await ctx.app.request(`${EXPORT}.csv`, withCookie(admin));
  expect(res.status).toBe(200);
  const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
  // Both surveys have an M0; the kommun survey's columns come first.
  const column = lines[0]!.split(';').findIndex((header) => header.startsWith(`${M0} – `));
  return lines.find((line) => line.startsWith(`${code};`))!.split(';')[column]!;
}

/** The kommun survey's M0 cell of one organisation on the xlsx export's "Svar" sheet. */
async function xlsxM0(ctx: TestContext, admin: string, code: string): Promise<unknown> {
  const res = await ctx.app.request(`${EXPORT}.xlsx`, withCookie(admin));
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const rows = sheetRows(workbook.getWorksheet('Svar')!);
  const column = rows.find((row) => row[0] === 'Kod')!.findIndex((cell) => String(cell).startsWith(`${M0} – `));
  return rows.find((row) => row[0] === code)![column] ?? null;
}

describe('the kansli sees M0 from the imported emissions, not from what the draft held', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await fourKommunerWorld());
    // Arrange: Lund and Uppsala have imported emissions (2 t per inhabitant in 2025), Malmö none;
    // each of them stores another number in M0 through the API
    await storeEmissions(ctx, LUND.id, [...territorial2022(), ...territorial2025()]);
    await storeEmissions(ctx, UPPSALA.id, territorial2025());
    const bogus = { ...completeKommunAnswers(), [M0]: BOGUS };
    await submitAnswers(ctx, 'tjansteperson.1281@example.se', bogus);
    await submitAnswers(ctx, 'tjansteperson.1280@example.se', bogus);
    const uppsala = await signIn(ctx, 'tjansteperson.0380@example.se');
    const draft = await call(ctx, uppsala, 'PUT', `/api/campaigns/${REPORT_YEAR}/response`, {
      data: { [M0]: BOGUS },
      version: 0,
    });
    expect(draft.status).toBe(200);
  });

  it('shows the imported figure on the review page, and nothing where there is none', async () => {
    // Act
    const lund = await call(ctx, admin, 'GET', `/api/admin/campaigns/${REPORT_YEAR}/responses/${LUND.id}`);
    const malmo = await call(ctx, admin, 'GET', `/api/admin/campaigns/${REPORT_YEAR}/responses/${MALMO.id}`);
    const uppsala = await call(ctx, admin, 'GET', `/api/admin/campaigns/${REPORT_YEAR}/responses/${UPPSALA.id}`);
    // Assert
    expect(lund.status).toBe(200);
    expect(lund.body.response.status).toBe('submitted');
    expect(lund.body.response.data[M0]).toBe(2);
    expect(lund.body.response.data.M1).toBe(completeKommunAnswers().M1);
    expect(malmo.status).toBe(200);
    expect(malmo.body.response.data).not.toHaveProperty(M0);
    expect(uppsala.body.response.data[M0]).toBe(2);
    // Read-time only: what was stored, and the member's own page, are as they were.
    expect((await new ResponseRepository(ctx.store).get(REPORT_YEAR, LUND.id))?.data[M0]).toBe(BOGUS);
  });

  it('shows the latest earlier response’s M0 as the prefill gives it for that year', async () => {
    // Arrange: Lund's 2024 submission held another number too; 2024's latest figure is 2022's
    await seedCampaign(ctx, {
      year: 2024,
      title: 'Medlemstest 2024',
      opensAt: '2024-03-01T07:00:00.000Z',
      closesAt: '2024-04-30T21:59:00.000Z',
      status: 'closed',
    });
    await submitScoredResponse(ctx, 2024, LUND.id, { ...completeKommunAnswers(), [M0]: 555 });
    // Act
    const review = await call(ctx, admin, 'GET', `/api/admin/campaigns/${REPORT_YEAR}/responses/${LUND.id}`);
    // Assert
    expect(review.status).toBe(200);
    expect(review.body.previous.year).toBe(2024);
    expect(review.body.previous.data[M0]).toBe(2.4);
    expect(review.body.response.data[M0]).toBe(2);
  });

  it('writes the imported figure in the CSV and xlsx exports, for submissions and drafts, and nothing where there is none', async () => {
    // Act
    const cells = {
      lund: await csvM0(ctx, admin, LUND.id),
      malmo: await csvM0(ctx, admin, MALMO.id),
      uppsala: await csvM0(ctx, admin, UPPSALA.id),
      lundXlsx: await xlsxM0(ctx, admin, LUND.id),
      malmoXlsx: await xlsxM0(ctx, admin, MALMO.id),
    };
    // Assert
    expect(cells).toEqual({ lund: '2', malmo: '', uppsala: '2', lundXlsx: 2, malmoXlsx: null });
  });

  it('writes the imported figure in the export of a published year, whose Utfall is frozen', async () => {
    // Arrange: publishing freezes Lund's and Malmö's Utfall, so the export reads no emissions for them
    // for that; a third respondent lets Klimatläget be published with figures
    await submitScoredResponse(ctx, REPORT_YEAR, '0780', completeKommunAnswers());
    const published = await call(ctx, admin, 'POST', `/api/admin/campaigns/${REPORT_YEAR}/publish`, {});
    expect(published.status).toBe(201);
    // Act
    const lund = await csvM0(ctx, admin, LUND.id);
    const malmo = await csvM0(ctx, admin, MALMO.id);
    // Assert
    expect({ lund, malmo }).toEqual({ lund: '2', malmo: '' });
  });
});
