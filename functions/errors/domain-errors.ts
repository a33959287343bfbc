/**
 * Domain errors. They say what went wrong in the domain's words and never carry HTTP
 * statuses: `http-error-map.ts` is the one place that turns them into responses.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Extra facts for the client, such as the current version on a conflict. */
  readonly details?: unknown;
  /** This error's own English, when the code's general English would say less (error-messages.ts). */
  declare readonly messageEn?: string;

  constructor(message: string, details?: unknown, messageEn?: string) {
    super(message);
    this.name = new.target.name;
    this.details = details;
    if (messageEn !== undefined) this.messageEn = messageEn;
  }
}

/** Input that does not match its schema. `details` holds the zod issue paths. */
export class InputValidationError extends DomainError {
  readonly code = 'invalid_input';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'unsupported_media_type';
}

export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
}

export class NotAuthenticatedError extends DomainError {
  readonly code: string;
  constructor(code = 'not_authenticated', message = 'Du är inte inloggad.') {
    super(message);
    this.code = code;
  }
}

export class ForbiddenError extends DomainError {
  readonly code: string;
  constructor(
    code = 'forbidden',
    message = 'Du har inte behörighet till detta.',
    details?: unknown,
    messageEn?: string,
  ) {
    super(message, details, messageEn);
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  readonly code: string;
  /** `messageEn`: what is missing, in English, when the code's general "Not found." would not say. */
  constructor(message: string, code = 'not_found', messageEn?: string) {
    super(message, undefined, messageEn);
    this.code = code;
  }
}

/** The item already exists (a conditional create failed). */
export class AlreadyExistsError extends DomainError {
  readonly code = 'already_exists';
}

/** Someone else wrote a newer version first. `details` carries what is stored now. */
export class VersionConflictError extends DomainError {
  readonly code = 'version_conflict';
}

/** A one-time claim (a login token, a reminder step) was taken by someone else. */
export class AlreadyClaimedError extends DomainError {
  readonly code = 'already_claimed';
}

/** A state rule of the domain forbids this, e.g. a second open campaign. */
export class DomainRuleError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, details?: unknown, messageEn?: string) {
    super(message, details, messageEn);
    this.code = code;
  }
}

/** A conflicting state, such as a response that is already submitted. */
export class StateConflictError extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, details?: unknown, messageEn?: string) {
    super(message, details, messageEn);
    this.code = code;
  }
}

/** Too many attempts. `retryAfterSeconds`: how long until the limit lets the next attempt through. */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The store is throttled or unreachable; the caller may retry and nothing was changed. */
export class StoreUnavailableError extends DomainError {
  readonly code = 'store_unavailable';
}

/**
 * The platform's own configuration is broken, e.g. a stored survey whose scoring does not compile:
 * nothing the caller sent is wrong and retrying does not help. `fault` says what is broken, for
 * the log; the message tells the caller whom to contact.
 */
export class ConfigurationFaultError extends DomainError {
  readonly code: string;
  constructor(
    code: string,
    message: string,
    readonly fault: string,
  ) {
    super(message);
    this.code = code;
  }
}
