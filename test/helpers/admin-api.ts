import { AuditTrail } from '../../functions/features/audit/audit-trail';
import type { AuditEntry } from '../../shared/schemas/audit.schema';
import { signIn, type TestContext } from './test-app';

export const ADMIN_EMAIL = 'kansli@example.se';

/** What a JSON API call answered. */
export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever shape the route answers
  body: any;
}

/**
 * Calls the API as a signed-in person (or anonymously when `cookie` is undefined), sending `body`
 * as JSON, and answers the status with the parsed JSON body.
 */
export async function call(
  ctx: TestContext,
  cookie: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await ctx.app.request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Signs in the configured kansli admin. */
export function signInAdmin(ctx: TestContext): Promise<string> {
  return signIn(ctx, ADMIN_EMAIL);
}

/** The audit entries, newest first, as the log stores them. */
export function auditEntries(
  ctx: TestContext,
  filter: { organisationId?: string; year?: number } = {},
): Promise<AuditEntry[]> {
  return new AuditTrail(ctx.store, ctx.clock).list(filter);
}

/** The zod issue paths of a 400 answer, joined with dots. */
export function issuePaths(answer: ApiAnswer): string[] {
  return (answer.body?.error?.details ?? []).map((detail: { path: Array<string | number> }) => detail.path.join('.'));
}
