import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ForbiddenError } from '../errors/domain-errors';

/**
 * The header CloudFront adds to every request it sends to the API (infra/web-distribution.ts), with
 * a value only CloudFront and the API know. A request without it did not come through CloudFront:
 * someone called the HTTP API's own execute-api address.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * Whether the request carries one of `secrets` in ORIGIN_VERIFY_HEADER. Compared as SHA-256 digests
 * with timingSafeEqual (equal lengths whatever was sent), so the answer time does not leak the value.
 */
function carriesSecret(c: Context, digests: readonly Buffer[]): boolean {
  const sent = c.req.header(ORIGIN_VERIFY_HEADER);
  if (sent === undefined) return false;
  const sentDigest = digest(sent);
  // Every value is compared, so the time does not say which one matched (two during a rotation).
  let matched = false;
  for (const expected of digests) matched = timingSafeEqual(sentDigest, expected) || matched;
  return matched;
}

/**
 * Refuses (403 `origin_not_verified`) every request that does not carry one of `secrets`, before any
 * other work. Without secrets (locally, in tests) it lets everything through, as before.
 */
export function originVerify(secrets: readonly string[] | undefined): MiddlewareHandler {
  const digests = (secrets ?? []).filter(Boolean).map(digest);
  if (digests.length === 0) return (_c, next) => next();
  return async (c, next) => {
    if (!carriesSecret(c, digests)) {
      throw new ForbiddenError('origin_not_verified', 'Begäran kom inte via webbplatsen och avvisades.');
    }
    return next();
  };
}

/**
 * The caller's address for the per-IP limits. `clientIpHeader` is written by CloudFront from the
 * viewer's address, overwriting whatever the client sent, but a caller of the execute-api address
 * can send any value: so it is believed only on a request that carries the origin secret, and never
 * when no secret is configured. Otherwise `fallback` (in Lambda, the address API Gateway saw).
 */
export function edgeClientIp(options: {
  secrets: readonly string[] | undefined;
  clientIpHeader: string;
  fallback: (c: Context) => string;
}): (c: Context) => string {
  const digests = (options.secrets ?? []).filter(Boolean).map(digest);
  return (c) => {
    if (digests.length > 0 && carriesSecret(c, digests)) {
      const fromEdge = c.req.header(options.clientIpHeader);
      if (fromEdge) return fromEdge;
    }
    return options.fallback(c);
  };
}
