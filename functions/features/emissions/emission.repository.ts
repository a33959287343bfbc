import { emissionKey } from '../../../shared/emissions-import/emission-key';
import type { EmissionValue } from '../../../shared/emissions-import/import.schema';
import { SECTOR_IDS, type SectorId } from '../../../shared/emissions-import/sectors';
import type { EmissionRow } from '../../../shared/scoring/emission-outcome.schema';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** A conditional emission write found another import (or none) holding the value. */
export class ConditionFailed extends Error {
  override readonly name = 'ConditionFailed';
}

/** The value an emission item replaced, kept on the item. */
export interface PreviousEmission {
  tonnesCO2e: number;
  population?: number;
  importId: string;
}

/** An emission value as stored: the value, the import that wrote it and the value it replaced. */
export interface EmissionRecord extends EmissionValue {
  importId: string;
  updatedAt: string;
  previous?: PreviousEmission;
}

/** How many partitions are read at once when a whole file's organisations are loaded. */
const READ_CONCURRENCY = 16;

/**
 * Emission values: one item per organisation, year and main sector, in the organisation's
 * partition (`emissionsOfOrganisation`), so one query answers everything about one organisation.
 * Every write is a single-item conditional write on the import that holds the value.
 */
export class EmissionRepository {
  constructor(private readonly store: TableStore) {}

  /** One organisation's values, by year and sector. One query (a few pages at most). */
  async ofOrganisation(organisationId: string): Promise<EmissionRecord[]> {
    const items = await this.store.queryAll({ partition: keys.emissionsPk(organisationId) });
    return items.map(toRecord).filter((record): record is EmissionRecord => record !== undefined);
  }

  /** The values of many organisations, keyed by {@link emissionKey}: one query per organisation. */
  async ofOrganisations(organisationIds: Iterable<string>): Promise<Map<string, EmissionRecord>> {
    const byKey = new Map<string, EmissionRecord>();
    for (const records of (await this.byOrganisation(organisationIds)).values()) {
      for (const record of records) byKey.set(emissionKey(record), record);
    }
    return byKey;
  }

  /**
   * The values of many organisations, by organisation (those with none are left out): one query
   * per organisation, {@link READ_CONCURRENCY} at a time, so callers pass only the organisations
   * they need (Klimatläget: the respondents; a commit: the file's organisations).
   */
  async byOrganisation(organisationIds: Iterable<string>): Promise<Map<string, EmissionRecord[]>> {
    const byOrganisation = new Map<string, EmissionRecord[]>();
    await forEachLimited([...new Set(organisationIds)], READ_CONCURRENCY, async (organisationId) => {
      const records = await this.ofOrganisation(organisationId);
      if (records.length > 0) byOrganisation.set(organisationId, records);
    });
    return byOrganisation;
  }

  async get(value: Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>): Promise<EmissionRecord | undefined> {
    const item = await this.store.get(keys.emission(value.organisationId, value.year, value.sector));
    return item ? toRecord(item) : undefined;
  }

  /**
   * Writes `record` only if the stored value is still held by `expectedImportId` (undefined: no
   * value stored). Throws {@link ConditionFailed} otherwise, so the caller can tell "already
   * written by me" from "changed by someone else".
   */
  async putIf(record: EmissionRecord, expectedImportId: string | undefined): Promise<void> {
    await this.store.put(toItem(record), holderCondition(expectedImportId));
  }

  /** Deletes the value only if `expectedImportId` still holds it; throws {@link ConditionFailed} otherwise. */
  async deleteIf(value: Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>, expectedImportId: string) {
    await this.store.delete(
      keys.emission(value.organisationId, value.year, value.sector),
      holderCondition(expectedImportId),
    );
  }
}

/**
 * A stored value as the emission outcome reads it (year, sector, tonnes and a positive population);
 * where it came from stays behind.
 */
export function toEmissionRow(record: EmissionRecord): EmissionRow {
  return {
    year: record.year,
    sector: record.sector,
    tonnesCO2e: record.tonnesCO2e,
    ...(record.population !== undefined && record.population > 0 ? { population: record.population } : {}),
  };
}

function holderCondition(expectedImportId: string | undefined) {
  return expectedImportId === undefined
    ? { kind: 'expression' as const, expression: 'attribute_not_exists(pk)', onFail: () => new ConditionFailed() }
    : {
        kind: 'expression' as const,
        expression: '#importId = :holder',
        names: { '#importId': 'importId' },
        values: { ':holder': expectedImportId },
        onFail: () => new ConditionFailed(),
      };
}

function toItem(record: EmissionRecord): Item {
  return {
    ...keys.emission(record.organisationId, record.year, record.sector),
    entity: 'Emission',
    organisationId: record.organisationId,
    year: record.year,
    sector: record.sector,
    tonnesCO2e: record.tonnesCO2e,
    ...(record.population === undefined ? {} : { population: record.population }),
    importId: record.importId,
    updatedAt: record.updatedAt,
    ...(record.previous ? { previous: record.previous } : {}),
  };
}

function toRecord(item: Item): EmissionRecord | undefined {
  const sector = item.sector as SectorId;
  if (item.entity !== 'Emission' || !SECTOR_IDS.includes(sector)) return undefined;
  const previous = item.previous as PreviousEmission | undefined;
  return {
    organisationId: String(item.organisationId),
    year: Number(item.year),
    sector,
    tonnesCO2e: Number(item.tonnesCO2e),
    ...(typeof item.population === 'number' ? { population: item.population } : {}),
    importId: String(item.importId ?? ''),
    updatedAt: String(item.updatedAt ?? ''),
    ...(previous
      ? {
          previous: {
            tonnesCO2e: Number(previous.tonnesCO2e),
            ...(typeof previous.population === 'number' ? { population: previous.population } : {}),
            importId: String(previous.importId),
          },
        }
      : {}),
  };
}

/** Runs `work` over `items` with at most `limit` in flight; the first failure rejects. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length && !shouldStop()) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
