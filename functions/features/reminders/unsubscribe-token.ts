import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who an unsubscribe link is for. */
export interface UnsubscribeSubject {
  organisationId: string;
  contactId: string;
}

// A purpose prefix keeps this signature from ever validating as any other use of the secret.
const PURPOSE = 'kk-unsubscribe-v1';

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`, 'utf8').digest();
}

/**
 * A token for the one-click unsubscribe link: the organisation and contact ids, base64url, and an
 * HMAC-SHA256 over them with the session secret. It never expires (a link in an old email must
 * still work) and carries no email address, so the link reveals nothing if forwarded.
 */
export function signUnsubscribeToken(secret: string, subject: UnsubscribeSubject): string {
  const payload = Buffer.from(`${subject.organisationId}\n${subject.contactId}`, 'utf8').toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The subject of a valid token; undefined for anything forged, altered or malformed. */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeSubject | undefined {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = signature(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [organisationId, contactId, rest] = Buffer.from(payload, 'base64url').toString('utf8').split('\n');
  if (!organisationId || !contactId || rest !== undefined) return undefined;
  return { organisationId, contactId };
}
