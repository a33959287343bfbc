import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { contactIssueText } from '../../../shared/contacts-import/messages';
import { parseContactsCsv, type RowProblem } from '../../../shared/contacts-import/parse-contacts-csv';
import {
  type ContactImportCommitInput,
  type ContactImportCommitOutcome,
  ContactImportCommitOutcomeSchema,
  type ContactImportPlannedPreview,
  ContactImportPlannedPreviewSchema,
  chosenReplacements,
  planRoleHolders,
} from '../../../shared/contacts-import/role-holders';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type {
  ContactImportIssue,
  ContactImportPreview,
  ContactImportRow,
} from '../../../shared/schemas/contact-import.schema';
import { DomainRuleError, NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';
import { type AdminAddresses, emailIsAdminError } from '../admins/admin-addresses';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { ContactRepository } from './contact.repository';
import { auditChange, auditSummary, type ContactNotices, ContactService, type Notified } from './contact.service';

/** The start of a commit, stored on the preview by its first run (`claimStart`). */
const CommitStartSchema = z.object({
  at: z.string(),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
});
type CommitStart = z.infer<typeof CommitStartSchema>;

/** A preview can be committed for this long; checked in code, the item's TTL only cleans up. */
export const IMPORT_PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

interface ContactImportDeps {
  store: TableStore;
  contacts: ContactRepository;
  organisations: OrganisationRepository;
  sessions: SessionService;
  audit: AuditLog;
  clock: Clock;
  /** Admins' addresses (stored and ADMIN_EMAILS): none of them may be a contact's. */
  adminAddresses: AdminAddresses;
  /** A replaced holder is told by email, as one the console removes. */
  notices: ContactNotices;
}

type Register = Awaited<ReturnType<OrganisationRepository['register']>>;

/**
 * Contacts from CSV in two steps, like the emissions import: a stored preview with per-row errors
 * and the changes it would make, then a commit that applies it. The commit compares with the
 * register as it is then, so re-running an interrupted commit completes it; once a commit has
 * finished, committing again changes nothing. Rows add or change contacts; a new row whose role is
 * already held in its organisation (the statutes give each member one politician and one official)
 * names the holders in the preview, and the commit removes those of the rows the kansli chose to
 * replace, through the console's own removal (sessions ended before and after, audited).
 */
export class ContactImportService {
  /** The console's contact removal, so a replaced contact goes exactly as a removed one does. */
  private readonly register: ContactService;

  constructor(private readonly deps: ContactImportDeps) {
    this.register = new ContactService({
      contacts: deps.contacts,
      organisations: deps.organisations,
      sessions: deps.sessions,
      audit: deps.audit,
      adminAddresses: deps.adminAddresses,
      clock: deps.clock,
      notices: deps.notices,
    });
  }

  /** Parses the CSV, checks every row against the register and the admins, and stores the preview (two queries, one write). */
  async preview(csv: string, actor: string): Promise<ContactImportPlannedPreview> {
    const register = await this.deps.organisations.register();
    const adminAddresses = await this.deps.adminAddresses.all();
    const organisations = new Set(register.map((entry) => entry.organisation.id));
    const byEmail = contactsByEmail(register);
    // The register's checks run inside the parser, so their errors share its cap and "… N more" line.
    const parsed = parseContactsCsv(csv, (row): RowProblem | undefined => {
      if (!organisations.has(row.organisationId)) {
        return { column: 'kod', text: contactIssueText.unknownOrganisation(row.organisationId) };
      }
      if (!byEmail.has(row.email) && adminAddresses.has(row.email)) {
        return { column: 'e-post', text: contactIssueText.emailIsAdmin(row.email) };
      }
      return undefined;
    });
    const errors: ContactImportIssue[] = [...parsed.errors];
    const valid: ContactImportPreview['valid'] = [];
    for (const row of parsed.valid) {
      const existing = byEmail.get(row.email);
      const change = changeOf(row, existing);
      valid.push(
        change === 'changed' && existing
          ? {
              ...row,
              change,
              before: { organisationId: existing.organisationId, name: existing.name, role: existing.role },
            }
          : { ...row, change },
      );
    }
    // By row, file-wide problems first and the count of errors not listed last.
    const order = (issue: ContactImportIssue) => (issue.code === 'more_errors' ? Infinity : (issue.row ?? 0));
    errors.sort((a, b) => order(a) - order(b));
    const planned = planRoleHolders(
      valid,
      register.flatMap((entry) => entry.contacts),
    );
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + IMPORT_PREVIEW_TTL_MS);
    const preview: ContactImportPlannedPreview = {
      id: randomUUID(),
      rows: parsed.rows,
      valid: planned,
      errors,
      changes: {
        new: valid.filter((row) => row.change === 'new').length,
        changed: valid.filter((row) => row.change === 'changed').length,
        unchanged: valid.filter((row) => row.change === 'unchanged').length,
        replacements: planned.filter((row) => row.replaces).length,
      },
      createdAt: now.toISOString(),
      createdBy: actor,
      expiresAt: expiresAt.toISOString(),
    };
    await this.deps.store.put(
      {
        ...keys.contactImport(preview.id),
        entity: 'ContactImport',
        ...preview,
        ttl: Math.floor(expiresAt.getTime() / 1000) + 30 * 86400,
      },
      { kind: 'absent' },
    );
    return preview;
  }

  /**
   * Applies a stored preview. Throws NotFoundError for an unknown id, DomainRuleError
   * `import_has_errors` (details: the errors) or `import_expired`, StateConflictError
   * `email_is_admin` (before writing anything) when a new contact's address has become an admin's
   * since the preview. A second commit answers the first one's result with `alreadyCommitted: true`;
   * so do commits sent at the same time, all but the one whose result is stored, and they write one
   * `contact.import.commit` audit entry between them.
   *
   * `input.replace` lists the rows whose current role holders are removed (422
   * `unknown_replacement` for a row that is no candidate); without it nothing is removed. The first
   * commit stores the choice on the preview, so a re-run after a failure removes the same holders;
   * a re-run that asks for other rows answers 409 `import_choices_changed`, one without `replace`
   * uses the stored choice. Holders are removed after every row is applied (the organisation is
   * never left without the role), each only while it is still in the organisation with that role.
   */
  async commit(
    id: string,
    actor: string,
    input: ContactImportCommitInput = {},
  ): Promise<ContactImportCommitOutcome & Notified> {
    const item = await this.deps.store.get(keys.contactImport(id));
    if (!item) {
      throw new NotFoundError(
        'Importen finns inte. Ladda upp filen igen.',
        'not_found',
        'The import does not exist. Upload the file again.',
      );
    }
    const preview = ContactImportPlannedPreviewSchema.parse(item);
    if (item.commitResult) {
      return { ...ContactImportCommitOutcomeSchema.parse(item.commitResult), alreadyCommitted: true };
    }
    if (preview.errors.length > 0) {
      throw new DomainRuleError(
        'import_has_errors',
        `Filen har ${preview.errors.length} fel. Rätta dem och ladda upp filen igen.`,
        preview.errors,
        `The file has ${preview.errors.length} ${preview.errors.length === 1 ? 'error' : 'errors'}. Correct them and upload the file again.`,
      );
    }
    const now = this.deps.clock.now().toISOString();
    if (preview.expiresAt <= now) {
      throw new DomainRuleError('import_expired', 'Förhandsgranskningen är för gammal. Ladda upp filen igen.');
    }

    const register = await this.deps.organisations.register();
    const byEmail = contactsByEmail(register);
    const adminAddresses = await this.deps.adminAddresses.all();
    const madeAdmin = preview.valid.find((row) => !byEmail.has(row.email) && adminAddresses.has(row.email));
    if (madeAdmin) throw emailIsAdminError(madeAdmin.email);
    const replaceRows = await this.settleChoice(preview, input.replace);
    if (replaceRows === undefined) return this.commit(id, actor, input);
    const start = await this.claimStart(item, preview, byEmail, now);
    // Another run began the commit meanwhile: read again and finish it alongside that run.
    if (!start) return this.commit(id, actor, input);
    for (const row of preview.valid) await this.apply(id, row, byEmail.get(row.email), actor);
    const { gone: replacedIds, notified } = await this.replaceHolders(preview, replaceRows, register, actor);
    const { counts } = start;
    const result: ContactImportCommitOutcome = {
      id,
      committedAt: now,
      ...counts,
      replaced: replacedIds.length,
      alreadyCommitted: false,
    };
    // Before finishing, so a crash between the two repeats it on the re-run rather than lose it; keyed
    // by the commit's start, so a repeat, or runs sent at once, write one entry (as the emissions
    // import's commit does).
    await this.deps.audit.record(
      {
        actor,
        action: 'contact.import.commit',
        target: `contact-import:${id}`,
        after: { rows: preview.rows, ...counts, replaced: replacedIds.length, replacedContacts: replacedIds },
      },
      { id: `contact-import-commit-${id}`, at: start.at },
    );
    try {
      await this.deps.store.update(
        keys.contactImport(id),
        { set: { committedAt: now, commitResult: result } },
        {
          kind: 'expression',
          expression: 'attribute_not_exists(commitResult)',
          onFail: () => new DomainRuleError('import_committed', 'committed concurrently'),
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'import_committed') throw error;
      return this.commit(id, actor);
    }
    // Not stored with the result: only the run that removed the holders emailed them.
    return notified === undefined ? result : { ...result, notified };
  }

  /**
   * When the commit began and what it does, fixed by the first run that gets here (one conditional
   * UpdateItem): the counts compare the rows with the register that run read, so a re-run after a
   * failure, or a run sent at the same moment, which finds the first one's contacts already made,
   * answers and audits the same. Undefined when another run claimed it meanwhile (the caller reads
   * again).
   */
  private async claimStart(
    item: Record<string, unknown>,
    preview: ContactImportPlannedPreview,
    byEmail: Map<string, Contact>,
    now: string,
  ): Promise<CommitStart | undefined> {
    const stored = CommitStartSchema.safeParse(item.commitStart);
    if (stored.success) return stored.data;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const row of preview.valid) {
      const existing = byEmail.get(row.email);
      const change = changeOf(row, existing);
      counts[change === 'new' ? 'created' : change === 'changed' ? 'updated' : 'unchanged']++;
    }
    const start: CommitStart = { at: now, counts };
    try {
      await this.deps.store.update(
        keys.contactImport(preview.id),
        { set: { commitStart: start } },
        {
          kind: 'expression',
          expression: 'attribute_not_exists(commitStart) AND attribute_not_exists(commitResult)',
          onFail: () => new DomainRuleError('import_commit_started', 'started concurrently'),
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'import_commit_started') throw error;
      return undefined;
    }
    return start;
  }

  /**
   * The rows whose holders this commit removes: the choice stored by an earlier attempt, or the
   * one asked for, stored now (one conditional UpdateItem, only when the preview has candidates).
   * Returns undefined when another attempt stored its choice meanwhile (the caller reads again).
   */
  private async settleChoice(
    preview: ContactImportPlannedPreview,
    requested: number[] | undefined,
  ): Promise<number[] | undefined> {
    if (preview.replaceRows) {
      if (requested && !sameRows(requested, preview.replaceRows)) {
        throw new StateConflictError(
          'import_choices_changed',
          'Importen har redan börjat sparas med andra val av vilka kontakter som ersätts. Spara igen med samma val, eller ladda upp filen på nytt.',
          { replace: preview.replaceRows },
          'The import has already begun to be saved with other choices of which contacts are replaced. Save again with the same choices, or upload the file again.',
        );
      }
      return preview.replaceRows;
    }
    const rows = [...new Set(requested ?? [])].sort((a, b) => a - b);
    const { unknownRows } = chosenReplacements(preview.valid, rows);
    if (unknownRows.length > 0) {
      throw new DomainRuleError(
        'unknown_replacement',
        `Rad ${unknownRows.join(', ')} ersätter ingen kontakt. Förhandsgranska filen igen.`,
        { rows: unknownRows },
        `${unknownRows.length === 1 ? 'Row' : 'Rows'} ${unknownRows.join(', ')} ${unknownRows.length === 1 ? 'replaces' : 'replace'} no contact. Preview the file again.`,
      );
    }
    if (!preview.valid.some((row) => row.replaces)) return rows;
    try {
      await this.deps.store.update(
        keys.contactImport(preview.id),
        { set: { replaceRows: rows } },
        {
          kind: 'expression',
          expression: 'attribute_not_exists(replaceRows) AND attribute_not_exists(commitResult)',
          onFail: () => new DomainRuleError('import_choice_settled', 'settled concurrently'),
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'import_choice_settled') throw error;
      return undefined;
    }
    return rows;
  }

  /**
   * Removes the chosen rows' holders through the console's removal steps (sessions end before and
   * after each removal). Each holder in the register this commit read is read again (one GetItem),
   * so the removal goes by its address now, not the one read before the rows were applied. A holder
   * already gone counts as replaced: its removal is finished if an earlier attempt stopped part-way,
   * else its sessions are swept again. One that has since moved, changed role or address is left
   * alone. Returns the ids of the holders gone, and whether every holder this run removed was
   * emailed (undefined when it removed none; each removal's audit entry says which went).
   */
  private async replaceHolders(
    preview: ContactImportPlannedPreview,
    replaceRows: number[],
    register: Register,
    actor: string,
  ): Promise<{ gone: string[]; notified?: boolean }> {
    const byId = new Map(register.flatMap((entry) => entry.contacts).map((contact) => [contact.id, contact]));
    const names = new Map(register.map((entry) => [entry.organisation.id, entry.organisation.name]));
    const gone: string[] = [];
    let notified: boolean | undefined;
    for (const holder of chosenReplacements(preview.valid, replaceRows).holders) {
      const read = byId.get(holder.id);
      const current = read && (await this.deps.contacts.get(read.organisationId, read.id));
      if (read && !current) {
        // Gone from where the register had it since: moved (left alone), or removed or erased.
        const lookup = await this.deps.contacts.lookup(holder.id);
        if (lookup && !lookup.removal && lookup.organisationId !== read.organisationId) continue;
      }
      if (!current) {
        await this.register.finishRemovalOf(holder, actor);
      } else {
        const same =
          current.organisationId === holder.organisationId &&
          current.role === holder.role &&
          current.email === holder.email;
        // Not removed when it moved after the register was read either.
        if (!same) continue;
        const organisationName = names.get(current.organisationId);
        const removed = await this.register.removeContact(current, actor, {
          ...(organisationName ? { organisationName } : {}),
          reason: { kind: 'replaced', role: current.role },
        });
        if (!removed) continue;
        if (removed.notified !== undefined) notified = (notified ?? true) && removed.notified;
      }
      gone.push(holder.id);
    }
    return notified === undefined ? { gone } : { gone, notified };
  }

  private async apply(
    importId: string,
    row: ContactImportPreview['valid'][number],
    existing: Contact | undefined,
    actor: string,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const via = { importId };
    if (!existing) {
      const contact: Contact = {
        id: importedContactId(importId, row.email),
        organisationId: row.organisationId,
        name: row.name,
        email: row.email,
        role: row.role,
        emailState: 'ok',
      };
      try {
        await this.deps.contacts.create(contact);
      } catch (error) {
        // A re-run after an interrupted commit finds the contact it made then under the same id.
        if (
          (error as { code?: string }).code !== 'already_exists' ||
          !(await this.deps.contacts.findById(contact.id))
        ) {
          throw error;
        }
        return 'unchanged';
      }
      await this.deps.audit.record({
        actor,
        action: 'contact.create',
        target: `contact:${contact.id}`,
        organisationId: contact.organisationId,
        after: { ...auditSummary(contact), ...via },
      });
      return 'created';
    }
    if (changeOf(row, existing) === 'unchanged') {
      // A re-run of a commit that moved this contact but failed to end all its sessions finds it moved.
      if (row.before && row.before.organisationId !== row.organisationId) {
        await this.deps.sessions.endContactSessions(existing, { keepOrganisationId: existing.organisationId });
      }
      return 'unchanged';
    }
    const after: Contact = { ...existing, organisationId: row.organisationId, name: row.name, role: row.role };
    const moved = after.organisationId !== existing.organisationId;
    // Ended before the move (a failure then moves nothing) and after it (a session opened meanwhile).
    if (moved) await this.deps.sessions.endContactSessions(existing);
    await this.deps.contacts.update(existing, after);
    const change = auditChange(existing, after);
    const entry = {
      actor,
      target: `contact:${existing.id}`,
      before: change.before,
      after: { ...change.after, ...via },
    };
    await this.deps.audit.record({
      ...entry,
      action: moved ? 'contact.move' : 'contact.update',
      organisationId: after.organisationId,
    });
    if (moved) {
      await this.deps.audit.record({ ...entry, action: 'contact.move', organisationId: existing.organisationId });
      await this.deps.sessions.endContactSessions(existing, { keepOrganisationId: after.organisationId });
    }
    return 'updated';
  }
}

function sameRows(a: number[], b: number[]): boolean {
  const left = [...new Set(a)].sort((x, y) => x - y);
  const right = [...new Set(b)].sort((x, y) => x - y);
  return left.length === right.length && left.every((row, i) => row === right[i]);
}

function contactsByEmail(register: Register): Map<string, Contact> {
  return new Map(register.flatMap((entry) => entry.contacts).map((contact) => [contact.email, contact]));
}

function changeOf(row: ContactImportRow, existing: Contact | undefined): 'new' | 'changed' | 'unchanged' {
  if (!existing) return 'new';
  const same =
    existing.organisationId === row.organisationId && existing.name === row.name && existing.role === row.role;
  return same ? 'unchanged' : 'changed';
}

/** The same import and address always give the same id, so a re-run commit cannot create a second contact. */
function importedContactId(importId: string, email: string): string {
  return createHash('sha256').update(`${importId}\n${email}`).digest('hex').slice(0, 32);
}
