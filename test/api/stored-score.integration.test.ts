import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ScoreWriter } from '../../functions/features/klimatlaget/score.writer';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { keys } from '../../functions/store/table-design';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { score } from '../../shared/scoring/score';
import { ADMIN_EMAIL, call } from '../helpers/admin-api';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, MALMO, SKANE } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

/**
 * The stored score has one meaning, the effective score with the kansli's adjustments, and every
 * page reads it as is: the review, the CSV and xlsx exports, the scorecards and the published
 * report agree after each adjustment, re-scoring and publish.
 */

const YEAR = 2026;
const LINKOPING: Organisation = { id: '0580', name: 'Linköping', type: 'kommun', population: 165000 };
const REVIEW = `/api/admin/campaigns/${YEAR}/responses/${LINKOPING.id}`;
const OFFICIAL = `tjansteperson.${LINKOPING.id}@example.se`;

/** Complete answers worth 50 of 66 (B): M1 and M3 score 0, a few booleans are no. */
function linkopingAnswers(): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...completeKommunAnswers(), M1: 'inget', M3: false };
  for (const name of ['T2', 'T3', 'T5', 'T6', 'T7', 'T8', 'E2', 'E3', 'E6']) answers[name] = false;
  return answers;
}

/** The member signs in, saves `data` at the stored version and submits it. */
async function memberSubmits(ctx: TestContext, email: string, data: Record<string, unknown>) {
  const cookie = await signIn(ctx, email);
  const view = await call(ctx, cookie, 'GET', `/api/campaigns/${YEAR}/response`);
  const saved = await call(ctx, cookie, 'PUT', `/api/campaigns/${YEAR}/response`, {
    data,
    version: view.body.version,
  });
  expect(saved.status).toBe(200);
  const submitted = await call(ctx, cookie, 'POST', `/api/campaigns/${YEAR}/response/submit`, {
    version: saved.body.version,
  });
  expect(submitted.status).toBe(200);
  return cookie;
}

