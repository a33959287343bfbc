import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fourKommunerWorld, sheetRows, storeEmissions, UPPSALA, VAXJO } from '../helpers/published-year-world';
import { LUND } from '../helpers/seed-fixtures';
import { type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;

/** One organisation's transport emissions per inhabitant in 1990 and 2023, 100 000 inhabitants. */
function emissions(in1990: number, in2023: number) {
  return [
    { year: 1990, sector: 'transporter' as const, tonnesCO2e: in1990 * 100_000, population: 100_000 },
    { year: 2023, sector: 'transporter' as const, tonnesCO2e: in2023 * 100_000, population: 100_000 },
  ];
}

describe('the xlsx export: the change since 1990 reads as a percentage on both sheets', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Arrange: three respondents (enough to show a mean): 10 → 4 t (−60 %), 5 → 4 t (−20 %), 8 → 4 t (−50 %)
    ({ ctx, admin } = await fourKommunerWorld([LUND, UPPSALA, VAXJO]));
    await storeEmissions(ctx, LUND.id, emissions(10, 4));
    await storeEmissions(ctx, UPPSALA.id, emissions(5, 4));
    await storeEmissions(ctx, VAXJO.id, emissions(8, 4));
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
