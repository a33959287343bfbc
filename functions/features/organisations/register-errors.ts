import { NotFoundError, VersionConflictError } from '../../errors/domain-errors';

/**
 * The member register's "not found" errors, worded once: the Swedish names what is missing and the
 * English says the same, so a console in English does not get the code's bare "Not found.".
 */
export function organisationNotFound(organisationId: string): NotFoundError {
  return new NotFoundError(
    `Organisationen ${organisationId} finns inte.`,
    'not_found',
    `Organisation ${organisationId} does not exist.`,
  );
}

/** A contact id that is not (or no longer) in the register. */
export function contactNotFound(): NotFoundError {
  return new NotFoundError('Kontakten finns inte.', 'not_found', 'The contact does not exist.');
}

/** A contact write that lost to another one at the same time, too often to retry. */
export function contactChangedMeanwhile(): VersionConflictError {
  return new VersionConflictError(
    'Kontakten ändrades samtidigt. Försök igen.',
    undefined,
    'The contact was changed by someone else at the same time. Try again.',
  );
}
