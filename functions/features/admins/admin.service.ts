import { KANSLI_EMAIL } from '../../../shared/domain/kansli-contact';
import type { AdminListEntry } from '../../../shared/schemas/admin.schema';
import { AlreadyExistsError, DomainRuleError, NotFoundError, StateConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import { normaliseEmail } from '../../store/table-design';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import { sendNotice } from '../contacts/access-ended.email';
import type { ContactRepository } from '../contacts/contact.repository';
import type { AdminRepository } from './admin.repository';
import { adminAddedEmail } from './admin-added.email';
import { AdminAddresses } from './admin-addresses';

interface AdminServiceDeps {
  admins: AdminRepository;
  /** Member contacts, found by address (`contactByEmail`): an admin's address must not be a contact's. */
  contacts: ContactRepository;
  sessions: SessionService;
  audit: AuditLog;
  clock: Clock;
  /** ADMIN_EMAILS: admins by configuration, whatever the table holds. */
  configAdmins: string[];
  /** A new admin is told by email, after the admin is stored. */
  mail: Mail;
  log: (entry: Record<string, unknown>) => void;
  /** Where email links point; the email names `${baseUrl}/login`. */
  baseUrl: string;
}

/**
 * Who may use the console. Admins are the stored ones plus the configured ADMIN_EMAILS. A configured
 * admin is removed by changing the configuration, so the console refuses to remove one; and it
 * refuses to remove the last admin of all, counting both kinds.
 */
export class AdminService {
  private readonly addresses: AdminAddresses;

  constructor(private readonly deps: AdminServiceDeps) {
    this.addresses = new AdminAddresses(deps.admins, deps.configAdmins);
  }

  /** Stored and configured admins, by email. */
  async list(): Promise<AdminListEntry[]> {
    const stored = await this.deps.admins.list();
    const entries = new Map<string, AdminListEntry>();
    for (const admin of stored) {
      entries.set(admin.email, { ...admin, fromConfig: this.addresses.isConfigured(admin.email) });
    }
    for (const email of this.addresses.configuredAddresses) {
      if (!entries.has(email)) entries.set(email, { email, name: email, fromConfig: true });
    }
    return [...entries.values()].sort((a, b) => a.email.localeCompare(b.email));
  }

  /**
   * Adds an admin and emails them where to sign in. Throws AlreadyExistsError when the address is
   * an admin already, StateConflictError `email_is_contact` when it is a member contact's (sign-in
   * would make that person an admin). The email goes after the admin is stored and before the audit
   * entry, which records whether it went (`after.notified`); a failed send is logged and answered as
   * `notified: false`, and the admin stays added.
   */
  async add(input: { email: string; name: string }, actor: string): Promise<AdminListEntry & { notified: boolean }> {
    const email = normaliseEmail(input.email);
    const [contact] = await this.deps.contacts.findByEmail(email);
    if (contact) {
      throw new StateConflictError(
        'email_is_contact',
        `${email} är kontaktperson för organisationen ${contact.organisationId} och kan inte också vara administratör. Ta bort kontakten eller ge den en annan adress först.`,
        undefined,
        `${email} is a contact of organisation ${contact.organisationId} and cannot also be an administrator. Remove the contact or give it another address first.`,
      );
    }
    const admin = { email, name: input.name, addedAt: this.deps.clock.now().toISOString(), addedBy: actor };
    if (!(await this.deps.admins.addIfAbsent(admin))) {
      throw new AlreadyExistsError(
        `${email} är redan administratör.`,
        undefined,
        `${email} is already an administrator.`,
      );
    }
    const message = adminAddedEmail({
      name: input.name,
      loginUrl: `${this.deps.baseUrl}/login`,
      kansliAddress: KANSLI_EMAIL,
    });
    const notified = await sendNotice(this.deps, email, message, { target: 'admin' });
    await this.deps.audit.record({
      actor,
      action: 'admin.add',
      target: `admin:${email}`,
      after: { email, name: input.name, notified },
    });
    return { ...admin, fromConfig: this.addresses.isConfigured(email), notified };
  }

  /**
   * Removes a stored admin and ends their sessions. Throws DomainRuleError `admin_from_config` for a
   * configured admin, `last_admin` when no other admin would remain, NotFoundError for a non-admin.
   *
   * The sessions are ended before the admin item is deleted (a failure there changes nothing and the
   * call can simply be repeated) and again after it (a session opened meanwhile). Should that second
   * pass fail, the repeated call finds no admin and answers 404, but ends the address's admin
   * sessions first: nobody who is not an admin keeps an admin session.
   */
  async remove(emailInput: string, actor: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    if (this.addresses.isConfigured(email)) {
      throw new DomainRuleError(
        'admin_from_config',
        `${email} är administratör genom konfigurationen (ADMIN_EMAILS) och tas bort där, inte här.`,
        undefined,
        `${email} is an administrator through the configuration (ADMIN_EMAILS) and is removed there, not here.`,
      );
    }
    const stored = await this.deps.admins.list();
    const admin = stored.find((candidate) => candidate.email === email);
    if (!admin) {
      await this.deps.sessions.endAdminSessions(email);
      throw new NotFoundError(`${email} är inte administratör.`, 'not_found', `${email} is not an administrator.`);
    }
    const remaining = new Set([...stored.map((a) => a.email), ...this.addresses.configuredAddresses]);
    remaining.delete(email);
    if (remaining.size === 0) {
      throw new DomainRuleError('last_admin', 'Den sista administratören kan inte tas bort. Lägg till en annan först.');
    }
    await this.deps.sessions.endAdminSessions(email);
    await this.deps.admins.delete(email);
    await this.deps.audit.record({
      actor,
      action: 'admin.remove',
      target: `admin:${email}`,
      before: { email, name: admin.name, addedAt: admin.addedAt, addedBy: admin.addedBy },
    });
    await this.deps.sessions.endAdminSessions(email);
  }
}
