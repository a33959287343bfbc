import { createHash, randomUUID } from 'node:crypto';
import { diffEmissions } from '../../../shared/emissions-import/diff';
import { emissionKey } from '../../../shared/emissions-import/emission-key';
import type { EmissionValue, ImportIssue } from '../../../shared/emissions-import/import.schema';
import { issueText } from '../../../shared/emissions-import/messages';
import { MAX_IMPORT_BYTES, parseEmissionsFile } from '../../../shared/emissions-import/parse-emissions';
import {
  namedOrganisations,
  type PartialYears,
  partialYearIssues,
  partialYearWarnings,
  rollbackPartialYears,
} from '../../../shared/emissions-import/partial-years';
import { formatStockholm } from '../../../shared/i18n/format-date';
import type {
  CommitCounts,
  CommitResponse,
  ImportPreviewResponse,
  ImportSummary,
  OutdatedBy,
  RollbackCounts,
  RollbackPreview,
  RollbackResponse,
} from '../../../shared/schemas/emission-import.schema';
import { DomainRuleError, PayloadTooLargeError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { AuditLog } from '../audit/audit.log';
import {
  ConditionFailed,
  type EmissionRecord,
  type EmissionRepository,
  forEachLimited,
} from '../emissions/emission.repository';
import type { PublishedYearRespondents } from '../klimatlaget/published-respondents';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { HistoryEntry, ImportRecord, ImportRepository, PlannedChange } from './import.repository';

/** Conditional writes in flight at once during a commit or rollback. */
const WRITE_CONCURRENCY = 25;
/** How many earlier imports are checked for the same file, and for a later one that outdates a preview. */
const SAME_FILE_LOOKBACK = 50;
/** At most this many superseded values are named in a refused rollback. */
const MAX_NAMED_VALUES = 50;

export interface ImportFile {
  bytes: Uint8Array;
  fileName: string;
  sheet?: string;
}

export interface RunOptions {
  /** Called as values are written, with values done and values in total. */
  onProgress?: (done: number, total: number) => void;
  /** Epoch milliseconds after which a commit stops and answers "not done" (the API's time budget). */
  deadline?: number;
}

interface ImportServiceDeps {
  imports: ImportRepository;
  emissions: EmissionRepository;
  organisations: OrganisationRepository;
  audit: AuditLog;
  clock: Clock;
  /**
   * The published years and their respondents, for the warnings that saving or rolling back
   * changes emissions a published year rests on. Without it no such warning is given.
   */
  published?: { list(): Promise<PublishedYearRespondents[]> };
}

/**
 * The Sustainable Advantage import: preview a file (nothing touches the emissions data), commit it
 * (only what differs is written, each value a conditional write keeping the value it replaced),
 * and roll it back. No transactions: the import's state and the per-value conditions make every
 * step safe to run again after a failure, and a half-done run never leaves a mix.
 */
export class ImportService {
  constructor(private readonly deps: ImportServiceDeps) {}

  /**
   * Parses the file, diffs it with storage and stores the import as `previewed`, with its parsed
   * values in chunks when it has no errors. Throws PayloadTooLargeError over 20 MB and
   * DomainRuleError `unreadable_file` (422) when the file is no spreadsheet at all (empty, a PDF
   * or an image, an old .xls, a missing sheet); nothing is stored then.
   */
  async preview(
    file: ImportFile,
    actor: string,
    options: { onProgress?: (done: number, total: number) => void } = {},
  ): Promise<ImportPreviewResponse> {
    if (file.bytes.length > MAX_IMPORT_BYTES) {
      const megabytes = MAX_IMPORT_BYTES / 1024 / 1024;
      throw new PayloadTooLargeError(
        `Filen är större än ${megabytes} MB.`,
        undefined,
        `The file is larger than ${megabytes} MB.`,
      );
    }
    const register = (await this.deps.organisations.list()).map(({ id, name, type }) => ({ code: id, name, type }));
    const now = this.deps.clock.now();
    const parsed = await parseEmissionsFile(file, register, { now, onProgress: options.onProgress });
    if (parsed.fileType === null) {
      throw new DomainRuleError(
        'unreadable_file',
        parsed.errors[0]?.message ?? `Filen "${file.fileName}" kunde inte läsas.`,
        { errors: parsed.errors },
        parsed.errors[0]?.messageEn,
      );
    }
    const existing = await this.deps.emissions.ofOrganisations(parsed.organisations.matched);
    const diff = diffEmissions(parsed.values, [...existing.values()]);
    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const names = new Map(register.map((o) => [o.code, `${o.name} (${o.code})`]));
    const changedOrganisations = new Set(diff.changes.map((change) => change.after.organisationId));
    const warnings = [
      ...parsed.warnings,
      ...(await this.sameFileWarnings(sha256)),
      // What the data will look like once saved: a year left with some sectors becomes a partial total.
      ...partialYearWarnings(parsed.values, existing.values(), (code) => names.get(code) ?? code),
      ...(await this.publishedYearWarnings(changedOrganisations, 'commit')),
    ];
    const valueChunks = parsed.errors.length === 0 ? await this.deps.imports.putValues(id, parsed.values) : 0;
    const record: ImportRecord = {
      id,
      state: 'previewed',
      fileName: file.fileName,
      sha256,
      sizeBytes: file.bytes.length,
      fileType: parsed.fileType,
      layout: parsed.layout,
      ...(parsed.sheet === undefined ? {} : { sheet: parsed.sheet }),
      ...(parsed.encoding === undefined ? {} : { encoding: parsed.encoding }),
      ...(parsed.delimiter === undefined ? {} : { delimiter: parsed.delimiter }),
      headerRow: parsed.headerRow,
      createdAt: now.toISOString(),
      createdBy: actor,
      rows: parsed.rows,
      values: parsed.values.length,
      organisationCount: parsed.organisations.matched.length,
      unknownOrganisationCount: parsed.organisations.unknown.length,
      organisations: parsed.organisations,
      years: parsed.years,
      sectors: parsed.sectors,
      errors: parsed.errors,
      warnings,
      errorCount: parsed.errors.length,
      warningCount: warnings.length,
      changes: { new: diff.new, changed: diff.changed, unchanged: diff.unchanged },
      valueChunks,
    };
    await this.deps.imports.create(record);
    return {
      id,
      state: record.state,
      fileName: record.fileName,
      sha256,
      layout: record.layout,
      rows: record.rows,
      organisations: record.organisations,
      years: record.years,
      sectors: record.sectors,
      errors: record.errors,
      warnings,
      changes: record.changes,
    };
  }

  /**
   * The imports, newest first, each preview not yet committed with `outdatedBy` when a later
   * import changed data of the same organisations and years after it was made (see
   * {@link outdatedBy}): one query.
   */
  async list(limit: number): Promise<ImportSummary[]> {
    const history = await this.deps.imports.history(limit);
    return history.map((entry) => {
      const later = outdatedBy(entry, history);
      return later ? { ...entry.summary, outdatedBy: later } : entry.summary;
    });
  }

  /**
   * Writes the import's values. Only a preview without errors can be committed (else 422 with the
   * errors), and only while it is up to date: a preview made before another import changed data it
   * covers (see assertUpToDate) answers 409 `import_outdated`, since its counts, and perhaps its
   * file, are older than the data (upload the file again). The first run fixes the plan (what
   * differs from storage, with the values it replaces) and moves the import to `committing`; every
   * run then writes the planned values not yet written, each with a conditional put, and the last
   * moves it to `committed`. With a `deadline` it stops early and answers `done: false`; calling
   * again continues.
   *
   * Where a run starts: the first run writes the plan it just made, without reading storage again.
   * A run that stops at the deadline saves how many leading planned values are stored
   * (`result.written`); the next run reads storage only for the organisations of the rest, so a
   * long commit does not re-read every value on every call. Before the import becomes `committed`,
   * the values a run skipped that way are checked once against storage (and written if missing),
   * so the end state is exactly the file whatever an earlier run recorded.
   */
  async commit(id: string, actor: string, options: RunOptions = {}): Promise<CommitResponse> {
    let record = await this.deps.imports.require(id);
    if (record.errors.length > 0) {
      throw new DomainRuleError(
        'import_has_errors',
        `Filen har ${record.errorCount} fel och kan inte sparas. Rätta felen och ladda upp filen igen.`,
        { errors: record.errors },
        `The file has ${record.errorCount} ${record.errorCount === 1 ? 'error' : 'errors'} and cannot be saved. Correct them and upload the file again.`,
      );
    }
    if (record.state === 'committed') {
      return { id, state: record.state, done: true, alreadyCommitted: true, remaining: 0, result: resultOf(record) };
    }
    if (record.state === 'rolling_back' || record.state === 'rolled_back') {
      throw new StateConflictError(
        'import_rolled_back',
        'Importen har ångrats och kan inte sparas igen. Ladda upp filen på nytt.',
      );
    }
    let planned: PlannedChange[] | undefined;
    if (record.state === 'previewed') ({ record, changes: planned } = await this.plan(record, actor));
    const plan = record.plan;
    if (!plan) {
      throw new StateConflictError(
        'import_incomplete',
        'Importen saknar plan. Ladda upp filen på nytt.',
        undefined,
        'The import has no plan. Upload the file again.',
      );
    }

    const changes = planned ?? (await this.deps.imports.changes(id, plan.changeChunks));
    // Values before `start` were stored by earlier runs (checked once more before finishing).
    const start = planned ? 0 : Math.min(Math.max(record.result?.written ?? 0, 0), changes.length);
    const rest = changes.slice(start);
    // Which of the rest are stored already (by a run that failed part-way, or one running now).
    // Right after planning nothing is: this import has not written anything yet.
    const stored = planned ? new Set<number>() : await this.storedByThisImport(id, rest);
    const pending = rest.map((_, index) => index).filter((index) => !stored.has(index));
    const confirmed = new Uint8Array(rest.length);
    for (const index of stored) confirmed[index] = 1;
    let done = start + stored.size;
    // The planned values known to be stored, counted from the first one without a gap.
    const storedPrefix = () => {
      let n = 0;
      while (n < rest.length && confirmed[n] === 1) n++;
      return start + n;
    };
    const result = (written: number): CommitCounts => ({
      new: plan.new,
      changed: plan.changed,
      unchanged: plan.unchanged,
      written,
    });
    const now = this.deps.clock.now().toISOString();
    options.onProgress?.(done, changes.length);
    const outOfTime = () => options.deadline !== undefined && Date.now() > options.deadline;

    await forEachLimited(
      pending,
      WRITE_CONCURRENCY,
      async (index) => {
        await this.writeChange(id, rest[index] as PlannedChange, now);
        confirmed[index] = 1;
        done++;
        options.onProgress?.(done, changes.length);
      },
      outOfTime,
    );
    const written = storedPrefix();
    if (written < changes.length || (start > 0 && outOfTime())) {
      await this.deps.imports.saveProgress(id, result(written));
      return {
        id,
        state: 'committing',
        done: false,
        alreadyCommitted: false,
        remaining: changes.length - written,
        result: result(written),
      };
    }
    if (start > 0) {
      // The values earlier runs stored: still this import's? Any that are not are written now
      // (conditionally, so a value another import took since stops the commit with import_conflict).
      const head = changes.slice(0, start);
      const ok = await this.storedByThisImport(id, head);
      const missing = head.filter((_, index) => !ok.has(index));
      await forEachLimited(missing, WRITE_CONCURRENCY, (change) => this.writeChange(id, change, now));
    }
    // Before finishing, so a crash between the two lines repeats it on the re-run rather than lose
    // it; keyed by the plan's start, so a repeat, or a second run finishing at the same moment,
    // writes no second entry.
    await this.deps.audit.record(
      {
        actor,
        action: 'import.commit',
        target: `import:${id}`,
        after: { fileName: record.fileName, sha256: record.sha256, ...result(changes.length) },
      },
      plan.startedAt ? { id: `import-commit-${id}`, at: plan.startedAt } : undefined,
    );
    const committed = await this.finish(id, 'committing', 'committed', {
      result: result(changes.length),
      committedAt: this.deps.clock.now().toISOString(),
      committedBy: actor,
    });
    return {
      id,
      state: committed.record.state,
      done: true,
      // A run that finished at the same moment as another: that one committed it.
      alreadyCommitted: !committed.moved,
      remaining: 0,
      result: result(changes.length),
    };
  }

  /** Indexes (into `changes`) of the planned values storage holds for this import: one query per organisation. */
  private async storedByThisImport(id: string, changes: readonly PlannedChange[]): Promise<Set<number>> {
    const current = await this.deps.emissions.ofOrganisations(organisationsOf(changes.map((change) => change.after)));
    const stored = new Set<number>();
    changes.forEach((change, index) => {
      if (current.get(emissionKey(change.after))?.importId === id) stored.add(index);
    });
    return stored;
  }

  /**
   * Restores the values the import replaced and deletes the values it created. Refused (422
   * `import_superseded`, naming them) when a later import changed any of them. Re-runnable: a
   * rollback that failed part-way stays `rolling_back` and completes when run again.
   */
  async rollback(id: string, actor: string, options: RunOptions = {}): Promise<RollbackResponse> {
    const record = await this.deps.imports.require(id);
    if (record.state === 'rolled_back') {
      return {
        id,
        state: record.state,
        alreadyRolledBack: true,
        result: record.rollback ?? { restored: 0, deleted: 0 },
        warnings: [],
      };
    }
    const { changes, pending, warnings } = await this.rollbackPlan(record);
    let rollbackStartedAt = record.rollbackStartedAt;
    if (record.state === 'committed') {
      rollbackStartedAt = this.deps.clock.now().toISOString();
      await this.deps.imports.transition(id, 'committed', 'rolling_back', { rollbackStartedAt });
    }

    const result = rollbackCounts(changes);
    let done = 0;
    options.onProgress?.(changes.length - pending.length, changes.length);
    await forEachLimited(pending, WRITE_CONCURRENCY, async (change) => {
      await this.undoChange(id, change);
      done++;
      options.onProgress?.(changes.length - pending.length + done, changes.length);
    });
    // Written once however many runs get here, as the commit's entry is.
    await this.deps.audit.record(
      {
        actor,
        action: 'import.rollback',
        target: `import:${id}`,
        after: { fileName: record.fileName, sha256: record.sha256, ...result },
      },
      rollbackStartedAt ? { id: `import-rollback-${id}`, at: rollbackStartedAt } : undefined,
    );
    const rolledBack = await this.finish(id, 'rolling_back', 'rolled_back', {
      rollback: result,
      rolledBackAt: this.deps.clock.now().toISOString(),
      rolledBackBy: actor,
    });
    return { id, state: rolledBack.record.state, alreadyRolledBack: !rolledBack.moved, result, warnings };
  }

  /**
   * What {@link rollback} would do now, and the warnings it would answer, without writing anything:
   * the same checks (refused as the rollback would be) and the same reads, by the same code.
   */
  async rollbackPreview(id: string): Promise<RollbackPreview> {
    const record = await this.deps.imports.require(id);
    const base = { id, state: record.state, fileName: record.fileName };
    if (record.state === 'rolled_back') {
      const result = record.rollback ?? { restored: 0, deleted: 0 };
      return { ...base, alreadyRolledBack: true, result, organisations: 0, years: null, warnings: [] };
    }
    const { changes, warnings } = await this.rollbackPlan(record);
    const years = changes.map((change) => change.after.year);
    return {
      ...base,
      alreadyRolledBack: false,
      result: rollbackCounts(changes),
      organisations: new Set(changes.map((change) => change.after.organisationId)).size,
      years: years.length > 0 ? [Math.min(...years), Math.max(...years)] : null,
      warnings,
    };
  }

  /**
   * A rollback's plan, read without writing: the import's planned changes, those whose value it
   * still holds (to undo), and the warnings. Throws StateConflictError `import_not_committed` for
   * an import not (yet fully) saved, and DomainRuleError `import_superseded` (naming up to 50 values)
   * when a later import changed one of its values.
   */
  private async rollbackPlan(
    record: ImportRecord,
  ): Promise<{ changes: PlannedChange[]; pending: PlannedChange[]; warnings: ImportIssue[] }> {
    const { id } = record;
    if (record.state === 'previewed') {
      throw new StateConflictError('import_not_committed', 'Importen har inte sparats, så det finns inget att ångra.');
    }
    if (record.state === 'committing') {
      throw new StateConflictError(
        'import_not_committed',
        'Importen håller på att sparas. Slutför sparandet först (spara igen), ångra sedan.',
        undefined,
        'The import is being saved. Finish saving it first (save again), then undo it.',
      );
    }
    const changes = await this.deps.imports.changes(id, record.plan?.changeChunks ?? 0);
    const current = await this.deps.emissions.ofOrganisations(changes.map((change) => change.after.organisationId));
    const pending: PlannedChange[] = [];
    const superseded: { organisationId: string; year: number; sector: string; importId: string | null }[] = [];
    for (const change of changes) {
      const stored = current.get(emissionKey(change.after));
      if (stored?.importId === id) pending.push(change);
      else if (!isRestored(change, stored)) {
        const { organisationId, year, sector } = change.after;
        superseded.push({ organisationId, year, sector, importId: stored?.importId ?? null });
      }
    }
    if (superseded.length > 0) {
      throw new DomainRuleError(
        'import_superseded',
        `Importen kan inte ångras: ${superseded.length} värden har ändrats av senare importer. Ångra de senare importerna först.`,
        { count: superseded.length, values: superseded.slice(0, MAX_NAMED_VALUES) },
        `The import cannot be undone: ${superseded.length} ${superseded.length === 1 ? 'value has' : 'values have'} been changed by later imports. Undo those imports first.`,
      );
    }
    // What is stored once it is done: each value restored, or deleted where the import created it.
    const partial = rollbackPartialYears(
      current.values(),
      changes.map((change) => ({ value: change.after, deleted: !change.before })),
    );
    const warnings = [
      ...(await this.namedPartialYearIssues(partial)),
      ...(await this.publishedYearWarnings(
        new Set(changes.map((change) => change.after.organisationId)),
        'rollback',
        record.committedAt,
      )),
    ];
    return { changes, pending, warnings };
  }

  /**
   * Diffs the import's values with storage and fixes that plan; moves previewed → committing.
   * Answers the plan's changes, or none when a concurrent commit fixed the plan first (its changes
   * are then read back, with what it may have written).
   */
  private async plan(
    record: ImportRecord,
    actor: string,
  ): Promise<{ record: ImportRecord; changes?: PlannedChange[] }> {
    const values = await this.deps.imports.values(record.id, record.valueChunks);
    const existing = await this.deps.emissions.ofOrganisations(organisationsOf(values));
    await this.assertUpToDate(record, values, existing);
    const diff = diffEmissions(values, [...existing.values()]);
    const changes: PlannedChange[] = diff.changes.map((change) => {
      const stored = existing.get(change.key);
      return {
        after: change.after,
        ...(stored
          ? {
              before: {
                tonnesCO2e: stored.tonnesCO2e,
                ...(stored.population === undefined ? {} : { population: stored.population }),
                importId: stored.importId,
                updatedAt: stored.updatedAt,
                ...(stored.previous ? { previous: stored.previous } : {}),
              },
            }
          : {}),
      };
    });
    const changeChunks = await this.deps.imports.putChanges(record.id, changes);
    try {
      const committing = await this.deps.imports.transition(record.id, 'previewed', 'committing', {
        plan: {
          new: diff.new,
          changed: diff.changed,
          unchanged: diff.unchanged,
          changeChunks,
          startedAt: this.deps.clock.now().toISOString(),
        },
        result: { new: diff.new, changed: diff.changed, unchanged: diff.unchanged, written: 0 },
        committedBy: actor,
      });
      return { record: committing, changes };
    } catch (error) {
      // A concurrent commit fixed the plan first (with the same content): continue with it.
      const now = await this.deps.imports.require(record.id);
      if (now.state === 'committing' && now.plan) return { record: now };
      throw error;
    }
  }

  /**
   * Throws StateConflictError `import_outdated` when the preview is older than the data it would
   * change: a recent import was saved or rolled back since, changing data of its organisations and
   * years (what the list shows as `outdatedBy`), or a stored value the file would change was written
   * after it by another import (the same check for imports the list no longer reaches). Values
   * this import wrote itself (a concurrent run of its own commit) do not count.
   */
  private async assertUpToDate(
    record: ImportRecord,
    values: readonly EmissionValue[],
    stored: Map<string, EmissionRecord>,
  ): Promise<void> {
    const history = await this.deps.imports.history(SAME_FILE_LOOKBACK);
    const self = history.find((entry) => entry.summary.id === record.id) ?? {
      summary: record,
      organisations: record.organisations.matched,
    };
    const later = outdatedBy(self, history);
    const written = values.filter((value) => {
      const now = stored.get(emissionKey(value));
      return now !== undefined && now.importId !== record.id && now.updatedAt > record.createdAt;
    });
    if (!later && written.length === 0) return;
    const by = later
      ? `"${later.fileName}" ${later.action === 'committed' ? 'sparades' : 'ångrades'} ${formatStockholm(later.at)}`
      : 'en annan import sparades';
    const byEn = later
      ? `"${later.fileName}" was ${later.action === 'committed' ? 'saved' : 'undone'} on ${formatStockholm(later.at, 'en')}`
      : 'another import was saved';
    throw new StateConflictError(
      'import_outdated',
      `Förhandsgranskningen av "${record.fileName}" är inaktuell: ${by} efter att filen lästes och ändrade värden för ` +
        'samma organisationer. Ladda upp filen igen för att se vad den ändrar nu.',
      { outdatedBy: later ?? null, valuesWrittenSince: written.length },
      `The preview of "${record.fileName}" is out of date: ${byEn} after the file was read and changed values of ` +
        'the same organisations. Upload the file again to see what it changes now.',
    );
  }

  /** One planned value: a put conditioned on the import that holds the stored value now. */
  private async writeChange(id: string, change: PlannedChange, now: string): Promise<void> {
    const { after, before } = change;
    // Exports often leave population out; a new figure without one keeps the stored population.
    const population = after.population ?? before?.population;
    const record: EmissionRecord = {
      ...after,
      ...(population === undefined ? {} : { population }),
      importId: id,
      updatedAt: now,
      ...(before
        ? {
            previous: {
              tonnesCO2e: before.tonnesCO2e,
              ...(before.population === undefined ? {} : { population: before.population }),
              importId: before.importId,
            },
          }
        : {}),
    };
    try {
      await this.deps.emissions.putIf(record, before?.importId);
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      const stored = await this.deps.emissions.get(after);
      if (stored?.importId === id) return;
      throw changedMeanwhile(after, stored);
    }
  }

  /** Puts back the value the import replaced, or deletes the value it created; only while it holds it. */
  private async undoChange(id: string, change: PlannedChange): Promise<void> {
    const { after, before } = change;
    try {
      if (before) {
        const { organisationId, year, sector } = after;
        await this.deps.emissions.putIf({ organisationId, year, sector, ...before }, id);
      } else {
        await this.deps.emissions.deleteIf(after, id);
      }
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      const stored = await this.deps.emissions.get(after);
      if (isRestored(change, stored)) return;
      throw changedMeanwhile(after, stored);
    }
  }

  private async finish(
    id: string,
    from: 'committing' | 'rolling_back',
    to: 'committed' | 'rolled_back',
    fields: Record<string, unknown>,
  ): Promise<{ record: ImportRecord; moved: boolean }> {
    try {
      return { record: await this.deps.imports.transition(id, from, to, fields), moved: true };
    } catch (error) {
      // Two runs finished at once: the other one moved it already.
      const now = await this.deps.imports.require(id);
      if (now.state === to) return { record: now, moved: false };
      throw error;
    }
  }

  /**
   * One warning per published year whose respondents include organisations whose emissions this
   * changes. Its frozen Utfall stays, also through a correction, so a commit changes only what the
   * next year's report reads; a rollback warns only for a year whose Utfall was frozen after the
   * import was saved (which rests on it).
   * A year published before outcomes were frozen reads current emissions, so any change shows there.
   */
  private async publishedYearWarnings(
    organisations: ReadonlySet<string>,
    action: 'commit' | 'rollback',
    committedAt?: string,
  ): Promise<ImportIssue[]> {
    if (!this.deps.published || organisations.size === 0) return [];
    const years = await this.deps.published.list();
    const issues: ImportIssue[] = [];
    for (const entry of years) {
      const count = [...organisations].filter((code) => entry.respondents.has(code)).length;
      if (count === 0) continue;
      if (action === 'rollback' && entry.frozen && (!committedAt || committedAt > entry.outcomesFrozenAt)) continue;
      const date = entry.publishedAt.slice(0, 10);
      const text =
        action === 'commit'
          ? issueText.publishedYearChanged(entry.year, entry.revision, date, count, entry.frozen)
          : issueText.publishedYearRollback(entry.year, entry.revision, date, count, entry.frozen);
      issues.push({ row: null, column: null, ...text });
    }
    return issues;
  }

  /**
   * The partial-year warnings, naming each organisation as the import's preview does: their names
   * are read (one BatchGetItem, at most 20 organisations) only when there is something to warn about.
   */
  private async namedPartialYearIssues(found: readonly PartialYears[]): Promise<ImportIssue[]> {
    if (found.length === 0) return [];
    const organisations = await this.deps.organisations.getMany(namedOrganisations(found));
    const names = new Map(organisations.map((o) => [o.id, `${o.name} (${o.id})`]));
    return partialYearIssues(found, (code) => names.get(code) ?? code);
  }

  private async sameFileWarnings(sha256: string): Promise<ImportIssue[]> {
    const earlier = await this.deps.imports.list(SAME_FILE_LOOKBACK);
    const same = earlier.find((entry) => entry.sha256 === sha256 && entry.state === 'committed');
    if (!same) return [];
    const date = (same.committedAt ?? same.createdAt).slice(0, 10);
    return [{ row: null, column: null, ...issueText.sameFileCommitted(date, same.committedBy ?? same.createdBy) }];
  }
}

/**
 * The import that makes a preview out of date, if any: among `history`, the latest other import
 * saved (with values new or changed) or rolled back after `entry` was previewed, sharing an
 * organisation and a year with it (so it may have changed a value the preview counted). Only a
 * preview not yet committed (`previewed`) can be out of date; an import that changed nothing (a
 * commit of the same data) outdates nothing.
 */
export function outdatedBy(entry: HistoryEntry, history: readonly HistoryEntry[]): OutdatedBy | undefined {
  if (entry.summary.state !== 'previewed') return undefined;
  const mine = new Set(entry.organisations);
  let latest: OutdatedBy | undefined;
  for (const other of history) {
    const { summary } = other;
    if (summary.id === entry.summary.id || !other.organisations.some((code) => mine.has(code))) continue;
    if (!yearsOverlap(summary.years, entry.summary.years)) continue;
    const events: OutdatedBy[] = [];
    const wrote = (summary.result?.new ?? 0) + (summary.result?.changed ?? 0) > 0;
    if (summary.committedAt && wrote) {
      events.push({ id: summary.id, fileName: summary.fileName, action: 'committed', at: summary.committedAt });
    }
    const undid = (summary.rollback?.restored ?? 0) + (summary.rollback?.deleted ?? 0) > 0;
    if (summary.rolledBackAt && undid) {
      events.push({ id: summary.id, fileName: summary.fileName, action: 'rolled_back', at: summary.rolledBackAt });
    }
    for (const event of events) {
      if (event.at > entry.summary.createdAt && (!latest || event.at > latest.at)) latest = event;
    }
  }
  return latest;
}

/** Whether two files' year spans share a year (files without values share none). */
function yearsOverlap(a: [number, number] | null, b: [number, number] | null): boolean {
  return a !== null && b !== null && a[0] <= b[1] && b[0] <= a[1];
}

function resultOf(record: ImportRecord): CommitCounts {
  return record.result ?? { ...record.changes, written: 0 };
}

function organisationsOf(values: readonly EmissionValue[]): string[] {
  return [...new Set(values.map((value) => value.organisationId))];
}

/** A rollback's counts: values it sets back to what they were, and values the import created, deleted. */
function rollbackCounts(changes: readonly PlannedChange[]): RollbackCounts {
  const restored = changes.filter((change) => change.before).length;
  return { restored, deleted: changes.length - restored };
}

/** True when the stored value is what the change replaced (or absent, for a value the change created). */
function isRestored(change: PlannedChange, stored: EmissionRecord | undefined): boolean {
  if (!change.before) return stored === undefined;
  return (
    stored !== undefined && stored.importId === change.before.importId && stored.tonnesCO2e === change.before.tonnesCO2e
  );
}

function changedMeanwhile(value: EmissionValue, stored: EmissionRecord | undefined): DomainRuleError {
  return new DomainRuleError(
    'import_conflict',
    `Värdet för ${value.organisationId}, ${value.year}, ${value.sector} ändrades av en annan import under tiden. Ladda upp filen på nytt.`,
    {
      organisationId: value.organisationId,
      year: value.year,
      sector: value.sector,
      importId: stored?.importId ?? null,
    },
    `The value for ${value.organisationId}, ${value.year}, ${value.sector} was changed by another import in the meantime. Upload the file again.`,
  );
}
