import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { localiseErrorMessage } from '../../shared/i18n/error-messages';
import { DomainError, VersionConflictError } from '../errors/domain-errors';
import { httpStatusOf } from '../errors/http-error-map';
import type { AppEnv } from './app-env';

const HTTP_EXCEPTION_CODES: Record<number, [string, string]> = {
  400: ['malformed_json', 'Begärans innehåll är inte giltig JSON.'],
  401: ['not_authenticated', 'Du är inte inloggad.'],
  403: ['csrf', 'Begäran kom från en annan webbplats och avvisades.'],
  413: ['payload_too_large', 'Begärans innehåll är för stort.'],
  415: ['unsupported_media_type', 'Skicka innehållet som application/json.'],
};

const MALFORMED_FORM: [string, string] = ['malformed_form', 'Begärans formulärdata (multipart) går inte att läsa.'];

/** Answers every error in the API's one format, `{error: {code, message, details?}}`. Never a stack trace. */
export function handleError(error: Error, c: Context<AppEnv>, log: (entry: Record<string, unknown>) => void): Response {
  const acceptLanguage = c.req.header('accept-language');
  if (error instanceof DomainError) {
    const status = httpStatusOf(error);
    if (status >= 500) log({ level: 'warn', msg: 'request failed', code: error.code, requestId: c.get('requestId') });
    const body: Record<string, unknown> = {
      error: {
        code: error.code,
        message: localiseErrorMessage(error.code, error.message, acceptLanguage),
        ...(error.details !== undefined && !(error instanceof VersionConflictError) ? { details: error.details } : {}),
      },
    };
    // The survey client needs the stored version to show who changed what.
    if (error instanceof VersionConflictError && error.details !== undefined) body.current = error.details;
    return c.json(body, status);
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    // Hono's validator answers a broken form body with a 400 too; it is not a JSON problem.
    const [code, message] =
      status === 400 && /form/i.test(error.message)
        ? MALFORMED_FORM
        : (HTTP_EXCEPTION_CODES[status] ?? ['http_error', error.message]);
    return c.json({ error: { code, message: localiseErrorMessage(code, message, acceptLanguage) } }, status);
  }
  log({ level: 'error', msg: 'unhandled error', error: error.name, requestId: c.get('requestId') });
  return c.json(
    {
      error: {
        code: 'internal',
        message: localiseErrorMessage('internal', 'Ett oväntat fel inträffade.', acceptLanguage),
      },
    },
    500,
  );
}
