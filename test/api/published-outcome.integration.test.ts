import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { keys } from '../../functions/store/table-design';
import { fourKommunerWorld, storeEmissions, territorial2022, UPPSALA, VAXJO } from '../helpers/published-year-world';
import { LUND } from '../helpers/seed-fixtures';
import { submitAnswers } from '../helpers/submit-answers';
import { jsonRequest, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
/** The reviewer's file: one sector of a year Lund has no figures for yet. */
const ONE_ROW_CSV =
  'Kommunkod;Kommun;År;Sektor;Utsläpp (ton CO2e);Invånare\r\n1281;Lund;2023;Transporter;400000;129000\r\n';

async function uploadCsv(ctx: TestContext, admin: string, csv: string) {
  const body = new FormData();
  body.append('file', new File([new TextEncoder().encode(csv)], 'lund-2023.csv'));
  const res = await ctx.app.request('/api/admin/imports', { method: 'POST', body, headers: { cookie: admin } });
  expect(res.status).toBe(201);
  return res.json();
}

async function post(ctx: TestContext, cookie: string, path: string) {
  return ctx.app.request(path, withCookie(cookie, jsonRequest('POST', {})));
}

/** The export's Utfall cells of one organisation, by header. */
async function csvUtfall(ctx: TestContext, admin: string, code: string): Promise<Record<string, string>> {
  const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.csv`, withCookie(admin));
  expect(res.status).toBe(200);
  const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
  const header = lines[0]!.split(';');
  const row = lines.find((line) => line.startsWith(`${code};`))!.split(';');
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']).filter(([h]) => String(h).startsWith('Utfall')));
}

describe('a published year keeps the Utfall it was published with', () => {
  let ctx: TestContext;
  let admin: string;
  let lund: string;

  beforeEach(async () => {
    ({ ctx, admin } = await fourKommunerWorld());
    lund = await submitAnswers(ctx, 'tjansteperson.1281@example.se');
    await submitAnswers(ctx, 'tjansteperson.0380@example.se');
    await submitAnswers(ctx, 'tjansteperson.0780@example.se');
    await storeEmissions(ctx, LUND.id, territorial2022());
  });

  it('shows the published outcome on the scorecard and in the export after a later import, and says the import changes a published year', async () => {
    // Arrange
    const published = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    expect(published.status).toBe(201);
    const before = await (await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund))).json();
    ctx.clock.advance(60_000);
    // Act
    const preview = await uploadCsv(ctx, admin, ONE_ROW_CSV);
    const commit = await post(ctx, admin, `/api/admin/imports/${preview.id}/commit`);
    const after = await (await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund))).json();
    const adminCard = await (
      await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/${LUND.id}`, withCookie(admin))
    ).json();
    const utfall = await csvUtfall(ctx, admin, LUND.id);
    // Assert
    expect(before.emissionOutcome).toMatchObject({ latestYear: 2022, perInhabitant: 2.4 });
    expect(commit.status).toBe(200);
    // Lund's stored data now has 2023 (one sector) as its latest year; the published year does not move.
    expect(after.emissionOutcome).toEqual(before.emissionOutcome);
    expect(after.emissionOutcomeSource).toMatchObject({ source: 'published', revision: 1 });
    expect(adminCard.emissionOutcome).toEqual(before.emissionOutcome);
    expect(utfall).toMatchObject({
      'Utfall: år': '2022',
      'Utfall: t CO2e per invånare': '2,4',
      'Utfall: underlag': 'Publicerat 2026-03-10 (version 1)',
    });
    // The preview warned about both: the partial latest year and the published year.
    const codes = preview.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('partial_year');
    expect(codes).toContain('published_year_changed');
    const partial = preview.warnings.find((w: { code: string }) => w.code === 'partial_year');
    expect(partial.message).toContain('Lund (1281)');
    expect(partial.message).toContain('2023: 1 av 8 (Transporter)');
    expect(partial.message).toContain('2023 blir organisationens senaste år');
    const publishedWarning = preview.warnings.find((w: { code: string }) => w.code === 'published_year_changed');
    expect(publishedWarning.message).toContain(`Klimatläget ${YEAR} är publicerat (version 1, 2026-03-10)`);
    expect(publishedWarning.messageEn).toContain('The published Utfall does not change');
  });

  it('freezes the outcome of every respondent in the snapshot, null without emissions', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const snapshot = await (await ctx.app.request(`/api/admin/campaigns/${YEAR}/reports/1`, withCookie(admin))).json();
    const publicReport = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    // Assert
    expect(Object.keys(snapshot.emissionOutcomes).sort()).toEqual([UPPSALA.id, VAXJO.id, LUND.id].sort());
    expect(snapshot.emissionOutcomes[LUND.id]).toMatchObject({ latestYear: 2022, perInhabitant: 2.4 });
    expect(snapshot.emissionOutcomes[UPPSALA.id]).toBeNull();
    // One organisation's outcome never reaches the public report.
    expect(JSON.stringify(publicReport)).not.toContain('emissionOutcomes');
  });

  it('reads current emissions for a year not yet published, and labels them so', async () => {
    // Arrange: the kansli looks before publishing
    await uploadCsv(ctx, admin, ONE_ROW_CSV).then((p) => post(ctx, admin, `/api/admin/imports/${p.id}/commit`));
    // Act
    const card = await (
      await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/${LUND.id}`, withCookie(admin))
    ).json();
    const utfall = await csvUtfall(ctx, admin, LUND.id);
    // Assert
    expect(card.emissionOutcome).toMatchObject({ latestYear: 2023 });
    expect(card.emissionOutcomeSource).toEqual({ source: 'live' });
    expect(utfall).toMatchObject({ 'Utfall: år': '2023', 'Utfall: underlag': 'Aktuella utsläppsdata' });
  });

  it('reads current emissions for a year published before outcomes were frozen, labelled as current', async () => {
    // Arrange: a snapshot stored as publish stored it before this change
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    await ctx.store.update(keys.reportRevision(YEAR, 1), { remove: ['emissionOutcomes'] });
    await uploadCsv(ctx, admin, ONE_ROW_CSV).then((p) => post(ctx, admin, `/api/admin/imports/${p.id}/commit`));
    // Act
    const card = await (await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund))).json();
    const utfall = await csvUtfall(ctx, admin, LUND.id);
    // Assert
    expect(card.emissionOutcome).toMatchObject({ latestYear: 2023 });
    expect(card.emissionOutcomeSource).toEqual({ source: 'live' });
    expect(utfall['Utfall: underlag']).toBe('Aktuella utsläppsdata');
  });

  it('keeps the xlsx sheet’s emission figures as published', async () => {
    // Arrange: three with 2022 figures, so the network's emissions are shown
    await storeEmissions(ctx, UPPSALA.id, territorial2022());
    await storeEmissions(ctx, VAXJO.id, territorial2022());
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const publicReport = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    await uploadCsv(ctx, admin, ONE_ROW_CSV).then((p) => post(ctx, admin, `/api/admin/imports/${p.id}/commit`));
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Klimatläget')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    // Assert: the emissions row names the published year, not the imported 2023
    const header = values.findIndex((row) => row[1] === 'Organisationer med utsläppsdata');
    expect(header).toBeGreaterThanOrEqual(0);
    const network = values[header + 1]!;
    expect(publicReport.report.emissions).toMatchObject({ latestYear: 2022, organisations: 3 });
    // Group, organisations with data, year, mean per inhabitant: as published, not with Lund's 2023
    expect(network.slice(1, 4)).toEqual([3, 2022, 2.4]);
  });

  it('warns when rolling back an import the published year rests on, and not for one saved after the publish', async () => {
    // Arrange: an import saved before the publish, one after
    const earlier = await uploadCsv(ctx, admin, ONE_ROW_CSV);
    await post(ctx, admin, `/api/admin/imports/${earlier.id}/commit`);
    ctx.clock.advance(60_000);
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    ctx.clock.advance(60_000);
    const later = await uploadCsv(ctx, admin, ONE_ROW_CSV.replace('400000', '410000'));
    await post(ctx, admin, `/api/admin/imports/${later.id}/commit`);
    // Act
    const laterRollback = await post(ctx, admin, `/api/admin/imports/${later.id}/rollback`);
    const earlierRollback = await post(ctx, admin, `/api/admin/imports/${earlier.id}/rollback`);
    // Assert: both are done (a warning, never a refusal)
    expect(laterRollback.status).toBe(200);
    // No published-year warning for the later one; it leaves 2023 (Lund's latest year) with transport
    // alone, which it says as the imports' previews did. Rolling back the earlier one removes 2023.
    expect((await laterRollback.json()).warnings).toEqual([
      expect.objectContaining({ code: 'partial_year', message: expect.stringContaining('2023: 1 av 8 (Transporter)') }),
    ]);
    expect(earlierRollback.status).toBe(200);
    const body = await earlierRollback.json();
    expect(body.state).toBe('rolled_back');
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: 'published_year_rollback',
        message: expect.stringContaining(`Klimatläget ${YEAR}`),
      }),
    ]);
  });
});
