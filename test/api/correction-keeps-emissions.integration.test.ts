import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  FOUR_KOMMUNER,
  fourKommunerWorld,
  storeEmissions,
  territorial2022,
  UPPSALA,
  VAXJO,
} from '../helpers/published-year-world';
import { LUND, MALMO } from '../helpers/seed-fixtures';
import { jsonRequest, recordCommandInputs, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
/** Steps between publish, import and correction: the same day, within the admin's session. */
const HOUR = 3_600_000;
/** A later file: Lund's 2023 transport and Uppsala's 2022 transport, after the year was published. */
const LATER_CSV =
  'Kommunkod;Kommun;År;Sektor;Utsläpp (ton CO2e);Invånare\r\n' +
  '1281;Lund;2023;Transporter;400000;129000\r\n' +
  '0380;Uppsala;2022;Transporter;500000;240000\r\n';

// biome-ignore lint/suspicious/noExplicitAny: API answers read field by field.
type Json = Record<string, any>;

async function call(ctx: TestContext, cookie: string, method: string, path: string, body?: unknown) {
  const res = await ctx.app.request(path, withCookie(cookie, jsonRequest(method, body)));
  return { status: res.status, body: (await res.json()) as Json };
}

async function importLater(ctx: TestContext, admin: string): Promise<string> {
  const form = new FormData();
  form.append('file', new File([new TextEncoder().encode(LATER_CSV)], 'later.csv'));
  const res = await ctx.app.request('/api/admin/imports', { method: 'POST', body: form, headers: { cookie: admin } });
  expect(res.status).toBe(201);
  const preview = (await res.json()) as Json;
  const commit = await call(ctx, admin, 'POST', `/api/admin/imports/${preview.id}/commit`, {});
  expect(commit.status).toBe(200);
  return preview.id;
}

/** The queries of stored emissions among recorded command inputs. */
function emissionQueries(inputs: Array<Record<string, unknown>>) {
  return inputs.filter((input) =>
    Object.values((input.ExpressionAttributeValues ?? {}) as Record<string, unknown>).some(
      (value) => typeof value === 'string' && value.startsWith('EMISSIONS#'),
    ),
  );
}

describe('a correction of a published year keeps the emission figures of the revision it replaces', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Four kommuner submit the same answers (64 of 66 points); three have 2022 emissions, Uppsala none.
    ({ ctx, admin } = await fourKommunerWorld(FOUR_KOMMUNER));
    for (const id of [LUND.id, MALMO.id, VAXJO.id]) await storeEmissions(ctx, id, territorial2022());
  });

  const publish = () => call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/publish`, {});
  const snapshot = async (revision: number) =>
    (await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/reports/${revision}`)).body;
  const awardReviewPoint = async (id: string) => {
    const res = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/responses/${id}/overrides`, {
      question: 'S6',
      points: 1,
      reason: 'Rättelse',
    });
    expect(res.status).toBe(201);
  };

  it('publish → import → correct a score → republish: the scores change, Utfall and the emission figures stay', async () => {
    // Arrange
    expect((await publish()).status).toBe(201);
    const first = await snapshot(1);
    ctx.clock.advance(HOUR);
    await importLater(ctx, admin);
    ctx.clock.advance(HOUR);
    await awardReviewPoint(LUND.id);
    // Act
    const republished = await publish();
    const second = await snapshot(2);
    const publicReport = (await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json()) as Json;
    // Assert: a new revision with the corrected score …
    expect(republished.status).toBe(201);
    expect(republished.body).toMatchObject({ revision: 2, unchanged: false });
    expect(second.report.byType.kommun.total.mean).toBeGreaterThan(first.report.byType.kommun.total.mean);
    // … and the first revision's Utfall and emission figures, not the ones imported since
    expect(second.emissionOutcomes).toEqual(first.emissionOutcomes);
    expect(second.emissionOutcomes[LUND.id]).toMatchObject({ latestYear: 2022, perInhabitant: 2.4 });
    expect(second.emissionOutcomes[UPPSALA.id]).toBeNull();
    expect(second.report.emissions).toEqual(first.report.emissions);
    expect(second.report.byType.kommun.emissions).toEqual(first.report.byType.kommun.emissions);
    expect(publicReport.revision).toBe(2);
    expect(publicReport.report.emissions).toMatchObject({ latestYear: 2022, organisations: 3 });
    // The revision whose publish read the emissions is named, so the date shown is theirs.
    expect(second.emissionOutcomesFrom).toEqual({ revision: 1, publishedAt: first.publishedAt });
  });

  it('shows the kept Utfall with the date the emissions were read, and none where there was none', async () => {
    // Arrange
    await publish();
    const firstPublishedAt = (await snapshot(1)).publishedAt;
    ctx.clock.advance(HOUR);
    await importLater(ctx, admin);
    await awardReviewPoint(LUND.id);
    await publish();
    // Act
    const lund = (await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/${LUND.id}`)).body;
    const uppsala = (await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/${UPPSALA.id}`)).body;
    const csv = await (await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.csv`, withCookie(admin))).text();
    // Assert: Lund keeps 2022, not its 2023 imported since; Uppsala had none at the first publish
    expect(lund.total).toBe(65);
    expect(lund.emissionOutcome).toMatchObject({ latestYear: 2022, perInhabitant: 2.4 });
    expect(lund.emissionOutcomeSource).toEqual({ source: 'published', revision: 1, publishedAt: firstPublishedAt });
    expect(uppsala.emissionOutcome).toBeNull();
    expect(uppsala.emissionOutcomeSource).toEqual({ source: 'published', revision: 1, publishedAt: firstPublishedAt });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(';');
    const lundRow = lines.find((line) => line.startsWith(`${LUND.id};`))!.split(';');
    expect(lundRow[header.indexOf('Utfall: år')]).toBe('2022');
    expect(lundRow[header.indexOf('Utfall: underlag')]).toBe('Publicerat 2026-03-10 (version 1)');
  });

  it('keeps the xlsx sheet as the correction published it, with no note asking for another', async () => {
    // Arrange
    await publish();
    ctx.clock.advance(HOUR);
    await importLater(ctx, admin);
    await awardReviewPoint(LUND.id);
    await publish();
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.getWorksheet('Klimatläget')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // Assert
    expect(rows[0]![0]).toBe('Klimatläget 2026, version 2, publicerad 2026-03-10');
    expect(rows[1]![0]).toBe('Siffrorna är de publicerade i version 2 och stämmer med poängen som de är nu.');
    const header = rows.findIndex((row) => row[1] === 'Organisationer med utsläppsdata');
    expect(rows[header + 1]!.slice(1, 4)).toEqual([3, 2022, 2.4]);
  });

  it('makes no new revision for emissions imported since, when no score changed', async () => {
    // Arrange
    await publish();
    ctx.clock.advance(HOUR);
    await importLater(ctx, admin);
    // Act
    const again = await publish();
    // Assert
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revision: 1, unchanged: true });
  });

  it('reads no emissions for a correction, and the first publish reads each respondent’s', async () => {
    // Arrange
    const queries = recordCommandInputs(ctx.clients, /^Query/);
    // Act: the first publish
    await publish();
    const firstReads = emissionQueries(queries).length;
    const first = await snapshot(1);
    queries.splice(0, queries.length);
    // The correction
    await awardReviewPoint(LUND.id);
    queries.splice(0, queries.length);
    const corrected = await publish();
    // Assert
    expect(first.emissionOutcomes[LUND.id]).toMatchObject({ latestYear: 2022 });
    expect(firstReads).toBe(4);
    expect(corrected.status).toBe(201);
    expect(emissionQueries(queries)).toEqual([]);
  });

  it('does not warn that rolling back an import saved after the first publish changes the year, after a correction', async () => {
    // Arrange: published, then imported, then corrected (the correction keeps the first revision's Utfall)
    await publish();
    ctx.clock.advance(HOUR);
    const later = await importLater(ctx, admin);
    ctx.clock.advance(HOUR);
    await awardReviewPoint(LUND.id);
    expect((await publish()).status).toBe(201);
    // Act
    const rollback = await call(ctx, admin, 'POST', `/api/admin/imports/${later}/rollback`, {});
    // Assert
    expect(rollback.status).toBe(200);
    expect(rollback.body.warnings.map((w: Json) => w.code)).not.toContain('published_year_rollback');
  });
});
