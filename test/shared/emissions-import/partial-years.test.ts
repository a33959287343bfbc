import { describe, expect, it } from 'vitest';
import type { EmissionValue } from '../../../shared/emissions-import/import.schema';
import { MAX_PARTIAL_YEAR_WARNINGS, partialYearWarnings } from '../../../shared/emissions-import/partial-years';
import { SECTOR_IDS } from '../../../shared/emissions-import/sector-ids';

const ALL = SECTOR_IDS.filter((sector) => sector !== 'utrikes-transporter');
const nameOf = (code: string) => (code === '1281' ? 'Lund (1281)' : code);
const year = (organisationId: string, y: number, sectors: readonly EmissionValue['sector'][]): EmissionValue[] =>
  sectors.map((sector) => ({ organisationId, year: y, sector, tonnesCO2e: 1000 }));

describe('partialYearWarnings', () => {
  it('warns when one sector of a new year would become the latest year', () => {
    // Arrange: Lund has every sector for 2022 stored; the file brings 2023 transport alone
    const stored = year('1281', 2022, ALL);
    // Act
    const issues = partialYearWarnings(year('1281', 2023, ['transporter']), stored, nameOf);
    // Assert
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'partial_year', row: null, column: null });
    expect(issues[0]!.message).toContain('Lund (1281)');
    expect(issues[0]!.message).toContain('2023: 1 av 8 (Transporter)');
    expect(issues[0]!.message).toContain('2023 blir organisationens senaste år');
    expect(issues[0]!.messageEn).toContain('2023: 1 of 8 (Transport)');
  });

  it('completes a year with what is stored, and ignores international transport', () => {
    // Arrange: 2023 has seven sectors stored; the file adds the eighth and international transport
    const stored = [...year('1281', 2022, ALL), ...year('1281', 2023, ALL.slice(1))];
    // Act
    const issues = partialYearWarnings(year('1281', 2023, ['transporter', 'utrikes-transporter']), stored, nameOf);
    // Assert
    expect(issues).toEqual([]);
  });

  it('names an earlier partial year without calling it the latest', () => {
    // Act
    const issues = partialYearWarnings([...year('1281', 2010, ['avfall']), ...year('1281', 2022, ALL)], [], nameOf);
    // Assert
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('2010: 1 av 8 (Avfall');
    expect(issues[0]!.message).not.toContain('senaste år');
  });

  it('does not warn for an organisation that lacks the same sector every year', () => {
    const sevenSectors = ALL.slice(0, 7);
    expect(
      partialYearWarnings([...year('1281', 2021, sevenSectors), ...year('1281', 2022, sevenSectors)], [], nameOf),
    ).toEqual([]);
  });

  it('gives one warning per organisation up to the limit, then counts the rest', () => {
    // Arrange
    const codes = Array.from({ length: MAX_PARTIAL_YEAR_WARNINGS + 3 }, (_, i) => String(1000 + i));
    const stored = codes.flatMap((code) => year(code, 2022, ALL));
    // Act
    const issues = partialYearWarnings(
      codes.flatMap((code) => year(code, 2023, ['transporter'])),
      stored,
      nameOf,
    );
    // Assert
    expect(issues).toHaveLength(MAX_PARTIAL_YEAR_WARNINGS + 1);
    expect(issues.at(-1)).toMatchObject({
      code: 'partial_year_more',
      message: expect.stringContaining('Ytterligare 3'),
    });
  });
});
