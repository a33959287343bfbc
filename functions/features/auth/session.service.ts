import { createHash, randomBytes } from 'node:crypto';
import { type MembershipSpan, sameMembership } from '../../../shared/domain/membership-span';
import type { Me } from '../../../shared/schemas/auth.schema';
import type { Clock } from '../../ports/clock';
import type { Item, TableStore } from '../../ports/table-store';
import { keys, normaliseEmail } from '../../store/table-design';

export const SESSION_COOKIE = 'kk_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** The signed-in person as middleware hands it to routes. */
export interface SessionUser extends Me {
  /** The raw id, from the cookie; held in memory only (logout ends the session by it). */
  sessionId: string;
  contactId?: string;
  expiresAt: string;
  /**
   * A member's organisation's membership as the register had it at sign-in (dates and instants), so
   * that autosave can apply the membership rule without reading the organisation. Absent for admins,
   * for an organisation without dates and for sessions made before sign-in stored it (all open, like
   * a register without dates); a change of the dates by the kansli ends the sessions that carry the
   * old ones (`endStaleMembership`).
   */
  membership?: MembershipSpan;
}

/** What create() hands out: 32 random bytes, base64url. The access check looks up only ids of this shape. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const newSessionId = () => randomBytes(32).toString('base64url');

/**
 * What the table keys a session by: the SHA-256 of its id, base64url. A 256-bit random id cannot
 * be recovered from its hash, so a leaked table (or backup) reveals no id a cookie could carry.
 */
export const sessionIdHash = (sessionId: string): string =>
  createHash('sha256').update(sessionId, 'utf8').digest('base64url');

/**
 * Server-side sessions. The cookie holds only the random id, unsigned; the item, keyed by the id's
 * hash and never holding the id itself, says who it is. Callers pass the raw id; hashing is here.
 * Deleting the item ends the session at once, which is how logout and contact removal revoke it.
 */
export class SessionService {
  constructor(
    private readonly store: TableStore,
    private readonly clock: Clock,
  ) {}

  async create(user: Omit<SessionUser, 'sessionId' | 'expiresAt'>): Promise<SessionUser> {
    const now = this.clock.now();
    const session: SessionUser = {
      ...user,
      sessionId: newSessionId(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    };
    // The raw id goes to the cookie only; the item holds its hash (in the key) and who it is.
    const { sessionId, membership, ...stored } = session;
    await this.store.put(
      {
        ...keys.session(sessionIdHash(sessionId)),
        ...keys.sessionOfUser(user.email, now.toISOString()),
        entity: 'Session',
        ...stored,
        ...(membership && Object.keys(membership).length > 0 ? { membership } : {}),
        ttl: Math.floor(new Date(session.expiresAt).getTime() / 1000),
      },
      { kind: 'absent' },
    );
    return session;
  }

  /** The live session for this id, or undefined when unknown or expired (checked here, not by TTL). */
  async find(sessionId: string): Promise<SessionUser | undefined> {
    const item = await this.store.get(keys.session(sessionIdHash(sessionId)));
    if (!item || String(item.expiresAt) <= this.clock.now().toISOString()) return undefined;
    return {
      sessionId,
      email: String(item.email),
      name: String(item.name),
      role: item.role === 'admin' ? 'admin' : 'member',
      organisationId: item.organisationId as string | undefined,
      contactId: item.contactId as string | undefined,
      expiresAt: String(item.expiresAt),
      membership: membershipOf(item),
    };
  }

  async end(sessionId: string): Promise<void> {
    await this.store.delete(keys.session(sessionIdHash(sessionId)));
  }

  /** Ends every session of one person, e.g. when the contact is erased; found through gsi1, no id needed. */
  async endAllFor(email: string): Promise<number> {
    return this.endWhere(email, () => true);
  }

  /**
   * Ends the member sessions of one contact under this address (one query, one delete each). With
   * `keepOrganisationId`, sessions in that organisation stay: a sweep after a move ends only those
   * that still open the old one. An admin's sessions under the same address are left alone, and so
   * are the sessions of another contact the address belongs to now.
   */
  async endContactSessions(
    contact: { id: string; email: string },
    options: { keepOrganisationId?: string } = {},
  ): Promise<number> {
    return this.endWhere(
      contact.email,
      (item) =>
        item.role !== 'admin' &&
        (item.contactId === undefined || item.contactId === contact.id) &&
        (options.keepOrganisationId === undefined || item.organisationId !== options.keepOrganisationId),
    );
  }

  /**
   * Ends the member sessions of one contact in `organisationId` that carry other membership dates
   * than `membership`, the register's now (one query, one delete each). A session carries the dates
   * it signed in with; those that already carry these stay, so repeating this ends nothing more.
   */
  async endStaleMembership(
    contact: { id: string; email: string },
    organisationId: string,
    membership: MembershipSpan,
  ): Promise<number> {
    return this.endWhere(
      contact.email,
      (item) =>
        item.role !== 'admin' &&
        item.organisationId === organisationId &&
        (item.contactId === undefined || item.contactId === contact.id) &&
        !sameMembership(membershipOf(item), membership),
    );
  }

  /** Ends the admin sessions under this address (a removed admin's), leaving member sessions alone. */
  async endAdminSessions(email: string): Promise<number> {
    return this.endWhere(email, (item) => item.role === 'admin');
  }

  private async endWhere(email: string, ends: (item: Item) => boolean): Promise<number> {
    const items = await this.store.queryAll({ index: 'gsi1', partition: keys.sessionsOfUserPk(normaliseEmail(email)) });
    const ending = items.filter(ends);
    for (const item of ending) await this.store.delete({ pk: item.pk, sk: item.sk });
    return ending.length;
  }
}

/** The membership a session item carries, read attribute by attribute (it is stored as a map). */
function membershipOf(item: Item): MembershipSpan | undefined {
  const stored = item.membership;
  if (!stored || typeof stored !== 'object') return undefined;
  const field = (name: keyof MembershipSpan) => {
    const value = (stored as Record<string, unknown>)[name];
    return typeof value === 'string' ? { [name]: value } : {};
  };
  return { ...field('memberSince'), ...field('memberUntil'), ...field('startsAt'), ...field('endsAt') };
}
