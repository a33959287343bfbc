import { StateConflictError } from '../../errors/domain-errors';
import { normaliseEmail } from '../../store/table-design';
import type { AdminRepository } from './admin.repository';

/**
 * Which addresses are admins': the stored admins and the configured ADMIN_EMAILS. The contact
 * register asks it so that an admin's address never becomes a member contact's as well (sign-in
 * would make that person an admin, and removing the contact would end the admin's sessions).
 */
export class AdminAddresses {
  private readonly configured: Set<string>;

  constructor(
    private readonly admins: AdminRepository,
    configAdmins: string[],
  ) {
    this.configured = new Set(configAdmins.map(normaliseEmail));
  }

  /** Whether the address is an admin's: configured, or one GetItem (`adminByEmail`). */
  async isAdmin(email: string): Promise<boolean> {
    return this.configured.has(normaliseEmail(email)) || (await this.admins.get(email)) !== undefined;
  }

  /** Every admin address, configured and stored (one query, `allAdmins`). */
  async all(): Promise<Set<string>> {
    const stored = await this.admins.list();
    return new Set([...this.configured, ...stored.map((admin) => normaliseEmail(admin.email))]);
  }

  /** Throws StateConflictError `email_is_admin` when the address is an admin's. */
  async assertNotAdmin(email: string): Promise<void> {
    if (await this.isAdmin(email)) throw emailIsAdminError(email);
  }
}

export function emailIsAdminError(email: string): StateConflictError {
  return new StateConflictError(
    'email_is_admin',
    `E-postadressen ${normaliseEmail(email)} tillhör en administratör och kan inte användas för en medlemskontakt. Använd en annan adress.`,
  );
}
