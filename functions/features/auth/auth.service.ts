import { membershipAt, sameMembership } from '../../../shared/domain/membership-span';
import type { Me } from '../../../shared/schemas/auth.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import { NotAuthenticatedError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { TableStore } from '../../ports/table-store';
import { keys, normaliseEmail } from '../../store/table-design';
import type { AdminRepository } from '../admins/admin.repository';
import { AdminAddresses } from '../admins/admin-addresses';
import type { ContactRepository } from '../contacts/contact.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { loginLinkEmail, type NotAMemberEmailInput, notAMemberEmail } from './login-link.email';
import { hashToken, newToken, sameHash } from './login-token';
import { assertMaySignIn, registerMembership } from './membership-check';
import { countAttempt } from './rate-limit';
import type { SessionService, SessionUser } from './session.service';
import { signInLink } from './sign-in-link';

export const LOGIN_LINK_TTL_MS = 30 * 60 * 1000;

interface AuthServiceDeps {
  store: TableStore;
  mail: Mail;
  clock: Clock;
  admins: AdminRepository;
  contacts: ContactRepository;
  sessions: SessionService;
  baseUrl: string;
  adminEmails: string[];
  limits: { perEmailPerHour: number; perIpPerHour: number };
}

/** Who an address belongs to, as a token records it. */
type Identity = Omit<SessionUser, 'sessionId' | 'expiresAt' | 'membership'>;
/** Who signs in, with their organisation's membership as the session carries it. */
type SessionIdentity = Omit<SessionUser, 'sessionId' | 'expiresAt'>;

/** Passwordless sign-in: single-use links by email, then a server-side session. */
export class AuthService {
  private readonly organisations: OrganisationRepository;
  private readonly adminAddresses: AdminAddresses;

  constructor(private readonly deps: AuthServiceDeps) {
    this.organisations = new OrganisationRepository(deps.store);
    this.adminAddresses = new AdminAddresses(deps.admins, deps.adminEmails);
  }

  /**
   * Emails a sign-in link when the address is known: an admin's, or a contact's whose organisation
   * is a member today. Unknown addresses and contacts of a non-member get the same outcome from the
   * caller's point of view: no email. Throws RateLimitedError past the per-email or per-IP limit.
   */
  async requestLoginLink(input: { email: string; ip: string; next?: string }): Promise<void> {
    const { clock, store, limits } = this.deps;
    const now = clock.now();
    const email = normaliseEmail(input.email);
    await countAttempt(store, { scope: 'login-ip', subject: input.ip, limit: limits.perIpPerHour, now });
    await countAttempt(store, { scope: 'login-email', subject: email, limit: limits.perEmailPerHour, now });
    const found = await this.identify(email, now);
    if (!found) return;
    if ('notMember' in found) {
      // Only the address's owner reads this, so it tells the caller nothing the 202 does not; it
      // spares a former member's contact waiting for a link that never comes.
      await this.deps.mail.send({ to: [email], kind: 'not-a-member', ...notAMemberEmail(found.notMember) });
      return;
    }
    const identity = found;
    const token = await this.issueToken(identity, { ttlMs: LOGIN_LINK_TTL_MS, next: input.next });
    const link = signInLink(this.deps.baseUrl, token);
    await this.deps.mail.send({ to: [email], kind: 'login-link', ...loginLinkEmail({ link, name: identity.name }) });
  }

  /** Stores a single-use token for a known person and answers the raw token, which only goes into a link. */
  async issueToken(identity: Identity, options: { ttlMs: number; next?: string }): Promise<string> {
    const now = this.deps.clock.now();
    const token = newToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(now.getTime() + options.ttlMs);
    await this.deps.store.put(
      {
        ...keys.loginToken(tokenHash),
        // Found by address, so erasure can delete a token (it holds the name) before it expires.
        ...keys.loginTokenByEmail(identity.email, now.toISOString()),
        entity: 'LoginToken',
        tokenHash,
        ...identity,
        next: options.next,
        createdAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        ttl: Math.floor(expiresAt.getTime() / 1000) + 86400,
      },
      { kind: 'absent' },
    );
    return token;
  }

