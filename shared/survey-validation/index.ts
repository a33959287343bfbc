/**
 * Survey answer validation. This entry is light (no survey-core) and serves autosave.
 * Submission validation loads survey-core: import it lazily,
 * `const { validateSubmission } = await import('../shared/survey-validation/validate-submission')`.
 */

export { messages as validationMessages } from './messages';
export { validateDraft } from './validate-draft';
export * from './validation.schema';
