import type { EmissionRow } from '../../../shared/scoring/emission-outcome.schema';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** At most this many emission queries run at once when many organisations are read. */
export const EMISSION_QUERY_CONCURRENCY = 8;

/**
 * Reads imported emissions (`EMISSIONS#<code> / <year>#<sector>`, written by the import feature).
 * One query per organisation; an organisation's rows (≤ 9 sectors × the years since 1990) fit one page.
 */
export class EmissionReader {
  constructor(private readonly store: TableStore) {}

  async rowsOf(organisationId: string): Promise<EmissionRow[]> {
    const items = await this.store.queryAll({ partition: keys.emissionsPk(organisationId) });
    const rows: EmissionRow[] = [];
    for (const item of items) {
      const { year, sector, tonnesCO2e, population } = item as Record<string, unknown>;
      if (typeof year !== 'number' || typeof sector !== 'string' || typeof tonnesCO2e !== 'number') continue;
      rows.push({
        year,
        sector,
        tonnesCO2e,
        ...(typeof population === 'number' && population > 0 ? { population } : {}),
      });
    }
    return rows;
  }

  /**
   * Rows of several organisations, EMISSION_QUERY_CONCURRENCY queries at a time: one query per
   * organisation, so callers pass only the organisations they need (publish: the respondents).
   */
  async rowsOfMany(organisationIds: readonly string[]): Promise<Record<string, EmissionRow[]>> {
    const out: Record<string, EmissionRow[]> = {};
    await forEachLimited(organisationIds, EMISSION_QUERY_CONCURRENCY, async (id) => {
      const rows = await this.rowsOf(id);
      if (rows.length > 0) out[id] = rows;
    });
    return out;
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(runners);
}
