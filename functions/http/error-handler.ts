import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { localiseErrorMessage, prefersEnglish } from '../../shared/i18n/error-messages';
import {
  ConfigurationFaultError,
  type DomainError,
  InputValidationError,
  VersionConflictError,
} from '../errors/domain-errors';
import { domainErrorOf, httpHeadersOf, httpStatusOf } from '../errors/http-error-map';
import type { AppEnv } from './app-env';
import { withEnglish } from './input-details';

const HTTP_EXCEPTION_CODES: Record<number, [string, string]> = {
  400: ['malformed_json', 'Begärans innehåll är inte giltig JSON.'],
  401: ['not_authenticated', 'Du är inte inloggad.'],
  403: ['csrf', 'Begäran kom från en annan webbplats och avvisades.'],
  413: ['payload_too_large', 'Begärans innehåll är för stort.'],
  415: ['unsupported_media_type', 'Skicka innehållet som application/json.'],
};

const MALFORMED_FORM: [string, string] = ['malformed_form', 'Begärans formulärdata (multipart) går inte att läsa.'];

/** An error as the API answers it: status, code, the Swedish message, and the domain error if it is one. */
export interface ErrorAnswer {
  status: ContentfulStatusCode;
  code: string;
  /** Swedish; `localiseErrorMessage` gives the English. */
  message: string;
  domain?: DomainError;
}

/**
 * What any error answers: a domain error (or one from outside the domain layer with a known meaning)
 * by the error map, Hono's own (a broken body, a wrong content type) by its status, anything else
 * as 500 internal. The JSON answer and the unsubscribe page's HTML both go by it.
 */
export function errorAnswerOf(error: unknown): ErrorAnswer {
  const domain = domainErrorOf(error);
  if (domain) return { status: httpStatusOf(domain), code: domain.code, message: domain.message, domain };
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    // Hono's validator answers a broken form body with a 400 too; it is not a JSON problem.
    const [code, message] =
      status === 400 && /formdata/i.test(error.message)
        ? MALFORMED_FORM
        : (HTTP_EXCEPTION_CODES[status] ?? ['http_error', error.message]);
    return { status, code, message };
  }
  return { status: 500, code: 'internal', message: 'Ett oväntat fel inträffade.' };
}

/** Answers every error in the API's one format, `{error: {code, message, details?}}`. Never a stack trace. */
export function handleError(error: Error, c: Context<AppEnv>, log: (entry: Record<string, unknown>) => void): Response {
  const acceptLanguage = c.req.header('accept-language');
  const { status, code, message, domain } = errorAnswerOf(error);
  // An error's own English (with its facts) before the code's general one.
  const localised =
    domain?.messageEn !== undefined && prefersEnglish(acceptLanguage)
      ? domain.messageEn
      : localiseErrorMessage(code, message, acceptLanguage);
  if (domain) {
    if (domain instanceof ConfigurationFaultError) {
      const requestId = c.get('requestId');
      log({ level: 'error', msg: 'configuration fault', code: domain.code, fault: domain.fault, requestId });
    } else if (status >= 500) {
      log({ level: 'warn', msg: 'request failed', code: domain.code, requestId: c.get('requestId') });
    }
    const body: Record<string, unknown> = {
      error: {
        code,
        message: localised,
        ...(domain.details !== undefined && !(domain instanceof VersionConflictError)
          ? { details: domain instanceof InputValidationError ? withEnglish(domain.details) : domain.details }
          : {}),
      },
    };
    // The survey client needs the stored version to show who changed what.
    if (domain instanceof VersionConflictError && domain.details !== undefined) body.current = domain.details;
    return c.json(body, status, httpHeadersOf(domain));
  }
  if (!(error instanceof HTTPException)) {
    log({ level: 'error', msg: 'unhandled error', error: error.name, requestId: c.get('requestId') });
  }
  return c.json({ error: { code, message: localised } }, status);
}