/** Parses the CSV export (`;`, `"` quoting, CRLF, BOM) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** Linköping's row of the CSV export, by header. */
async function csvRow(ctx: TestContext, admin: string): Promise<Record<string, string>> {
  const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.csv`, withCookie(admin));
  expect(res.status).toBe(200);
  const [header, ...rows] = parseCsv(await res.text());
  const row = rows.find((r) => r[0] === LINKOPING.id)!;
  return Object.fromEntries(header!.map((name, i) => [name, row[i] ?? '']));
}

/** Linköping's row of the xlsx export's "Svar" sheet, by header. */
async function xlsxRow(ctx: TestContext, admin: string): Promise<Record<string, ExcelJS.CellValue>> {
  const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.getWorksheet('Svar')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === LINKOPING.id) found = row;
  });
  return Object.fromEntries(header.map((name, i) => [name, found!.getCell(i + 1).value]));
}

/** What every page says about Linköping's score. */
async function everyPage(ctx: TestContext, admin: string) {
  const review = (await call(ctx, admin, 'GET', REVIEW)).body.response;
  const csv = await csvRow(ctx, admin);
  const xlsx = await xlsxRow(ctx, admin);
  const scorecard = (await call(ctx, admin, 'GET', `/api/admin/campaigns/${YEAR}/scorecards/${LINKOPING.id}`)).body;
  return {
    review: { total: review.score.total, band: review.score.band },
    effective: review.effectiveScore.total,
    withoutAdjustments: review.computedScore.total,
    rescoreNeeded: review.rescoreNeeded,
    csv: { total: Number(csv['Poäng totalt']), band: csv.Betyg },
    xlsx: { total: xlsx['Poäng totalt'], band: xlsx.Betyg },
    scorecard: { total: scorecard.total, band: scorecard.band },
  };
}

/** Every page shows `total` (band `band`), and the review says `withoutAdjustments` without the adjustments. */
function agreeing(total: number, band: string, withoutAdjustments: number) {
  return {
    review: { total, band },
    effective: total,
    withoutAdjustments,
    rescoreNeeded: false,
    csv: { total, band },
    xlsx: { total, band },
    scorecard: { total, band },
  };
}

async function adjust(ctx: TestContext, admin: string, question: string, points: number) {
  const res = await call(ctx, admin, 'POST', `${REVIEW}/overrides`, { question, points, reason: 'Beslut bifogat.' });
  expect(res.status).toBe(201);
  return res.body;
}

describe('one meaning for the stored score: every page agrees', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    const organisations = [LUND, MALMO, SKANE, LINKOPING];
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true }));
    // Three kommuner submit, so the report shows their figures: Lund and Malmö 64, Linköping 50 (B).
    await memberSubmits(ctx, 'tjansteperson.1281@example.se', completeKommunAnswers());
    await memberSubmits(ctx, 'tjansteperson.1280@example.se', completeKommunAnswers());
    await memberSubmits(ctx, OFFICIAL, linkopingAnswers());
  });

  it("agrees through the reviewer's adjust, re-score, adjust and publish", async () => {
    // Arrange
    expect(await everyPage(ctx, admin)).toEqual(agreeing(50, 'B', 50));
    // Act 1: M1 from 0 to 2
    await adjust(ctx, admin, 'M1', 2);
    // Assert 1
    expect(await everyPage(ctx, admin)).toEqual(agreeing(52, 'B', 50));
    // Act 2: re-scoring finds every stored score current
    const rescore = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/rescore`);
    // Assert 2
    expect(rescore.body).toEqual({ rescored: 0, unchanged: 3 });
    expect(await everyPage(ctx, admin)).toEqual(agreeing(52, 'B', 50));
    // Act 3: M3 from 0 to 2 lifts Linköping to A (54 / 66 = 0.82)
    await adjust(ctx, admin, 'M3', 2);
    // Assert 3
    expect(await everyPage(ctx, admin)).toEqual(agreeing(54, 'A', 50));
    // Act 4: publish
    const published = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/publish`);
    // Assert 4: the report counts 54, the member's scorecard says 54
    expect(published.status).toBe(201);
    expect(published.body.rescored).toBe(0);
    const report = (await call(ctx, undefined, 'GET', `/api/klimatlaget/${YEAR}`)).body.report.byType.kommun;
    expect(report.respondents).toBe(3);
    expect(report.total.mean).toBeCloseTo((54 + 64 + 64) / 66 / 3, 4);
    expect(report.bands).toContainEqual({ band: 'A', count: 3 });
    const member = await signIn(ctx, OFFICIAL);
    const own = (await call(ctx, member, 'GET', `/api/campaigns/${YEAR}/scorecard`)).body;
    expect([own.total, own.band]).toEqual([54, 'A']);
    expect(own.network.total.mean).toBeCloseTo(((54 + 64 + 64) / 3 / 66) * 66, 1);
    expect(await everyPage(ctx, admin)).toEqual(agreeing(54, 'A', 50));
  });

  it('says the score without adjustments right after a re-scoring', async () => {
    // Arrange
    await adjust(ctx, admin, 'M1', 2);
    await adjust(ctx, admin, 'M3', 2);
    await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/rescore`);
    // Act
    const review = (await call(ctx, admin, 'GET', REVIEW)).body.response;
    // Assert
    expect([review.score.total, review.computedScore.total]).toEqual([54, 50]);
    const m1 = review.score.questions.find((q: { name: string }) => q.name === 'M1');
    expect(m1).toMatchObject({ points: 2, computedPoints: 0 });
    expect(review.computedScore.questions.find((q: { name: string }) => q.name === 'M1')).toEqual({
      name: 'M1',
      points: 0,
      max: 3,
    });
  });

  it('stores the computed points again when an adjustment is removed', async () => {
    // Arrange
    await adjust(ctx, admin, 'M1', 2);
    await adjust(ctx, admin, 'M3', 2);
    // Act
    const res = await call(ctx, admin, 'DELETE', `${REVIEW}/overrides/M1`, { reason: 'Beslutet gäller inte.' });
    // Assert
    expect(res.status).toBe(200);
    expect(res.body.score.total).toBe(52);
    expect(await everyPage(ctx, admin)).toEqual(agreeing(52, 'B', 50));
    await call(ctx, admin, 'DELETE', `${REVIEW}/overrides/M3`, { reason: 'Beslutet gäller inte.' });
    expect(await everyPage(ctx, admin)).toEqual(agreeing(50, 'B', 50));
  });

  it('keeps the adjustment when the member submits again after a reopen', async () => {
    // Arrange: M1 adjusted, then reopened; the member changes M3 to yes and submits again
    await adjust(ctx, admin, 'M1', 2);
    const reopened = await call(ctx, admin, 'POST', `${REVIEW}/reopen`, { reason: 'Komplettera M3', intent: 'reopen' });
    expect(reopened.status).toBe(200);
    // Act
    await memberSubmits(ctx, OFFICIAL, { ...linkopingAnswers(), M3: true });
    // Assert: 50 + 2 for M3's yes, + 2 for the adjustment
    expect(await everyPage(ctx, admin)).toEqual(agreeing(54, 'A', 52));
    const review = (await call(ctx, admin, 'GET', REVIEW)).body.response;
    expect(review.overrides.map((o: { question: string }) => o.question)).toEqual(['M1']);
  });

  it('removes an adjustment on a reopened draft, and the next submit scores without it', async () => {
    // Arrange
    await adjust(ctx, admin, 'M1', 2);
    await call(ctx, admin, 'POST', `${REVIEW}/reopen`, { reason: 'Komplettera', intent: 'reopen' });
    // Act
    const removed = await call(ctx, admin, 'DELETE', `${REVIEW}/overrides/M1`, { reason: 'Fel av kansliet.' });
    await memberSubmits(ctx, OFFICIAL, linkopingAnswers());
    // Assert
    expect(removed.status).toBe(200);
    expect(removed.body.effectiveScore.total).toBe(50);
    expect(await everyPage(ctx, admin)).toEqual(agreeing(50, 'B', 50));
  });

  it('flags a score stored before adjustments were stored with it until re-scoring stores the current one', async () => {
    // Arrange: an override written beside the score, as before the stored score included them
    await ctx.store.update(keys.response(YEAR, LINKOPING.id), {
      set: {
        overrides: [
          { question: 'M1', points: 2, reason: 'Beslut bifogat.', by: ADMIN_EMAIL, at: '2026-03-09T09:00:00Z' },
        ],
      },
    });
    // Act
    const before = await everyPage(ctx, admin);
    const rescore = await call(ctx, admin, 'POST', `/api/admin/campaigns/${YEAR}/rescore`);
    // Assert: the review shows the stored 50 as every page does, says it is not current and what it will be
    expect(before).toEqual({ ...agreeing(50, 'B', 50), effective: 52, rescoreNeeded: true });
    expect(rescore.body).toEqual({ rescored: 1, unchanged: 2 });
    expect(await everyPage(ctx, admin)).toEqual(agreeing(52, 'B', 50));
  });
});

