import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ScoringConfigError } from '../../shared/scoring/scoring-plan';
import {
  AlreadyClaimedError,
  AlreadyExistsError,
  ConfigurationFaultError,
  DomainError,
  DomainRuleError,
  ForbiddenError,
  InputValidationError,
  NotAuthenticatedError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  StateConflictError,
  StoreUnavailableError,
  UnsupportedMediaTypeError,
  VersionConflictError,
} from './domain-errors';

/** The one mapping from domain errors to HTTP statuses. */
export function httpStatusOf(error: DomainError): ContentfulStatusCode {
  if (error instanceof InputValidationError) return 400;
  if (error instanceof NotAuthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof AlreadyExistsError) return 409;
  if (error instanceof VersionConflictError) return 409;
  if (error instanceof AlreadyClaimedError) return 409;
  if (error instanceof StateConflictError) return 409;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof UnsupportedMediaTypeError) return 415;
  if (error instanceof DomainRuleError) return 422;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof StoreUnavailableError) return 503;
  // Everything else, ConfigurationFaultError included (the platform's own fault, which retrying
  // does not help: not 503), is a 500.
  return 500;
}

/**
 * The headers a domain error's answer carries beside its status: a 429 says when to try again
 * (Retry-After, whole seconds rounded up, at least 1).
 */
export function httpHeadersOf(error: DomainError): Record<string, string> {
  if (error instanceof RateLimitedError) {
    return { 'Retry-After': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) };
  }
  return {};
}

/** Said when a stored survey's scoring does not compile, to whoever's request ran into it. */
export const SURVEY_MISCONFIGURED_MESSAGE =
  'Enkäten är felaktigt inställd hos Klimatkommunerna, så det gick inte att genomföra. Felet ligger inte hos er. ' +
  'Kontakta kansliet så att det kan rättas.';

/**
 * The domain error an error stands for: itself when it is one, and for the few errors from outside
 * the domain layer with a known meaning, their domain equivalent. A ScoringConfigError that reaches
 * a request means a stored survey is broken (campaign create, update and open refuse such surveys, so
 * it is older data or a direct write): the platform's configuration fault, not the caller's, and
 * worth an error log, not a bare "unexpected error". Undefined for anything else.
 */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (error instanceof ScoringConfigError) {
    return new ConfigurationFaultError(
      'survey_misconfigured',
      SURVEY_MISCONFIGURED_MESSAGE,
      `survey scoring: ${error.message}`,
    );
  }
  return undefined;
}
