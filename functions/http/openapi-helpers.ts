import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/schemas/api-error.schema';

/**
 * Who may call a route. It is written into the OpenAPI document as `x-access`, the auth
 * middleware enforces it by path, and the authorisation matrix test checks the two agree.
 */
export type Access = 'public' | 'signed-in' | 'member' | 'admin' | 'dev';

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const errorResponse = (description: string) => jsonResponse(ApiErrorSchema, description);

/** The error responses most routes share, so each route lists only its own. */
export const commonErrors = {
  400: errorResponse('Ogiltig indata'),
  401: errorResponse('Inte inloggad'),
  403: errorResponse('Saknar behörighet'),
} as const;

/**
 * Errors the app answers on any route where their cause can arise, whatever the route's own code:
 * the access middleware, the origin secret, origin check and body limit in front of every /api route, the request
 * validators, and the store behind nearly all of them. `documentSharedErrors` writes them into each
 * route's responses, so no route has to list them by hand.
 */
const SHARED_ERRORS: Record<string, { status: number; text: string; sole?: true }> = {
  invalid_input: { status: 400, text: 'Ogiltig indata (invalid_input; malformed_json för trasig JSON)' },
  // A 401, 413, 415 or 503 a route lists already can only be this error: it is not described twice.
  not_authenticated: {
    status: 401,
    text: 'Inte inloggad, eller sessionen har gått ut (not_authenticated)',
    sole: true,
  },
  admin_only: { status: 403, text: 'Bara kansliet får göra detta (admin_only)' },
  members_only: { status: 403, text: 'Bara medlemmarnas kontaktpersoner får göra detta (members_only)' },
  csrf: { status: 403, text: 'Begäran kom från en annan webbplats och avvisades (csrf)' },
  // Deployed, every request must come through CloudFront, which adds the origin secret.
  origin_not_verified: {
    status: 403,
    text: 'Begäran kom inte via webbplatsen och avvisades (origin_not_verified)',
  },
  payload_too_large: { status: 413, text: 'Begärans innehåll är för stort (payload_too_large)', sole: true },
  unsupported_media_type: { status: 415, text: 'Fel innehållstyp (unsupported_media_type)', sole: true },
  store_unavailable: {
    status: 503,
    text: 'Lagringen svarar inte just nu; försök igen (store_unavailable)',
    sole: true,
  },
};

type SharedError =
  | 'invalid_input'
  | 'not_authenticated'
  | 'admin_only'
  | 'members_only'
  | 'csrf'
  | 'origin_not_verified'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'store_unavailable';

/** commonErrors' descriptions say nothing a shared error's does not: they are replaced, not added to. */
const GENERIC_DESCRIPTIONS: ReadonlySet<string> = new Set(Object.values(commonErrors).map((r) => r.description));

/** Routes that never read or write the store, so never answer 503. */
const STORELESS_PATHS: ReadonlySet<string> = new Set(['/api/health']);

const UNSAFE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);

interface ResponseDoc {
  description: string;
  content?: Record<string, unknown>;
  [key: string]: unknown;
}

interface RouteDoc {
  method: string;
  path: string;
  'x-access'?: Access;
  request?: { body?: { content?: Record<string, unknown> }; params?: unknown; query?: unknown; headers?: unknown };
  responses: Record<string, ResponseDoc>;
}

/** The shared errors a route can answer, from what it declares: its access, method, inputs and path. */
export function sharedErrorsOf(route: RouteDoc): SharedError[] {
  const errors: SharedError[] = [];
  const request = route.request ?? {};
  const hasBody = Object.keys(request.body?.content ?? {}).length > 0;
  if (hasBody || request.params || request.query || request.headers) errors.push('invalid_input');
  const access = route['x-access'];
  if (access === 'signed-in' || access === 'member' || access === 'admin') errors.push('not_authenticated');
  if (access === 'admin') errors.push('admin_only');
  if (access === 'member') errors.push('members_only');
  // The origin check runs in front of every route, /api/health included (originVerify).
  errors.push('origin_not_verified');
  if (UNSAFE_METHODS.has(route.method.toLowerCase())) errors.push('csrf', 'payload_too_large');
  if (hasBody) errors.push('unsupported_media_type');
  if (!STORELESS_PATHS.has(route.path)) errors.push('store_unavailable');
  return errors;
}

/** A route that answers a browser with a page (unsubscribe) documents its errors as a page too. */
function answersHtml(route: RouteDoc): boolean {
  return Object.entries(route.responses).some(
    ([status, response]) => status.startsWith('2') && response.content && 'text/html' in response.content,
  );
}

/**
 * Adds the shared errors to every route registered on `app` so far: a status the route does not
 * list gets the error format with the shared description; one it lists already gets the shared
 * cause added to its description (its own content, e.g. a 409's `current`, stays). Run once, when
 * every route is registered (finishApp); the route's own response objects are never changed, as
 * several routes share them (`commonErrors`).
 */
export function documentSharedErrors(app: Pick<OpenAPIHono, 'openAPIRegistry'>): void {
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as unknown as RouteDoc;
    const html = answersHtml(route);
    const responses: Record<string, ResponseDoc> = { ...route.responses };
    for (const code of sharedErrorsOf(route)) {
      const { status, text, sole } = SHARED_ERRORS[code] as (typeof SHARED_ERRORS)[string];
      const existing = responses[status];
      if (!existing) {
        const json = errorResponse(text);
        // A page route's errors, the origin check's and body limit's too, are its page for a
        // browser (browserErrorPages) and the error format for a client that asks for JSON.
        responses[status] = html
          ? { ...json, content: { 'text/html': { schema: z.string() }, ...json.content } }
          : json;
      } else if (GENERIC_DESCRIPTIONS.has(existing.description)) {
        responses[status] = { ...existing, description: text };
      } else if (!sole && !existing.description.includes(`(${code}`) && !existing.description.includes(`${code})`)) {
        responses[status] = { ...existing, description: `${existing.description}; ${text}` };
      }
    }
    route.responses = responses;
  }
}