  /**
   * Redeems a token once and opens a session. Throws NotAuthenticatedError with code
   * token_unknown, token_used or token_expired, so the page can say which, and ForbiddenError
   * not_a_member when the contact's organisation is not a member today. Two reads and two writes:
   * the token, the person (and their organisation), the session, the person again.
   */
  async redeem(token: string): Promise<{ session: SessionUser; next?: string }> {
    const { store, clock } = this.deps;
    const now = clock.now().toISOString();
    const tokenHash = hashToken(token);
    const key = keys.loginToken(tokenHash);
    let claimed: Record<string, unknown>;
    try {
      claimed = await store.update(
        key,
        { set: { usedAt: now } },
        {
          kind: 'expression',
          expression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          values: { ':now': now },
          onFail: () => new NotAuthenticatedError('token_rejected', 'Inloggningslänken gick inte att använda.'),
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'token_rejected') throw error;
      throw await this.whyRejected(key);
    }
    if (!sameHash(String(claimed.tokenHash), tokenHash)) {
      throw new NotAuthenticatedError('token_unknown', 'Inloggningslänken är ogiltig. Begär en ny länk.');
    }
    const identity = await this.confirmIdentity(claimed);
    const session = await this.deps.sessions.create(identity);
    // A move, removal or membership change written between the read above and the session would
    // miss it: whoever writes one ends the sessions it finds afterwards. Read once more, now that the
    // session exists, and refuse if the person no longer stands where they did.
    try {
      const again = await this.confirmIdentity(claimed);
      if (!sameStanding(identity, again)) throw tokenUnknown();
    } catch (error) {
      // The cookie is never set, so nobody holds this session's id; deleting it only tidies up.
      await this.deps.sessions.end(session.sessionId).catch(() => undefined);
      throw error;
    }
    return { session, next: claimed.next as string | undefined };
  }

  private async whyRejected(key: { pk: string; sk: string }): Promise<NotAuthenticatedError> {
    const item = await this.deps.store.get(key);
    if (!item) return new NotAuthenticatedError('token_unknown', 'Inloggningslänken är ogiltig. Begär en ny länk.');
    const details = { email: item.email };
    if (item.usedAt) {
      return withDetails(
        new NotAuthenticatedError('token_used', 'Inloggningslänken har redan använts. Begär en ny länk.'),
        details,
      );
    }
    return withDetails(
      new NotAuthenticatedError('token_expired', 'Inloggningslänken har gått ut. Begär en ny länk.'),
      details,
    );
  }

  /**
   * The person behind an address now: an admin first, else a member contact whose organisation is
   * a member at `now` (one more read, the organisation), else, for a contact whose organisation is
   * not, what the email saying so needs.
   */
  private async identify(
    email: string,
    now: Date,
  ): Promise<Identity | { notMember: NotAMemberEmailInput } | undefined> {
    const admin = await this.adminAddresses.find(email);
    if (admin) return { email, name: admin.name, role: 'admin' };
    const [contact] = await this.deps.contacts.findByEmail(email);
    if (!contact) return undefined;
    const organisation = await this.organisations.get(contact.organisationId);
    const membership = await registerMembership(organisation);
    const standing = membershipAt(membership, now);
    if (standing === 'member') return memberIdentity(contact, email);
    return {
      notMember: {
        name: contact.name,
        organisationName: organisation?.name ?? contact.organisationId,
        standing,
        memberSince: membership.memberSince,
        memberUntil: membership.memberUntil,
      },
    };
  }

  /**
   * Re-checks with one read that the person still holds the role the token was issued for, and for
   * a contact, that their organisation is a member today (contact and organisation in one
   * BatchGetItem). Throws token_unknown, or not_a_member.
   */
  private async confirmIdentity(claimed: Record<string, unknown>): Promise<SessionIdentity> {
    const email = String(claimed.email);
    if (claimed.role === 'admin') {
      const admin = await this.adminAddresses.find(email);
      if (admin) return { email, name: admin.name, role: 'admin' };
    } else if (typeof claimed.organisationId === 'string' && typeof claimed.contactId === 'string') {
      const { contact, organisation } = await this.organisations.withContact(claimed.organisationId, claimed.contactId);
      if (contact && contact.email === email) {
        const membership = await registerMembership(organisation);
        assertMaySignIn(membership, this.deps.clock.now());
        return { ...memberIdentity(contact, email), membership };
      }
    }
    throw tokenUnknown();
  }
}

function tokenUnknown(): NotAuthenticatedError {
  return new NotAuthenticatedError('token_unknown', 'Inloggningslänken är ogiltig. Begär en ny länk.');
}

/** Whether the person stands where they did: the same role, contact, organisation and membership. */
function sameStanding(a: SessionIdentity, b: SessionIdentity): boolean {
  return (
    a.role === b.role &&
    a.organisationId === b.organisationId &&
    a.contactId === b.contactId &&
    sameMembership(a.membership, b.membership)
  );
}

function withDetails(error: NotAuthenticatedError, details: unknown): NotAuthenticatedError {
  Object.assign(error, { details });
  return error;
}

export function toMe(user: SessionUser): Me {
  return { email: user.email, name: user.name, role: user.role, organisationId: user.organisationId };
}

/** A member contact as signed in, under the address they signed in with. */
function memberIdentity(contact: Contact, email: string): Identity {
  return {
    email,
    name: contact.name,
    role: 'member',
    organisationId: contact.organisationId,
    contactId: contact.id,
  };
}
