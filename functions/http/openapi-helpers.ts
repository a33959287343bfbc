import type { z } from 'zod';
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
