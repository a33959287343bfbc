import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { EmissionRepository } from '../../functions/features/emissions/emission.repository';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { LUND, MALMO } from '../helpers/seed-fixtures';
import { adminWorld, submitScoredResponse } from '../helpers/seeded-context';
import { type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
const UPPSALA = { id: '0380', name: 'Uppsala', type: 'kommun' as const };
const VAXJO = { id: '0780', name: 'Växjö', type: 'kommun' as const };

/** One organisation's emissions per inhabitant in 1990 and 2023, as the emissions import stores them. */
async function storeEmissions(ctx: TestContext, organisationId: string, in1990: number, in2023: number) {
  const repository = new EmissionRepository(ctx.store);
  for (const [year, perInhabitant] of [
    [1990, in1990],
    [2023, in2023],
  ] as const) {
    await repository.putIf(
      {
        organisationId,
        year,
        sector: 'transporter',
        tonnesCO2e: perInhabitant * 100_000,
        population: 100_000,
        importId: 'imp-1',
        updatedAt: '2026-03-01T09:00:00.000Z',
      },
      undefined,
    );
  }
}

/** The rows of a sheet as arrays of cell values, without exceljs's empty first column. */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? Array.from(row.slice(1)) : []));
}

describe('the xlsx export: the change since 1990 reads as a percentage on both sheets', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({
      now: '2026-03-10T09:00:00Z',
      organisations: [LUND, MALMO, UPPSALA, VAXJO],
      campaign: true,
    }));
    // Arrange: three respondents (enough to show a mean): 10 → 4 t (−60 %), 5 → 4 t (−20 %), 8 → 4 t (−50 %)
    for (const [id, in1990] of [
      [LUND.id, 10],
      [UPPSALA.id, 5],
      [VAXJO.id, 8],
    ] as const) {
      await submitScoredResponse(ctx, YEAR, id, completeKommunAnswers());
      await storeEmissions(ctx, id, in1990, 4);
    }
  });

  it('gives the members’ mean and Sweden’s change in % under "(%)" headers, as the "Svar" sheet gives each Utfall', async () => {
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    // Assert
    expect(res.status).toBe(200);
    const rows = sheetRows(workbook.getWorksheet('Klimatläget')!);
    const header = rows.find((row) => row[0] === 'Grupp' && row.includes('Organisationer med utsläppsdata'))!;
    const all = rows[rows.indexOf(header) + 1]!;
    const cell = (name: string) => all[header.indexOf(name)];
    expect(all[0]).toBe('Alla');
    // (−60 − 20 − 50) / 3 = −43.3 %, not the fraction −0.4333 that Excel would show as it is
    expect(cell('Förändring per invånare sedan 1990, medel (%)')).toBe(-43.3);
    expect(cell('Organisationer med data för 1990')).toBe(3);
    expect(cell('Sverige sedan 1990 (%)')).toBe(-46);
    // The same unit as each organisation's own change on the "Svar" sheet
    const answers = sheetRows(workbook.getWorksheet('Svar')!);
    const column = answers.find((row) => row[0] === 'Kod')!.indexOf('Utfall: förändring sedan 1990 (%)');
    expect(answers.find((row) => row[0] === LUND.id)?.[column]).toBe(-60);
  });

  it('gives every share of max, and the share answering yes, in % under "(%)" headers on both sheets', async () => {
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const answers = sheetRows(workbook.getWorksheet('Svar')!);
    const summary = sheetRows(workbook.getWorksheet('Klimatläget')!);
    // Assert: "Svar", each organisation's share of max as 64 of 66 reads, 97.0, not 0.9697
    const answersHeader = answers.find((row) => row[0] === 'Kod')!;
    const lund = answers.find((row) => row[0] === LUND.id)!;
    const at = (name: string) => lund[answersHeader.indexOf(name)];
    expect(answersHeader).not.toContain('Andel av max');
    const total = at('Poäng totalt') as number;
    const max = at('Max') as number;
    const sharePercent = Math.round((total / max) * 1000) / 10;
    expect(sharePercent).toBeGreaterThan(1);
    expect(at('Andel av max (%)')).toBe(sharePercent);
    // "Klimatläget": the groups' mean (three identical responses), in the same unit
    const groupHeader = summary.find((row) => row[0] === 'Grupp' && row.includes('Andel av max, medel (%)'))!;
    const all = summary[summary.indexOf(groupHeader) + 1]!;
    expect(all[0]).toBe('Alla');
    expect(all[groupHeader.indexOf('Andel av max, medel (%)')]).toBe(sharePercent);
    expect(groupHeader).toContain('Andel av max, median (%)');
    // …each section's mean as its points of its max…
    const sectionHeader = summary.find((row) => row[0] === 'Typ' && row[1] === 'Avsnitt')!;
    expect(sectionHeader).toContain('Andel av max, medel (%)');
    const afterHeader = summary.slice(summary.indexOf(sectionHeader) + 1);
    const sections = afterHeader.slice(
      0,
      afterHeader.findIndex((row) => row.length === 0),
    );
    const kommunSections = sections.filter((row) => row[0] === 'kommun');
    expect(kommunSections.length).toBeGreaterThan(1);
    for (const section of kommunSections) {
      const points = lund[answersHeader.findIndex((h) => String(h).startsWith(`Poäng kommun: ${section[1]} – `))];
      const mean = section[sectionHeader.indexOf('Andel av max, medel (%)')];
      expect(mean, String(section[1])).toBe(Math.round(((points as number) / (section[3] as number)) * 1000) / 10);
    }
    // …and the share answering yes, 100 where all three answered yes
    const questionHeader = summary.find((row) => row[0] === 'Typ' && row[1] === 'Fråga')!;
    const yes = questionHeader.indexOf('Andel ja (%)');
    expect(yes).toBeGreaterThan(0);
    const shares = summary
      .slice(summary.indexOf(questionHeader) + 1)
      .filter((row) => row[0] === 'kommun' && typeof row[yes] === 'number')
      .map((row) => row[yes] as number);
    expect(shares).toContain(100);
    expect(shares.every((share) => share === 0 || share > 1)).toBe(true);
  });
});