describe('the stored score under concurrent writes (single-item conditional writes)', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({
      now: '2026-03-10T09:00:00Z',
      organisations: [LUND, MALMO, SKANE, LINKOPING],
      campaign: true,
    }));
    await memberSubmits(ctx, OFFICIAL, linkopingAnswers());
  });

  it('refuses a re-scoring write made from a read before an adjustment', async () => {
    // Arrange: a re-scoring read the response, then the kansli adjusted it
    const read = (await new ResponseRepository(ctx.store).get(YEAR, LINKOPING.id))!;
    const stale = score(DEFAULT_SURVEYS.kommun, read.data);
    await adjust(ctx, admin, 'M1', 2);
    // Act
    const write = new ScoreWriter(ctx.store).write(YEAR, LINKOPING.id, read.version, stale, '2026-03-10T09:00:00Z');
    // Assert
    await expect(write).rejects.toThrow();
    expect((await call(ctx, admin, 'GET', REVIEW)).body.response.score.total).toBe(52);
  });

  it('refuses a submit scored with an override list that changed since it was read', async () => {
    // Arrange: adjusted and reopened; the member's submit read the list before the kansli removed the adjustment
    await adjust(ctx, admin, 'M1', 2);
    await call(ctx, admin, 'POST', `${REVIEW}/reopen`, { reason: 'Komplettera', intent: 'reopen' });
    const repo = new ResponseRepository(ctx.store);
    const read = (await repo.get(YEAR, LINKOPING.id))!;
    await call(ctx, admin, 'DELETE', `${REVIEW}/overrides/M1`, { reason: 'Fel av kansliet.' });
    // Act
    const submit = repo.submit({
      year: YEAR,
      organisationId: LINKOPING.id,
      data: read.data,
      editor: { name: 'Erik', email: OFFICIAL },
      score: score(DEFAULT_SURVEYS.kommun, read.data, { overrides: read.overrides }),
      expectedOverrides: read.overrides,
      answered: 1,
      totalQuestions: 1,
      expectedVersion: read.version,
      campaignAcceptsWrites: true,
      now: '2026-03-10T09:00:00.000Z',
    });
    // Assert
    await expect(submit).rejects.toMatchObject({ code: 'response_write_refused' });
    expect((await repo.get(YEAR, LINKOPING.id))?.status).toBe('draft');
  });

  it('keeps submit within 2 reads and 3 writes when the response has adjustments', async () => {
    // Arrange
    await adjust(ctx, admin, 'M1', 2);
    await call(ctx, admin, 'POST', `${REVIEW}/reopen`, { reason: 'Komplettera', intent: 'reopen' });
    const cookie = await signIn(ctx, OFFICIAL);
    const { version } = (await call(ctx, cookie, 'GET', `/api/campaigns/${YEAR}/response`)).body;
    const counter = countCommands(ctx.clients);
    // Act
    const res = await ctx.app.request(
      `/api/campaigns/${YEAR}/response/submit`,
      withCookie(cookie, jsonRequest('POST', { version })),
    );
    // Assert
    expect(res.status).toBe(200);
    expect(counter.reads()).toBeLessThanOrEqual(2);
    expect(counter.writes()).toBeLessThanOrEqual(3);
    expect((await call(ctx, admin, 'GET', REVIEW)).body.response.score.total).toBe(52);
  });
});
