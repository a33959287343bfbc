import { describe, expect, it } from 'vitest';
import type { EmissionValue } from '../../../shared/emissions-import/import.schema';
import { partialYearIssues, rollbackPartialYears } from '../../../shared/emissions-import/partial-years';
import { SECTOR_IDS } from '../../../shared/emissions-import/sector-ids';

const ALL = SECTOR_IDS.filter((sector) => sector !== 'utrikes-transporter');
const year = (organisationId: string, y: number, sectors: readonly EmissionValue['sector'][]) =>
  sectors.map((sector) => ({ organisationId, year: y, sector }));
const deleted = (values: ReturnType<typeof year>) => values.map((value) => ({ value, deleted: true }));
const restored = (values: ReturnType<typeof year>) => values.map((value) => ({ value, deleted: false }));

describe('rollbackPartialYears', () => {
  it('finds a year the rollback leaves with some sectors, the latest one', () => {
    // Arrange: 2022 whole, 2023 whole of which the rollback deletes all but transport
    const stored = [...year('1281', 2022, ALL), ...year('1281', 2023, ALL)];
    // Act
    const found = rollbackPartialYears(stored, deleted(year('1281', 2023, ALL.slice(1))));
    // Assert
    expect(found).toEqual([
      { organisationId: '1281', years: [{ year: 2023, present: ['transporter'] }], expected: 8, latest: 2023 },
    ]);
    expect(partialYearIssues(found, () => 'Lund (1281)')[0]!.message).toContain(
      '2023: 1 av 8 (Transporter). 2023 blir',
    );
  });

  it('finds the same on a re-run after a part-done rollback, which no longer stores what it deleted', () => {
    // Arrange: of the seven values to delete, four are gone already
    const undone = deleted(year('1281', 2023, ALL.slice(1)));
    const stored = [...year('1281', 2022, ALL), ...year('1281', 2023, ['transporter', ...ALL.slice(5)])];
    // Act
    const found = rollbackPartialYears(stored, undone);
    // Assert
    expect(found).toEqual([expect.objectContaining({ years: [{ year: 2023, present: ['transporter'] }] })]);
  });

  it('checks the year that becomes the latest when the rollback removes the latest year, even on a re-run', () => {
    // Arrange: 2022 has transport alone; the rollback removes 2023 (already gone on the re-run)
    const base = [...year('1281', 2021, ALL), ...year('1281', 2022, ['transporter'])];
    const undone = deleted(year('1281', 2023, ALL));
    // Act
    const first = rollbackPartialYears([...base, ...year('1281', 2023, ALL)], undone);
    const rerun = rollbackPartialYears(base, undone);
    // Assert
    const expected = [
      { organisationId: '1281', years: [{ year: 2022, present: ['transporter'] }], expected: 8, latest: 2022 },
    ];
    expect(first).toEqual(expected);
    expect(rerun).toEqual(expected);
  });

  it('finds nothing for a year removed entirely, restored whole years, or a partial year it does not touch', () => {
    // Arrange: 2010 is partial but untouched, and stays behind the latest year
    const stored = [...year('1281', 2010, ['avfall']), ...year('1281', 2022, ALL), ...year('1281', 2023, ALL)];
    // Act
    const removed = rollbackPartialYears(stored, deleted(year('1281', 2023, ALL)));
    const restoredWhole = rollbackPartialYears(stored, restored(year('1281', 2022, ['transporter'])));
    // Assert
    expect(removed).toEqual([]);
    expect(restoredWhole).toEqual([]);
  });
});
