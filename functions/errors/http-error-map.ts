import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AlreadyClaimedError,
  AlreadyExistsError,
  type DomainError,
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
  return 500;
}
