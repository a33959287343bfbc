import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmissionRepository } from '../../functions/features/emissions/emission.repository';
import { fourKommunerWorld, sheetRows, UPPSALA, VAXJO } from '../helpers/published-year-world';
import { LUND, MALMO } from '../helpers/seed-fixtures';
import { jsonRequest, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;

async function exportWorkbook(ctx: TestContext, admin: string) {
  const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  // Sheet rows count from 1: the first entry is exceljs's empty row 0.
  const klimatlaget = sheetRows(workbook.getWorksheet('Klimatläget')!).slice(1);
  const answers = sheetRows(workbook.getWorksheet('Svar')!).slice(1);
  const header = klimatlaget.find((row) => row[0] === 'Grupp' && row.includes('Andel av max, medel (%)'))!;
  const kommuner = klimatlaget.find((row) => row[0] === 'Kommuner' && typeof row[1] === 'number')!;
  const totalColumn = answers[0]!.indexOf('Poäng totalt');
  return {
    title: klimatlaget[0]?.[0],
    // The rows between the title and the empty row before the figures.
    notes: klimatlaget.slice(1, klimatlaget.indexOf(header) - 1).map((row) => row[0]),
    kommunMean: kommuner[header.indexOf('Andel av max, medel (%)')],
    lundTotal: answers.find((row) => row[0] === LUND.id)?.[totalColumn],
  };
}

describe('the xlsx export\'s "Klimatläget" sheet: the published revision, and whether scores changed since', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Arrange: three kommuner submit the same answers, 64 of 66 points each (97.0 %)
    ({ ctx, admin } = await fourKommunerWorld([LUND, UPPSALA, VAXJO]));
  });

  const publish = async () => {
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/publish`, withCookie(admin, jsonRequest('POST')));
    expect(res.status, await res.clone().text()).toBe(201);
  };

  it('says an unpublished year is computed now', async () => {
    const sheet = await exportWorkbook(ctx, admin);
    expect(sheet.title).toBe('Klimatläget 2026, inte publicerat');
    expect(sheet.notes).toEqual([
      'Siffrorna är beräknade med svaren som de är nu, vid exporten, och ändras tills Klimatläget publiceras.',
    ]);
    expect(sheet.kommunMean).toBe(97);
  });

  it('after a correction shows the published figures, names the revision and says how many scores differ until it is published', async () => {
    // Arrange: publish, then the kansli awards Lund the review point (64 → 65 of 66)
    await publish();
    ctx.clock.set(new Date('2026-03-10T15:00:00Z'));
    const correction = { question: 'S6', points: 1, reason: 'Rättelse' };
    const res = await ctx.app.request(
      `/api/admin/campaigns/${YEAR}/responses/${LUND.id}/overrides`,
      withCookie(admin, jsonRequest('POST', correction)),
    );
    expect(res.status).toBe(201);
    // Act
    const corrected = await exportWorkbook(ctx, admin);
    // Assert: the figures as published (97.0 %, not today's 97.5 %), the revision and a note
    expect(corrected.title).toBe('Klimatläget 2026, version 1, publicerad 2026-03-10');
    expect(corrected.kommunMean).toBe(97);
    expect(corrected.lundTotal).toBe(65);
    expect(corrected.notes).toEqual([
      'Obs! Poängen för 1 organisation skiljer sig nu från version 1: de har justerats, öppnats igen eller skickats in efter publiceringen. Siffrorna här är de publicerade i version 1. Bladet Svar visar poängen som de är nu.',
      'Publicera en rättelse för att ta med ändringarna i rapporten: "Publicera en ny version" på kampanjsidan.',
    ]);

    // Act: publish the correction
    await publish();
    const republished = await exportWorkbook(ctx, admin);
    // Assert
    expect(republished.title).toBe('Klimatläget 2026, version 2, publicerad 2026-03-10');
    expect(republished.kommunMean).toBe(97.5);
    expect(republished.notes).toEqual([
      'Siffrorna är de publicerade i version 2 och stämmer med poängen som de är nu.',
    ]);
  });

  it('counts every organisation whose score changed after publishing', async () => {
    await publish();
    const published = await exportWorkbook(ctx, admin);
    expect(published.notes).toEqual(['Siffrorna är de publicerade i version 1 och stämmer med poängen som de är nu.']);
    // Arrange: two scores change after publishing
    for (const id of [LUND.id, VAXJO.id]) {
      const res = await ctx.app.request(
        `/api/admin/campaigns/${YEAR}/responses/${id}/overrides`,
        withCookie(admin, jsonRequest('POST', { question: 'S6', points: 1, reason: 'Rättelse' })),
      );
      expect(res.status).toBe(201);
    }
    // Act
    const sheet = await exportWorkbook(ctx, admin);
    // Assert
    expect(sheet.notes[0]).toMatch(/^Obs! Poängen för 2 organisationer skiljer sig nu från version 1:/);
  });

  it("names a member-register edit after publishing as the cause, not last year's scores", async () => {
    // Arrange: published with four kommuner asked; then Malmö (no answer) turns out to have left at the end of 2025
    await publish();
    const patched = await ctx.app.request(
      `/api/admin/organisations/${MALMO.id}`,
      withCookie(admin, jsonRequest('PATCH', { memberUntil: '2025-12-31' })),
    );
    expect(patched.status).toBe(200);
    // Act
    const sheet = await exportWorkbook(ctx, admin);
    // Assert: who was asked changed; no score did, and last year has nothing to do with it
    expect(sheet.notes).toEqual([
      'Obs! Antalet tillfrågade organisationer är nu 3, inte 4 som i version 1: medlemsregistret (medlemsdatum, ' +
        'organisationer tillagda eller borttagna) eller vilka som är befriade har ändrats efter publiceringen. ' +
        'Siffrorna här är de publicerade i version 1. Bladet Svar visar poängen som de är nu.',
      'Publicera en rättelse för att ta med ändringarna i rapporten: "Publicera en ny version" på kampanjsidan.',
    ]);
  });

  it('says so when a changed score moves no published figure, so that no new version is asked for', async () => {
    // Arrange: a year of one respondent (its figures withheld) … and a correction of its score
    ({ ctx, admin } = await fourKommunerWorld([LUND]));
    await publish();
    const res = await ctx.app.request(
      `/api/admin/campaigns/${YEAR}/responses/${LUND.id}/overrides`,
      withCookie(admin, jsonRequest('POST', { question: 'S6', points: 1, reason: 'Rättelse' })),
    );
    expect(res.status).toBe(201);
    // Act
    const sheet = await exportWorkbook(ctx, admin);
    // Assert
    expect(sheet.notes).toEqual([
      'Siffrorna är de publicerade i version 1. Poängen för 1 organisation har ändrats sedan dess, men det ändrar inga siffror i rapporten, så en ny version behövs inte. Bladet Svar visar poängen som de är nu.',
    ]);
  });

  it('does not count emissions imported after publishing as a change: the report is the record of its year', async () => {
    // Arrange: Lund's 2022 emissions are in the published report; its 2023 emissions arrive after
    const store = (year: number, updatedAt: string) =>
      new EmissionRepository(ctx.store).putIf(
        {
          organisationId: LUND.id,
          year,
          sector: 'transporter',
          tonnesCO2e: 250_000,
          population: 125_000,
          importId: `imp-${year}`,
          updatedAt,
        },
        undefined,
      );
    await store(2022, '2026-03-01T09:00:00.000Z');
    await publish();
    await store(2023, '2026-03-11T09:00:00.000Z');
    // Act
    const sheet = await exportWorkbook(ctx, admin);
    // Assert
    expect(sheet.notes).toEqual(['Siffrorna är de publicerade i version 1 och stämmer med poängen som de är nu.']);
  });
});
