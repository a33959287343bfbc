import type { Me } from '../../../shared/schemas/auth.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import { NotAuthenticatedError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { TableStore } from '../../ports/table-store';
import { keys, normaliseEmail } from '../../store/table-design';
import type { AdminRepository } from '../admins/admin.repository';
import type { ContactRepository } from '../contacts/contact.repository';
import { loginLinkEmail } from './login-link.email';
import { hashToken, newToken, sameHash } from './login-token';
import { countAttempt } from './rate-limit';
import type { SessionService, SessionUser } from './session.service';

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
type Identity = Omit<SessionUser, 'sessionId' | 'expiresAt'>;

/** Passwordless sign-in: single-use links by email, then a server-side session. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  /**
   * Emails a sign-in link when the address is known. Unknown addresses get the same outcome
   * from the caller's point of view. Throws RateLimitedError past the per-email or per-IP limit.
   */
  async requestLoginLink(input: { email: string; ip: string; next?: string }): Promise<void> {
    const { clock, store, limits } = this.deps;
    const now = clock.now();
    const email = normaliseEmail(input.email);
    await countAttempt(store, { scope: 'login-ip', subject: input.ip, limit: limits.perIpPerHour, now });
    await countAttempt(store, { scope: 'login-email', subject: email, limit: limits.perEmailPerHour, now });
    const identity = await this.identify(email);
    if (!identity) return;
    const token = await this.issueToken(identity, { ttlMs: LOGIN_LINK_TTL_MS, next: input.next });
    const link = `${this.deps.baseUrl}/login?token=${encodeURIComponent(token)}`;
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
   * token_unknown, token_used or token_expired, so the page can say which.
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

  /** The person behind an address now: an admin first, else a member contact. */
  private async identify(email: string): Promise<Identity | undefined> {
    const admin = await this.deps.admins.get(email);
    if (admin) return { email, name: admin.name, role: 'admin' };
    if (this.deps.adminEmails.includes(email)) return { email, name: email, role: 'admin' };
    const [contact] = await this.deps.contacts.findByEmail(email);
    return contact ? memberIdentity(contact, email) : undefined;
  }

  /** Re-checks with one read that the person still holds the role the token was issued for. */
  private async confirmIdentity(claimed: Record<string, unknown>): Promise<Identity> {
    const email = String(claimed.email);
    if (claimed.role === 'admin') {
      const admin = await this.deps.admins.get(email);
      if (admin || this.deps.adminEmails.includes(email)) return { email, name: admin?.name ?? email, role: 'admin' };
    } else if (typeof claimed.organisationId === 'string' && typeof claimed.contactId === 'string') {
      const contact = await this.deps.contacts.get(claimed.organisationId, claimed.contactId);
      if (contact && contact.email === email) return memberIdentity(contact, email);
    }
    throw new NotAuthenticatedError('token_unknown', 'Inloggningslänken är ogiltig. Begär en ny länk.');
  }
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
