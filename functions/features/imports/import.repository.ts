import { z } from 'zod';
import type { EmissionValue } from '../../../shared/emissions-import/import.schema';
import { SECTOR_IDS, type SectorId } from '../../../shared/emissions-import/sectors';
import {
  type CommitCounts,
  type ImportDetail,
  ImportDetailSchema,
  type ImportState,
  type ImportSummary,
  ImportSummarySchema,
  type RollbackCounts,
} from '../../../shared/schemas/emission-import.schema';
import { NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Item, TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';
import type { EmissionRecord } from '../emissions/emission.repository';

/** A chunk item stays well under DynamoDB's 400 KB item limit. */
export const CHUNK_CHARS = 300_000;

/** What the commit decided to write, fixed when the import moves to `committing`. */
export interface CommitPlan {
  new: number;
  changed: number;
  unchanged: number;
  changeChunks: number;
  /** When the plan was fixed: the commit's audit entry is keyed by it, so it is written once. Absent on older imports. */
  startedAt?: string;
}

/** An import as stored: what the preview showed, the plan, and what commit and rollback did. */
export interface ImportRecord extends ImportDetail {
  valueChunks: number;
  plan?: CommitPlan;
  /** When the rollback began: its audit entry is keyed by it, so it is written once. */
  rollbackStartedAt?: string;
}

/** One value the commit writes, with the stored value it replaces (absent for a new value). */
export interface PlannedChange {
  after: EmissionValue;
  before?: Omit<EmissionRecord, 'organisationId' | 'year' | 'sector'>;
}

type ValueTuple = [string, number, number, number, number | null];

/** An import as the history lists it, with the organisations it has values for. */
export interface HistoryEntry {
  summary: ImportSummary;
  organisations: readonly string[];
}

const MatchedOrganisationsSchema = z.object({ matched: z.array(z.string()) });

/**
 * Imports (`importById`, `allImports`) and, under each import's partition, the chunks that keep
 * its parsed values (`importValues`) and its commit plan (`importChanges`). Chunks are written
 * with BatchWriteItem: plain puts of content that never changes, so re-running is harmless.
 */
export class ImportRepository {
  constructor(private readonly store: TableStore) {}

  async get(id: string): Promise<ImportRecord | undefined> {
    const item = await this.store.get(keys.importRecord(id));
    return item ? toRecord(item) : undefined;
  }

  async require(id: string): Promise<ImportRecord> {
    const found = await this.get(id);
    if (!found) throw new NotFoundError('Importen finns inte.', 'import_not_found');
    return found;
  }

  /** Newest first. */
  async list(limit: number): Promise<ImportSummary[]> {
    return (await this.history(limit)).map((entry) => entry.summary);
  }

  /** Newest first, each with the codes of the organisations its file has values for: one query. */
  async history(limit: number): Promise<HistoryEntry[]> {
    const { items } = await this.store.query({
      index: 'gsi1',
      partition: keys.allImportsPk,
      newestFirst: true,
      limit,
    });
    return items.map((item) => ({
      summary: ImportSummarySchema.parse(item),
      organisations: MatchedOrganisationsSchema.safeParse(item.organisations).data?.matched ?? [],
    }));
  }

  /** Creates the import record; throws AlreadyExistsError when the id is taken. */
  async create(record: ImportRecord): Promise<void> {
    await this.store.put(
      {
        ...keys.importRecord(record.id),
        ...keys.importListing(record.createdAt, record.id),
        entity: 'EmissionImport',
        ...stripUndefined(record),
      },
      { kind: 'absent' },
    );
  }

  /**
   * Moves the import from `from` to `to` and sets `fields`, in one conditional update.
   * Throws StateConflictError (with the stored state) when the import is no longer in `from`.
   */
  async transition(
    id: string,
    from: ImportState,
    to: ImportState,
    fields: { plan?: CommitPlan; result?: CommitCounts; rollback?: RollbackCounts } & Record<string, unknown> = {},
  ): Promise<ImportRecord> {
    const item = await this.store.update(
      keys.importRecord(id),
      { set: { ...stripUndefined(fields), state: to } },
      {
        kind: 'expression',
        expression: '#state = :from',
        names: { '#state': 'state' },
        values: { ':from': from },
        onFail: () =>
          new StateConflictError('import_state_changed', 'Importen ändrades samtidigt av någon annan. Försök igen.'),
      },
    );
    return toRecord(item);
  }

  /** Records commit progress while the import is `committing`; harmless to repeat. */
  async saveProgress(id: string, result: CommitCounts): Promise<void> {
    await this.store.update(
      keys.importRecord(id),
      { set: { result } },
      {
        kind: 'expression',
        expression: '#state = :committing',
        names: { '#state': 'state' },
        values: { ':committing': 'committing' },
        onFail: () => new StateConflictError('import_state_changed', 'Importen ändrades samtidigt av någon annan.'),
      },
    );
  }

  /** Stores the parsed values in chunks; answers the number of chunks. */
  async putValues(id: string, values: readonly EmissionValue[]): Promise<number> {
    const chunks = chunkJson(values.map(toTuple));
    await this.store.batchWrite(
      chunks.map((data, index) => ({ put: { ...keys.importValuesChunk(id, index), entity: 'ImportValues', data } })),
    );
    return chunks.length;
  }

  async values(id: string, expectedChunks: number): Promise<EmissionValue[]> {
    const items = await this.chunks(id, keys.importValuesPrefix, expectedChunks);
    return items.flatMap((data) => (JSON.parse(data) as ValueTuple[]).map(fromTuple));
  }

  /** Stores the commit plan in chunks; answers the number of chunks. */
  async putChanges(id: string, changes: readonly PlannedChange[]): Promise<number> {
    const chunks = chunkJson(
      changes.map((change) => ({ a: toTuple(change.after), ...(change.before ? { b: change.before } : {}) })),
    );
    await this.store.batchWrite(
      chunks.map((data, index) => ({ put: { ...keys.importChangesChunk(id, index), entity: 'ImportChanges', data } })),
    );
    return chunks.length;
  }

  async changes(id: string, expectedChunks: number): Promise<PlannedChange[]> {
    const items = await this.chunks(id, keys.importChangesPrefix, expectedChunks);
    return items.flatMap((data) =>
      (JSON.parse(data) as { a: ValueTuple; b?: PlannedChange['before'] }[]).map((entry) => ({
        after: fromTuple(entry.a),
        ...(entry.b ? { before: entry.b } : {}),
      })),
    );
  }

  private async chunks(id: string, prefix: string, expected: number): Promise<string[]> {
    const items = await this.store.queryAll({ partition: keys.importPk(id), beginsWith: prefix });
    // A chunk count that disagrees means a write was lost; never commit part of a file.
    if (items.length !== expected) {
      throw new StateConflictError(
        'import_incomplete',
        'Importens sparade värden är ofullständiga. Ladda upp filen på nytt.',
      );
    }
    return items.map((item) => String(item.data));
  }
}

function toTuple(value: EmissionValue): ValueTuple {
  return [
    value.organisationId,
    value.year,
    SECTOR_IDS.indexOf(value.sector),
    value.tonnesCO2e,
    value.population ?? null,
  ];
}

function fromTuple([organisationId, year, sector, tonnesCO2e, population]: ValueTuple): EmissionValue {
  return {
    organisationId,
    year,
    sector: SECTOR_IDS[sector] as SectorId,
    tonnesCO2e,
    ...(population === null ? {} : { population }),
  };
}

/** Splits entries into JSON arrays of at most {@link CHUNK_CHARS} characters (all ASCII, so bytes). */
function chunkJson(entries: readonly unknown[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 2;
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    if (current.length > 0 && length + json.length + 1 > CHUNK_CHARS) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      length = 2;
    }
    current.push(json);
    length += json.length + 1;
  }
  if (current.length > 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}

function toRecord(item: Item): ImportRecord {
  const detail = ImportDetailSchema.parse(item);
  return {
    ...detail,
    valueChunks: Number(item.valueChunks ?? 0),
    ...(item.plan ? { plan: item.plan as CommitPlan } : {}),
    ...(typeof item.rollbackStartedAt === 'string' ? { rollbackStartedAt: item.rollbackStartedAt } : {}),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
