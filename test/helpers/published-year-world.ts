import type ExcelJS from 'exceljs';
import { EmissionRepository } from '../../functions/features/emissions/emission.repository';
import { SECTOR_IDS, type SectorId } from '../../shared/emissions-import/sector-ids';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { completeKommunAnswers } from './complete-answers';
import { LUND, MALMO } from './seed-fixtures';
import { type AdminWorld, adminWorld, submitScoredResponse } from './seeded-context';
import type { TestContext } from './test-app';

/** The campaign year of the Klimatläget tests: seedCampaign's open 2026 campaign. */
export const REPORT_YEAR = 2026;
export const UPPSALA: Organisation = { id: '0380', name: 'Uppsala', type: 'kommun' };
export const VAXJO: Organisation = { id: '0780', name: 'Växjö', type: 'kommun' };
/** Four kommuner: three respondents are enough for Klimatläget to show a mean. */
export const FOUR_KOMMUNER = [LUND, MALMO, UPPSALA, VAXJO];
/** The eight sectors inside the territorial total. */
export const TERRITORIAL_SECTORS = SECTOR_IDS.filter((sector) => sector !== 'utrikes-transporter');

/**
 * Where the Klimatläget, export and correction tests start: the four kommuner with the open 2026
 * campaign on 10 March, the kansli admin signed in, and `respondents` each submitted with the same
 * complete answers (64 of 66 points), scored as submit scores them.
 */
export async function fourKommunerWorld(respondents: Organisation[] = []): Promise<AdminWorld> {
  const world = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations: FOUR_KOMMUNER, campaign: true });
  for (const { id } of respondents) await submitScoredResponse(world.ctx, REPORT_YEAR, id, completeKommunAnswers());
  return world;
}

export interface StoredEmission {
  year: number;
  sector: SectorId;
  tonnesCO2e: number;
  population: number;
}

/** Emission figures stored as a committed import would store them (import `imp-earlier`, 1 March). */
export async function storeEmissions(ctx: TestContext, organisationId: string, rows: StoredEmission[]) {
  const repository = new EmissionRepository(ctx.store);
  for (const row of rows)
    await repository.putIf(
      { organisationId, ...row, importId: 'imp-earlier', updatedAt: '2026-03-01T09:00:00.000Z' },
      undefined,
    );
}

/** 2022 in every territorial sector, 37 500 t each: 300 000 t for 125 000 inhabitants, 2.4 t each. */
export function territorial2022(): StoredEmission[] {
  return TERRITORIAL_SECTORS.map((sector) => ({ year: 2022, sector, tonnesCO2e: 37_500, population: 125_000 }));
}

/** The rows of a sheet as arrays of cell values, without exceljs's empty first column. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  return Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? Array.from(row.slice(1)) : []));
}
