import { StateConflictError } from '../../errors/domain-errors';
import { normaliseEmail } from '../../store/table-design';
import type { AdminRepository } from './admin.repository';

/**
 * Which addresses are admins': the stored admins and the configured ADMIN_EMAILS, the one place
 * that knows both. Sign-in asks it who an admin is, the admins page which admins come from the
 * configuration, and the contact register whether an address is an admin's, so that it never
 * becomes a member contact's as well (sign-in would make that person an admin, and removing the
 * contact would end the admin's sessions).
 */
export class AdminAddresses {
  private readonly configured: Set<string>;

  constructor(
    private readonly admins: AdminRepository,
    configAdmins: string[],
  ) {
    this.configured = new Set(configAdmins.map(normaliseEmail));
  }

  /** Whether the address is an admin's by the configuration (ADMIN_EMAILS); no read. */
  isConfigured(email: string): boolean {
    return this.configured.has(normaliseEmail(email));
  }

  /** The configured admins' addresses (ADMIN_EMAILS), normalised. */
  get configuredAddresses(): ReadonlySet<string> {
    return this.configured;
  }

  /**
   * The admin with this address: the stored one with its name (one GetItem, `adminByEmail`), else a
   * configured one, named by its address; undefined for anyone else.
   */
  async find(email: string): Promise<{ email: string; name: string } | undefined> {
    const address = normaliseEmail(email);
    const stored = await this.admins.get(address);
    if (stored) return { email: address, name: stored.name };
    return this.configured.has(address) ? { email: address, name: address } : undefined;
  }

  /** Whether the address is an admin's: configured, or one GetItem (`adminByEmail`). */
  async isAdmin(email: string): Promise<boolean> {
    return this.isConfigured(email) || (await this.admins.get(email)) !== undefined;
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
    undefined,
    `The address ${normaliseEmail(email)} belongs to an administrator and cannot be used for a member contact. Use another address.`,
  );
}
